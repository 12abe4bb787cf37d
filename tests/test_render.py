"""Renderers over hand-built Reports: every format, plus hostile article text in the HTML report."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from builders import checked, world_magnet_series

from checker.render import (
    escape_data,
    escape_property,
    render_github,
    render_html,
    render_index,
    render_json,
    render_sarif,
    render_text,
)
from checker.report import (
    CheckedClaim,
    DocumentReport,
    Evidence,
    Report,
    Series,
    SeriesPoint,
    summarise,
)

SOURCE = "https://example.org/customs/2025-07?a=1&b=2"
HOSTILE = [
    "<script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
]


def evidence(value: str = "5577", url: str = SOURCE) -> Evidence:
    return Evidence(
        commodity="rare_earth_magnets",
        partner="World",
        period="2025-07",
        metric="quantity",
        value=Decimal(value),
        unit="t",
        source_url=url,
        line=272,
    )


def make_report(
    text: str,
    claims: list[CheckedClaim],
    *,
    path: str = "drafts/july.md",
    series: list[Series] | None = None,
    **fields: object,
) -> Report:
    document = DocumentReport(
        path=path, claims=claims, summary=summarise(claims), text=text, series=series or []
    )
    return Report(dataset="data/exports.csv", dataset_sha256="ab" * 32, documents=[document], **fields)


ARTICLE = (
    "Magnet exports rose to 5,577 tonnes in July.\n"
    "That was up 76% from June, and 12% above a year earlier.\n"
    "India bought 212 tonnes; tariffs are 10%.\n"
)


@pytest.fixture
def report() -> Report:
    claims = [
        checked(
            ARTICLE,
            "12% above a year earlier",
            "refuted",
            kind="yoy_pct",
            expected="+5.7%",
            basis="recomputed",
            error="material",
            rows=[evidence()],
        ),
        checked(
            ARTICLE, "5,577 tonnes", "supported", expected="5,577 t", basis="recomputed", rows=[evidence()]
        ),
        checked(
            ARTICLE,
            "up 76% from June",
            "refuted",
            kind="mom_pct",
            expected="+75.4%",
            basis="recomputed",
            error="near_miss",
            rows=[evidence(), evidence("3188")],
        ),
        checked(ARTICLE, "212 tonnes", "unverifiable", unverifiable_reason="not_covered"),
        checked(
            ARTICLE, "10%", "unverifiable", kind="other", unverifiable_reason="out_of_scope", in_scope=False
        ),
    ]
    series = world_magnet_series(
        SeriesPoint(period="2025-07", value=Decimal(5577)),
        SeriesPoint(period="2025-01..2025-07", value=Decimal(31000)),
    )
    return make_report(ARTICLE, claims, series=[series])


# --- json ------------------------------------------------------------------------------------------


def test_json_round_trips_and_sorts_claims(report: Report):
    output = render_json(report)
    again = Report.model_validate_json(output)
    starts = [c.start for c in again.documents[0].claims]
    assert starts == sorted(starts)
    assert again.documents[0].text is None
    assert 'text": "Magnet exports' not in output
    assert {c.text for c in again.documents[0].claims} == {c.text for c in report.documents[0].claims}
    assert render_json(report) == output


# --- text ------------------------------------------------------------------------------------------


def test_text_lines_and_summary(report: Report):
    output = render_text(report, color=False)
    lines = output.splitlines()
    assert "\x1b[" not in output
    assert lines[0].startswith('drafts/july.md:1:24  SUPPORTED  "5,577 tonnes"  ')
    refuted = next(line for line in lines if '"up 76% from June"' in line)
    assert refuted.startswith("drafts/july.md:2:10  REFUTED")
    assert "data gives +75.4%" in refuted and "near miss" in refuted
    material = next(line for line in lines if '"12% above a year earlier"' in line)
    assert "material error" in material
    assert lines[-1] == "drafts/july.md: 5 claims: 1 supported, 2 refuted, 2 cannot check"


def test_text_color_and_markup_safety():
    text = "Exports of [bold]5 tonnes[/bold] rose."
    report = make_report(text, [checked(text, "[bold]5 tonnes[/bold]", "refuted", expected="6 t")])
    colored = render_text(report, color=True)
    assert "\x1b[" in colored
    plain = render_text(report, color=False)
    assert '"[bold]5 tonnes[/bold]"' in plain
    assert plain.endswith("1 claim: 0 supported, 1 refuted, 0 cannot check\n")


def test_colour_is_the_plain_text_with_styles(report: Report):
    colored = render_text(report, color=True)
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == render_text(report, color=False)


def test_text_empty_document_and_errors():
    report = make_report("No numbers here.", [], errors=["E101 missing.md: no such file"])
    output = render_text(report, color=False)
    assert "error: E101 missing.md: no such file" in output
    assert "drafts/july.md: no numeric claims found" in output


# --- github ----------------------------------------------------------------------------------------


def test_github_annotations(report: Report):
    lines = render_github(report).splitlines()
    assert len(lines) == 3  # two refuted, one in-scope unverifiable; supported and out of scope skipped
    assert lines[0] == (
        "::error file=drafts/july.md,line=2,col=10,endColumn=26,title=factcheck refuted::"
        "up 76%25 from June \u2014 refuted because of the data (data gives +75.4%25; near miss)"
    )
    assert lines[1].startswith("::error file=drafts/july.md,line=2,col=32,")
    assert lines[2].startswith("::warning file=drafts/july.md,line=3,col=14,")
    assert "title=factcheck cannot check::212 tonnes" in lines[2]


def test_github_escaping():
    text = "Up 50% in Q3\r\nthen more."
    claim = checked(text, "50%", "refuted", reason="got 40%\nnot 50%: see, data", expected="40%")
    output = render_github(make_report(text, [claim], path="drafts/a,b:c%.md"))
    assert output.count("\n") == 1
    properties, message = output.removeprefix("::error ").rstrip("\n").split("::", 1)
    assert properties.startswith("file=drafts/a%2Cb%3Ac%25.md,line=1,col=4,")
    assert message == "50%25 \u2014 got 40%25 not 50%25: see, data (data gives 40%25)"
    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


# --- sarif -----------------------------------------------------------------------------------------


def test_sarif_structure(report: Report):
    sarif = json.loads(render_sarif(report))
    assert sarif["version"] == "2.1.0"
    assert sarif["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert [rule["id"] for rule in driver["rules"]] == ["refuted", "unverifiable"]
    levels = [(r["ruleId"], r["level"]) for r in run["results"]]
    assert levels == [("refuted", "error"), ("refuted", "error"), ("unverifiable", "warning")]
    for result in run["results"]:
        assert result["message"]["text"]
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "drafts/july.md"
        assert set(location["region"]) >= {"startLine", "startColumn", "endColumn"}
    first = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (first["startLine"], first["startColumn"], first["endColumn"]) == (2, 10, 26)


# --- html ------------------------------------------------------------------------------------------


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = TagCollector()
    collector.feed(html)
    return collector.tags


def hostile_report() -> Report:
    text = "Exports rose to 5,577 tonnes. " + " ".join(HOSTILE) + ' Then "12%" fell <b>3 t</b>.\n'
    claims = [
        checked(text, "5,577 tonnes", "supported", rows=[evidence(url="javascript:alert(1)")]),
        checked(text, HOSTILE[2], "refuted", reason=HOSTILE[0], expected=HOSTILE[1], conflict=HOSTILE[4]),
        checked(text, '"12%"', "unverifiable", reason='" onmouseover="alert(1)'),
        checked(text, "<b>3 t</b>", "refuted", rows=[evidence(url=f"{SOURCE} | javascript:alert(2)")]),
    ]
    return make_report(text, claims, path="<script>alert(9)</script>.md", warnings=[HOSTILE[0]])


def test_html_escapes_hostile_text():
    html = render_html(hostile_report())
    # hostile markup survives only as escaped text
    for payload in ["<script", "<img", 'onmouseover="alert', "<b>3 t</b>", '<a href="javascript']:
        assert payload not in html
    tags = parse_tags(html)
    assert not [
        tag for tag, _ in tags if tag in {"script", "img", "iframe", "object", "embed", "link", "base"}
    ]
    for tag, attrs in tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "src" not in attrs
    hrefs = [attrs["href"] for tag, attrs in tags if tag == "a"]
    assert all(h is not None and (h.startswith("#") or h == SOURCE) for h in hrefs), hrefs
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_html_has_no_external_resources(report: Report):
    html = render_html(report)
    assert "<link" not in html and 'src="http' not in html and "<script" not in html
    assert "@import" not in html and "url(" not in html
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) == {SOURCE.replace("&", "&amp;")}
    assert "Content-Security-Policy" in html


def test_html_content(report: Report):
    html = render_html(report)
    tags = parse_tags(html)
    marks = [attrs for tag, attrs in tags if tag == "mark"]
    assert [m["class"] for m in marks] == [
        "claim supported",
        "claim refuted",
        "claim refuted",
        "claim unverifiable",
        "claim unverifiable",
    ]
    for mark in marks:
        assert mark["tabindex"] == "0"
        assert any(attrs.get("id") == mark["aria-describedby"] for _, attrs in tags)
    assert 'data-count="supported">1<' in html
    assert 'data-count="refuted">2<' in html
    assert 'data-count="unverifiable">2<' in html
    assert "visually-hidden" in html and "\u2718" in html and "\u2714" in html
    assert "<svg" in html and "claimed-mark" in html and "figure in the article" in html
    assert "Not on this chart: 2025-01..2025-07: 31,000 t" in html
    assert "about_slack" in html and "near_miss_units" in html
    table = html[html.index("<table") :]
    assert table.index("up 76% from June") < table.index("212 tonnes") < table.index("5,577 tonnes")
    # the article text survives intact between the highlights
    article = html[
        html.index('class="article-text"') : html.index("</div>", html.index('class="article-text"'))
    ]
    assert "Magnet exports rose to " in article and " in July.\nThat was " in article


def test_html_overlapping_claims_stay_in_table():
    text = "Exports of 5,577 tonnes rose."
    outer = checked(text, "5,577 tonnes", "supported")
    inner = checked(text, "577 tonnes", "refuted")
    html = render_html(make_report(text, [inner, outer]))
    assert html.count("<mark") == 1
    assert "not highlighted: it overlaps claim" in html
    assert html.count('<tr class="') == 2


def test_html_without_text_shows_table_only(report: Report):
    document = report.documents[0].model_copy(update={"text": None})
    html = render_html(report.model_copy(update={"documents": [document]}))
    assert "<mark" not in html and 'class="article-text"' not in html
    assert "<table" in html and "up 76% from June" in html


def test_html_empty_report():
    html = render_html(make_report("Nothing.", [], errors=["E102 bad.md: not UTF-8"]))
    assert "No numeric claims found." in html and "E102 bad.md: not UTF-8" in html


def test_index_links_are_relative_and_escaped():
    html = render_index(
        [
            ("july.html", "July <draft>"),
            ("javascript:alert(1)", "x"),
            ("https://example.org/r.html", "remote"),
        ]
    )
    hrefs = [attrs["href"] for tag, attrs in parse_tags(html) if tag == "a"]
    assert hrefs == ["july.html", "./javascript:alert(1)", "https://example.org/r.html"]
    assert "July &lt;draft&gt;" in html and "<script" not in html
