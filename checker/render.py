"""Renderers: pure functions from one Report to a string. None of them recomputes a verdict, and none
writes a file; cli.py decides where the string goes.

Claim positions are 1-based (`line`, `col`), as editors, GitHub annotations and SARIF expect.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from checker import __version__
from checker.report import CheckedClaim, DocumentReport, Report, Series, Settings

if TYPE_CHECKING:  # jinja2 and rich are imported where they are used: `check --format json` needs neither
    from jinja2 import Environment

VERDICT_LABEL = {"supported": "supported", "refuted": "refuted", "unverifiable": "cannot check"}
VERDICT_ICON = {"supported": "\u2714", "refuted": "\u2718", "unverifiable": "?"}
VERDICT_STYLE = {"supported": "green", "refuted": "bold red", "unverifiable": "yellow"}
VERDICT_ORDER = {"refuted": 0, "unverifiable": 1, "supported": 2}
ERROR_LABEL = {"near_miss": "near miss", "material": "material error"}
UNVERIFIABLE_LABEL = {
    "out_of_scope": "not China export data",
    "not_covered": "not in the dataset",
    "unresolved": "subject or period unclear",
    "excluded_series": "series excluded from the dataset",
}
BASIS_LABEL = {
    "recomputed": "recomputed from monthly customs tonnages",
    "published": "a published figure",
    "derived": "derived from published figures",
    "internal": "the article's own figures",
}
SETTING_LABEL = {
    "about_slack": "'about', 'roughly', 'around': value \u00b1 max(this share of it, half a unit)",
    "nearly_slack": "'nearly', 'almost': from (1 \u2212 this share) \u00d7 value to value + half a unit",
    "near_miss_units": "a refuted figure within this many units of its last digit is a near miss",
}
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


# --- shared helpers ---------------------------------------------------------------------------------


def sorted_claims(claims: Iterable[CheckedClaim]) -> list[CheckedClaim]:
    """Claims in reading order: by start offset, the longer claim first on a tie."""
    return sorted(claims, key=lambda c: (c.start, -c.end, c.text))


def one_line(text: str) -> str:
    return " ".join(text.split())


def claim_message(claim: CheckedClaim) -> str:
    """The reason, plus what the data gives and how wrong the figure is for refuted claims."""
    message = one_line(claim.reason)
    if claim.verdict == "refuted":
        extra = [
            f"data gives {claim.expected}" if claim.expected else None,
            ERROR_LABEL.get(claim.error or ""),
        ]
        extra_text = "; ".join(part for part in extra if part)
        if extra_text:
            message = f"{message} ({extra_text})"
    elif claim.verdict == "unverifiable" and claim.unverifiable_reason:
        message = f"{message} ({UNVERIFIABLE_LABEL[claim.unverifiable_reason]})"
    if claim.conflict:
        message = f"{message} [conflict: {one_line(claim.conflict)}]"
    return message


def summary_line(document: DocumentReport) -> str:
    s = document.summary
    noun = "claim" if s.claims == 1 else "claims"
    return f"{s.claims} {noun}: {s.supported} supported, {s.refuted} refuted, {s.unverifiable} cannot check"


def end_position(claim: CheckedClaim) -> tuple[int, int]:
    """1-based line and exclusive end column of a claim, from its quote."""
    lines = claim.text.split("\n")
    if len(lines) == 1:
        return claim.line, claim.col + len(claim.text)
    return claim.line + len(lines) - 1, len(lines[-1]) + 1


def format_number(value: Decimal) -> str:
    return f"{value:,}"


def sorted_report(report: Report) -> Report:
    documents = [d.model_copy(update={"claims": sorted_claims(d.claims)}) for d in report.documents]
    return report.model_copy(update={"documents": documents})


# --- json, text, github, sarif ----------------------------------------------------------------------


def render_json(report: Report) -> str:
    """The Report as JSON, claims in reading order. The article text is not included."""
    return sorted_report(report).model_dump_json(indent=2) + "\n"


StyledRun = tuple[str, str | None]
"""A run of terminal text and its rich style (None: plain)."""


def text_lines(report: Report) -> Iterator[list[StyledRun]]:
    """The terminal report, line by line: errors, then per document its warnings, claims and summary."""
    for error in report.errors:
        yield [("error", "bold red"), (f": {one_line(error)}", None)]
    for document in report.documents:
        for warning in document.warnings:
            yield [(document.path, "dim"), (": ", None), ("warning", "yellow"), (f": {warning}", None)]
        for claim in sorted_claims(document.claims):
            yield [
                (f"{document.path}:{claim.line}:{claim.col}", "dim"),
                ("  ", None),
                (claim.verdict.upper(), VERDICT_STYLE[claim.verdict]),
                ("  ", None),
                (f'"{one_line(claim.text)}"', "bold"),
                ("  ", None),
                (claim_message(claim), None),
            ]
        if not document.claims:
            yield [(document.path, "bold"), (": no numeric claims found", None)]
        else:
            yield [(document.path, "bold"), (f": {summary_line(document)}", None)]


def render_text(report: Report, *, color: bool) -> str:
    """One line per claim, `path:line:col  VERDICT  "quote"  reason`, then a summary per document.

    Plain text needs no terminal library (a CI log or a pipe); colour goes through rich."""
    if not color:
        return "".join("".join(text for text, _ in line) + "\n" for line in text_lines(report))
    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="standard", highlight=False, markup=False,
                      emoji=False, soft_wrap=True, width=200)
    for line in text_lines(report):
        console.print(Text.assemble(*((text, style or "") for text, style in line)))
    return out.getvalue()


def escape_data(value: str) -> str:
    """GitHub workflow-command message escaping."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """GitHub workflow-command property escaping: the message rules plus ':' and ','."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_command(level: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {props}::{escape_data(message)}\n"


def render_github(report: Report) -> str:
    """GitHub Actions annotations: errors for refuted claims, warnings for in-scope unverifiable ones."""
    lines = [github_command("error", {"title": "factcheck"}, error) for error in report.errors]
    for document in report.documents:
        for claim in sorted_claims(document.claims):
            if claim.verdict == "refuted":
                level, title = "error", "factcheck refuted"
            elif claim.verdict == "unverifiable" and claim.in_scope:
                level, title = "warning", "factcheck cannot check"
            else:
                continue
            end_line, end_col = end_position(claim)
            properties: dict[str, object] = {"file": document.path, "line": claim.line, "col": claim.col}
            if end_line == claim.line:
                properties["endColumn"] = end_col
            properties["title"] = title
            message = f"{one_line(claim.text)} \u2014 {claim_message(claim)}"
            lines.append(github_command(level, properties, message))
    return "".join(lines)


SARIF_RULES = [
    {
        "id": "refuted",
        "name": "RefutedClaim",
        "shortDescription": {"text": "A numeric claim the customs data contradicts."},
        "fullDescription": {
            "text": "The figure in the article lies outside the interval its wording allows, "
            "given the customs dataset."
        },
        "defaultConfiguration": {"level": "error"},
    },
    {
        "id": "unverifiable",
        "name": "UnverifiableClaim",
        "shortDescription": {"text": "A numeric claim about China's exports that cannot be checked."},
        "fullDescription": {
            "text": "The claim is about China's rare-earth exports, but the dataset does not cover "
            "its subject or period, or the claim could not be resolved."
        },
        "defaultConfiguration": {"level": "warning"},
    },
]
SARIF_RULE_INDEX = {rule["id"]: index for index, rule in enumerate(SARIF_RULES)}


def sarif_result(document: DocumentReport, claim: CheckedClaim) -> dict[str, object]:
    end_line, end_col = end_position(claim)
    region: dict[str, object] = {"startLine": claim.line, "startColumn": claim.col}
    if end_line != claim.line:
        region["endLine"] = end_line
    region["endColumn"] = end_col
    region["snippet"] = {"text": claim.text}
    properties = {
        "verdict": claim.verdict,
        "kind": claim.kind,
        "expected": claim.expected,
        "basis": claim.basis,
        "error": claim.error,
        "unverifiableReason": claim.unverifiable_reason,
    }
    return {
        "ruleId": claim.verdict,
        "ruleIndex": SARIF_RULE_INDEX[claim.verdict],
        "level": "error" if claim.verdict == "refuted" else "warning",
        "message": {"text": f'"{one_line(claim.text)}": {claim_message(claim)}'},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": quote(document.path.replace("\\", "/"))},
                    "region": region,
                }
            }
        ],
        "properties": {key: value for key, value in properties.items() if value is not None},
    }


def render_sarif(report: Report) -> str:
    """SARIF 2.1.0 for code-scanning tools: refuted claims are errors, in-scope unverifiable ones warnings."""
    results = [
        sarif_result(document, claim)
        for document in report.documents
        for claim in sorted_claims(document.claims)
        if claim.verdict == "refuted" or (claim.verdict == "unverifiable" and claim.in_scope)
    ]
    notifications = [{"level": "error", "message": {"text": error}} for error in report.errors]
    run: dict[str, object] = {
        "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": SARIF_RULES}},
        "results": results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


# --- html -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A piece of the article: plain text, or the text of one highlighted claim."""

    text: str
    claim: CheckedClaim | None = None
    claim_id: str | None = None


@dataclass(frozen=True)
class Link:
    href: str | None
    """None when the source is not an http(s) URL: it is shown as text, never linked."""
    label: str


@dataclass(frozen=True)
class Chart:
    series: Series
    width: int
    height: int
    line: str
    dots: list[tuple[float, float, str]]
    claimed: list[tuple[float, float, float, str]]
    """x, y of the claimed value, y of the data value, tooltip."""
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    plot: tuple[float, float, float, float]
    """left, top, right, bottom."""
    unplaced: list[str] = field(default_factory=list)
    """Claimed points whose period is not a month of the series."""


@dataclass(frozen=True)
class DocumentView:
    document: DocumentReport
    anchor: str
    ids: dict[int, str]
    """Claim id by position in `document.claims`."""
    segments: list[Segment] | None
    skipped: dict[str, str]
    """Claim id -> why it is not highlighted in the article text."""
    table: list[tuple[str, CheckedClaim]]
    charts: list[Chart]


def source_links(url: str) -> list[Link]:
    """One link per source; a source field may hold several URLs separated by ' | '."""
    links = []
    for part in (p.strip() for p in url.split(" | ")):
        if not part:
            continue
        parsed = urlsplit(part)
        if parsed.scheme in ("http", "https") and parsed.netloc:
            links.append(Link(part, parsed.netloc.removeprefix("www.")))
        else:
            links.append(Link(None, part))
    return links


def safe_href(href: str) -> str:
    """A link for the index page: http(s) or a relative path, never another scheme."""
    scheme = urlsplit(href).scheme
    if scheme in ("http", "https"):
        return href
    return href if not scheme else f"./{href}"


def segment_text(text: str, claims: list[tuple[str, CheckedClaim]]) -> tuple[list[Segment], dict[str, str]]:
    """Split the article at claim offsets. A claim overlapping an earlier highlight is not highlighted."""
    segments: list[Segment] = []
    skipped: dict[str, str] = {}
    position = 0
    previous = ""
    for claim_id, claim in sorted(claims, key=lambda item: (item[1].start, -item[1].end)):
        if not 0 <= claim.start < claim.end <= len(text):
            skipped[claim_id] = "its offsets are outside the article text"
            continue
        if claim.start < position:
            skipped[claim_id] = f"it overlaps claim {previous}"
            continue
        if claim.start > position:
            segments.append(Segment(text[position : claim.start]))
        segments.append(Segment(text[claim.start : claim.end], claim, claim_id))
        position, previous = claim.end, claim_id
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments, skipped


def nice_step(top: float, ticks: int = 4) -> float:
    raw = top / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def build_chart(series: Series, width: int = 380, height: int = 210) -> Chart | None:
    """Geometry for a small line chart of a series' monthly values, with the claimed levels marked."""
    if not series.points:
        return None
    left, top, right, bottom = 44.0, 12.0, width - 8.0, height - 26.0
    values = [float(p.value) for p in series.points] + [float(c.value) for c in series.claimed]
    step = nice_step(max(max(values), 1.0))
    y_max = step * math.ceil(max(max(values), 1.0) / step)
    count = len(series.points)

    def x(index: int) -> float:
        return round(left + (right - left) * (index + 0.5) / count, 1)

    def y(value: float) -> float:
        return round(bottom - (bottom - top) * max(value, 0.0) / y_max, 1)

    index = {p.period: i for i, p in enumerate(series.points)}
    dots = [
        (x(i), y(float(p.value)), f"{p.period}: {format_number(p.value)} t")
        for i, p in enumerate(series.points)
    ]
    claimed, unplaced = [], []
    for point in series.claimed:
        if point.period not in index:
            unplaced.append(f"{point.period}: {format_number(point.value)} t")
            continue
        i = index[point.period]
        data = series.points[i].value
        tip = f"{point.period}: article {format_number(point.value)} t, data {format_number(data)} t"
        claimed.append((x(i), y(float(point.value)), y(float(data)), tip))
    every = max(1, math.ceil(count / 5))
    x_ticks = [(x(i), p.period) for i, p in enumerate(series.points) if i % every == 0]
    y_ticks = [(y(step * k), f"{step * k:,.0f}") for k in range(int(round(y_max / step)) + 1)]
    return Chart(
        series=series,
        width=width,
        height=height,
        line=" ".join(f"{px},{py}" for px, py, _ in dots),
        dots=dots,
        claimed=claimed,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        plot=(left, top, right, bottom),
        unplaced=unplaced,
    )


def document_view(document: DocumentReport, number: int) -> DocumentView:
    anchor = f"d{number}"
    ordered = sorted(enumerate(document.claims), key=lambda item: (item[1].start, -item[1].end))
    ids = {position: f"{anchor}-c{rank + 1}" for rank, (position, _) in enumerate(ordered)}
    claims = [(ids[position], claim) for position, claim in enumerate(document.claims)]
    segments, skipped = (None, {}) if document.text is None else segment_text(document.text, claims)
    table = sorted(claims, key=lambda item: (VERDICT_ORDER[item[1].verdict], item[1].start, -item[1].end))
    charts = [chart for chart in (build_chart(s) for s in document.series) if chart is not None]
    return DocumentView(document, anchor, ids, segments, skipped, table, charts)


@lru_cache(maxsize=1)
def environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from checker.resources import templates_dir

    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["number"] = format_number
    env.filters["sources"] = source_links
    env.globals.update(
        VERDICT_LABEL=VERDICT_LABEL,
        VERDICT_ICON=VERDICT_ICON,
        ERROR_LABEL=ERROR_LABEL,
        UNVERIFIABLE_LABEL=UNVERIFIABLE_LABEL,
        BASIS_LABEL=BASIS_LABEL,
        SETTING_LABEL=SETTING_LABEL,
        version=__version__,
    )
    return env


def settings_rows(settings: Settings) -> list[tuple[str, str, str]]:
    return [
        (name, str(getattr(settings, name)), SETTING_LABEL.get(name, ""))
        for name in type(settings).model_fields
    ]


def render_html(report: Report) -> str:
    """One self-contained HTML page: no scripts, no external resources, article text escaped."""
    views = [document_view(document, number) for number, document in enumerate(report.documents, start=1)]
    template = environment().get_template("report.html.j2")
    return template.render(report=report, views=views, settings=settings_rows(report.settings))


def render_index(reports: list[tuple[str, str]]) -> str:
    """A page linking to several HTML reports, given as (href, title) pairs."""
    links = [(safe_href(href), title) for href, title in reports]
    return environment().get_template("index.html.j2").render(links=links)


RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
    "html": render_html,
}
"""Renderers that take only the Report; `render_text` also needs `color`."""
