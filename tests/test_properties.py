"""Properties that hold for any text: the extractor never raises and its offsets always point at its quotes,
and the JSON report of any readable article validates against the Report model.

Inputs are random text and the example articles in tests/articles/ with random insertions, deletions and
changed numbers. Example counts are modest so the suite stays fast; `benchmarks/fuzz_extract.py` runs longer.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.check import check_paths
from checker.dataset import Dataset
from checker.render import render_json
from checker.report import Report, Settings
from claims.extract import extract_claims

ARTICLES = sorted((Path(__file__).parent / "articles").glob("*.*"))
ARTICLES = [p for p in ARTICLES if p.suffix in (".txt", ".md", ".html")]
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in ARTICLES}
NUMBER = re.compile(r"\d[\d,.]*")

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = [
    "China", "exported", "exports", "rare", "earth", "magnets", "rare earths", "rose", "fell", "up", "down",
    "from", "in", "to", "the", "US", "U.S.-bound", "Germany", "Japan", "EU", "tonnes", "tons", "kg", "t",
    "metric tons", "%", "percent", "per cent", "times", "sevenfold", "half", "a third", "about", "nearly",
    "more than", "over", "under", "record", "highest", "lowest", "since", "January", "June", "July", "December",
    "Q1", "H1", "first half", "year-on-year", "y/y", "m/m", "MoM", "YoY", "month", "a year earlier", "2023",
    "2025", "2026", "last year", "this year", "year-to-date", "Jan-Sep", "largest", "buyer", "No. 2", "fifth",
    "\u2212", "\u2013", "\u00a0", "\u2191", "\n", "\r\n", "\r", ".", ",", ";", "(", ")", "-", "'s", "\"",
]
number_text = st.one_of(
    st.integers(min_value=-10, max_value=10**9).map(str),
    st.decimals(min_value=-1000, max_value=10**7, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.integers(min_value=0, max_value=10**7).map(lambda n: f"{n:,}"),
)
token_text = st.lists(st.one_of(st.sampled_from(WORDS), number_text), max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=300), token_text)
published = st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)))


@st.composite
def mutated_article(draw: st.DrawFn) -> str:
    """An example article with a few random edits: insert text, delete a span, or change a number."""
    text = TEXTS[draw(st.sampled_from(sorted(TEXTS)))]
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        edit = draw(st.sampled_from(["insert", "delete", "number"]))
        at = draw(st.integers(min_value=0, max_value=len(text)))
        if edit == "insert":
            text = text[:at] + draw(any_text) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + draw(st.integers(min_value=1, max_value=200)) :]
        else:
            numbers = list(NUMBER.finditer(text))
            if numbers:
                m = numbers[draw(st.integers(min_value=0, max_value=len(numbers) - 1))]
                text = text[: m.start()] + draw(number_text) + text[m.end() :]
    return text


def assert_claims_quote_the_text(text: str, day: date | None) -> None:
    for claim in extract_claims(text, day):
        assert 0 <= claim.start <= claim.end <= len(text), claim
        assert text[claim.start : claim.end] == claim.text, claim


@FAST
@given(text=any_text, day=published)
def test_extract_never_raises_on_random_text(text: str, day: date | None) -> None:
    assert_claims_quote_the_text(text, day)


@FAST
@given(text=mutated_article(), day=published)
def test_extract_never_raises_on_mutated_articles(text: str, day: date | None) -> None:
    assert_claims_quote_the_text(text, day)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(text=st.one_of(mutated_article(), any_text), suffix=st.sampled_from([".txt", ".md", ".html"]),
       day=published)
def test_report_json_always_validates(workdir: Path, dataset: Dataset, text: str, suffix: str,
                                      day: date | None) -> None:
    path = workdir / f"article{suffix}"
    path.write_text(text, encoding="utf-8")
    report = check_paths([str(path)], dataset, Settings(), day)
    assert len(report.documents) + len(report.errors) == 1
    rendered = render_json(report)
    parsed = Report.model_validate_json(rendered)
    assert render_json(parsed) == rendered
