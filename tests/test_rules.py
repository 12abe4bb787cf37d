"""Every extraction rule finds a claim in its own example sentence: the rule table is its own test."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from claims import lexicon as lx
from claims import periods_text
from claims.extract import extract_claims, rule_matches
from claims.periods import Month, Period
from claims.periods_text import CALENDAR_PATTERNS, PeriodMention, find_periods
from claims.rules import RULES, Rule


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_matches_its_example(rule: Rule) -> None:
    assert rule.pattern.search(rule.example), f"{rule.id} does not match its example"


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind not in ("rank",)], ids=lambda r: r.id)
def test_rule_example_yields_a_claim(rule: Rule) -> None:
    claims = extract_claims(rule.example, date(2025, 8, 20))
    assert rule.id in {c.rule for c in claims}


ARTICLES = Path(__file__).parent / "articles"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _texts() -> list[str]:
    paths = [p for p in ARTICLES.iterdir() if p.name != "README.md"]
    for corpus in ("seeds", "dev"):  # the shared corpora too, when they sit beside the repository
        if (SHARED / corpus).is_dir():
            paths += [p for p in (SHARED / corpus).iterdir() if p.suffix != ".json"]
    return [p.read_text(encoding="utf-8") for p in sorted(paths)] + [r.example for r in RULES]


@pytest.mark.parametrize("rule", [r for r in RULES if r.needles], ids=lambda r: r.id)
def test_needles_find_what_a_full_scan_finds(rule: Rule) -> None:
    for text in _texts():
        full = [(m.start(), m.end(), m.groupdict()) for m in rule.pattern.finditer(text)]
        near = [(m.start(), m.end(), m.groupdict()) for m in rule_matches(rule, text, text.lower())]
        assert near == full, f"{rule.id} misses or adds matches when run near its needles"


def test_a_match_far_from_its_needle_is_kept_and_edge_artefacts_are_not() -> None:
    rule = next(r for r in RULES if r.id == "multiple.times")
    text = "x" * 1000 + " exports were 3 times higher " + "y" * 1000 + " and 12 fold " + "z" * 900
    assert [m.group(0) for m in rule_matches(rule, text, text.lower())] == ["3 times", "12 fold"]
    assert all(rule.needles for rule in RULES if rule.kind in ("rank", "extreme", "streak", "count"))


def test_period_patterns_skipped_for_lack_of_needles_would_find_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = [s for text in _texts() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    with_needles = [find_periods(s, Month(2025, 7)) for s in sentences]
    monkeypatch.setattr(periods_text, "_PATTERNS", [(name, None, p) for name, _, p in periods_text._PATTERNS])
    assert [find_periods(s, Month(2025, 7)) for s in sentences] == with_needles
    assert any(p.kind == "yoy" for found in with_needles for p in found)


def test_calendar_patterns_alone_find_the_same_dated_months() -> None:
    def dated(found: list[PeriodMention], text: str) -> list[tuple[int, Period | None]]:
        return [(p.start, p.period) for p in found
                if p.kind in ("month", "range") and re.search(r"(?:19|20)\d\d", text[p.start:p.end])]

    for text in _texts():
        everything = find_periods(text, Month(2100, 1))
        assert dated(find_periods(text, Month(2100, 1), only=CALENDAR_PATTERNS), text) == dated(everything, text)


def test_every_commodity_mention_contains_a_commodity_needle() -> None:
    for text in _texts():
        for pattern in (lx.MAGNETS, lx.RARE_EARTHS):
            for m in pattern.finditer(text):
                assert lx.COMMODITY_NEEDLES.search(m.group(0).lower()), m.group(0)
