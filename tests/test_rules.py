"""Every extraction rule finds a claim in its own example sentence: the rule table is its own test."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract_claims
from claims.rules import RULES, Rule


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_matches_its_example(rule: Rule) -> None:
    assert rule.pattern.search(rule.example), f"{rule.id} does not match its example"


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind not in ("rank",)], ids=lambda r: r.id)
def test_rule_example_yields_a_claim(rule: Rule) -> None:
    claims = extract_claims(rule.example, date(2025, 8, 20))
    assert rule.id in {c.rule for c in claims}
