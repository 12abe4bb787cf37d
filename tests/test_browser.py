"""The HTML report in a real headless Chromium: visible highlights, working details, nothing hostile runs.

Needs `pip install playwright` and Debian's `apt-get install chromium`; skipped when either is missing,
unless FACTCHECK_REQUIRE_BROWSER=1 (then it fails, so CI cannot skip it by accident).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from builders import checked, world_magnet_series
from chromium import launch, playwright_or_skip

from checker.render import render_html
from checker.report import CheckedClaim, DocumentReport, Evidence, Report, SeriesPoint, summarise

SOURCE = "https://example.org/customs/magnets-2025-07"

ARTICLE = (
    "Exports rose to 5,577 tonnes in July, up 76% from June.\n"
    "<script>window.__pwned = 1; alert(1)</script>\n"
    'Tariffs <img src=x onerror="window.__pwned = 2; alert(2)"> are now 212 tonnes high.\n'
    '" onmouseover="window.__pwned = 3; alert(3)" x=" and [a link](javascript:alert(4)).\n'
)

pytestmark = pytest.mark.browser




def claim(quote: str, verdict: str, reason: str, **fields: object) -> CheckedClaim:
    return checked(ARTICLE, quote, verdict, reason=reason, **fields)


def build_report() -> Report:
    row = Evidence(
        commodity="rare_earth_magnets",
        partner="World",
        period="2025-07",
        metric="quantity",
        value=Decimal(5577),
        unit="t",
        source_url=SOURCE,
        line=272,
    )
    claims = [
        claim(
            "5,577 tonnes",
            "supported",
            "July exports were 5,577 t.",
            expected="5,577 t",
            basis="recomputed",
            rows=[row],
        ),
        claim(
            "up 76% from June",
            "refuted",
            "5,577 t against 3,188 t is +74.9%, not +76%.",
            expected="+74.9%",
            basis="recomputed",
            error="material",
            rows=[row],
        ),
        claim("212 tonnes", "unverifiable", "No series for this partner.", unverifiable_reason="not_covered"),
    ]
    series = world_magnet_series(SeriesPoint(period="2025-07", value=Decimal(5577)))
    document = DocumentReport(
        path="drafts/<b>july</b>.md", claims=claims, summary=summarise(claims), series=[series], text=ARTICLE
    )
    return Report(dataset="data/exports.csv", dataset_sha256="0" * 64, documents=[document])


@pytest.fixture
def browsed(tmp_path: Path):
    sync_playwright = playwright_or_skip()
    report_path = tmp_path / "report.html"
    report_path.write_text(render_html(build_report()), encoding="utf-8")
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        events: dict[str, list[str]] = {"dialogs": [], "requests": []}
        page.on("dialog", lambda dialog: (events["dialogs"].append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: events["requests"].append(request.url))
        page.goto(report_path.as_uri())
        page.wait_for_load_state("load")
        yield page, events
        browser.close()


def test_report_in_chromium(browsed, tmp_path: Path):
    page, events = browsed
    summary = page.locator("[data-summary]")
    assert summary.is_visible()
    assert " ".join(summary.inner_text().split()) == "\u2714 1 supported \u2718 1 refuted ? 1 cannot check"

    for verdict in ("supported", "refuted", "unverifiable"):
        assert page.locator(f"mark.claim.{verdict}").is_visible()

    for mark in page.locator("mark.claim").all():
        mark.hover()
    page.locator(".article-text").hover()
    text = page.locator(".article-text").inner_text()
    assert "<script>window.__pwned = 1; alert(1)</script>" in text
    assert "<img src=x onerror=" in text

    refuted = page.locator("mark.claim.refuted")
    details = page.locator("#" + refuted.get_attribute("aria-describedby"))
    page.mouse.move(0, 0)
    assert not details.is_visible()
    refuted.hover()
    assert details.is_visible()
    assert "+74.9%, not +76%" in details.inner_text()
    page.mouse.move(0, 0)
    assert not details.is_visible()
    refuted.focus()
    assert details.is_visible()
    page.locator("mark.claim.supported").focus()
    assert not details.is_visible()
    refuted.click()
    assert details.is_visible()

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert events["dialogs"] == []
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.images.length") == 0
    assert all(url.startswith("file://") for url in events["requests"]), events["requests"]

    assert page.locator("svg .claimed-mark").count() == 1
    refuted.focus()
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
