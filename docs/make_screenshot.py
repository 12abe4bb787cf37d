"""Regenerate docs/report.png, the HTML report screenshot shown in the README.

Needs playwright (pip) and Debian's Chromium (apt-get install chromium):

    .venv/bin/python docs/make_screenshot.py

The article below is an illustration written for this screenshot; the data values come from
data/exports.csv.
"""

from __future__ import annotations

import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from chromium import launch  # noqa: E402

from checker.render import render_html  # noqa: E402
from checker.report import (  # noqa: E402
    CheckedClaim,
    DocumentReport,
    Evidence,
    Report,
    Series,
    SeriesPoint,
    summarise,
)

ARTICLE = """\
# China's rare earth magnet exports rebound in July

BEIJING, Aug 20 — China's exports of rare earth magnets rose to 5,577 tonnes in July, up 75% from June, \
customs data showed on Wednesday, as licences issued under April's export controls began to flow.

Shipments were 6.2% higher than a year earlier, the data showed. In May, at the height of the \
disruption, exports had slumped to 1,328 tonnes.

Exports to the United States climbed to 619 tonnes, up 76% from June and 12% above their level in \
July 2024. Germany remained the largest buyer, taking 1,116 tonnes.

Shipments to India reached 212 tonnes, according to a person familiar with the figures. Beijing \
added seven elements to its export control list on April 4, and magnet prices in Europe are \
roughly three times those in China, traders said.
"""

WORLD = {
    "2024-08": 5325,
    "2024-09": 4915,
    "2024-10": 4725,
    "2024-11": 4794,
    "2024-12": 5570,
    "2025-01": 6357,
    "2025-02": 3587,
    "2025-03": 5324,
    "2025-04": 2626,
    "2025-05": 1238,
    "2025-06": 3188,
    "2025-07": 5577,
}
SRC_WORLD_JUL = "https://en.ckhq.net/html/36711add5b00b1bb47f31689e77d293f.html"
SRC_JUN = "http://danviet.com.au/xuat-cang-nam-cham-dat-hiem-cua-trung-quoc-sang-my-tang-gap-7-lan"
SRC_MAY = "https://www.segye.com/newsView/20250820512616?OutUrl=google"
SRC_YLIWU = "http://www.yliwu.com/article/53483.html"
SRC_US_2024 = "https://squidsite02.com/2025/08/20/chinas-rare-earth-magnet"


def row(
    partner: str,
    period: str,
    value: int | str,
    url: str,
    line: int,
    metric: str = "quantity",
    unit: str = "t",
) -> Evidence:
    return Evidence(
        commodity="rare_earth_magnets",
        partner=partner,
        period=period,
        metric=metric,
        value=Decimal(value),
        unit=unit,
        source_url=url,
        line=line,
    )


def claim(
    quote: str, verdict: str, reason: str, *, kind: str = "quantity", occurrence: int = 0, **fields: object
) -> CheckedClaim:
    start = -1
    for _ in range(occurrence + 1):
        start = ARTICLE.index(quote, start + 1)
    before = ARTICLE[:start]
    line = before.count("\n") + 1
    col = start - (before.rfind("\n") + 1) + 1
    sentence_start = max(before.rfind(". "), before.rfind("\n")) + 1
    sentence_end = ARTICLE.find(".", start + len(quote))
    return CheckedClaim(
        start=start,
        end=start + len(quote),
        line=line,
        col=col,
        text=quote,
        sentence=ARTICLE[sentence_start : sentence_end + 1].strip(),
        kind=kind,
        rule="demo",
        verdict=verdict,
        reason=reason,
        **fields,
    )


def build_report() -> Report:
    world_jul = row("World", "2025-07", 5577, SRC_WORLD_JUL, 272)
    world_jun = row("World", "2025-06", 3188, SRC_JUN, 224)
    claims = [
        claim(
            "5,577 tonnes",
            "supported",
            "July 2025 magnet exports to the world were 5,577 t.",
            expected="5,577 t",
            basis="recomputed",
            rows=[world_jul],
            commodity="rare_earth_magnets",
            partner="World",
            period="2025-07",
            value=Decimal(5577),
            unit="t",
        ),
        claim(
            "up 75% from June",
            "supported",
            "5,577 t in July against 3,188 t in June is +74.9%.",
            kind="mom_pct",
            expected="+74.9%",
            basis="recomputed",
            rows=[world_jul, world_jun],
        ),
        claim(
            "6.2% higher than a year earlier",
            "refuted",
            "5,577 t in July 2025 against 5,278 t in July 2024 is +5.7%, not +6.2%.",
            kind="yoy_pct",
            expected="+5.7%",
            basis="recomputed",
            error="material",
            rows=[world_jul, row("World", "2024-07", 5278, SRC_YLIWU, 42)],
        ),
        claim(
            "1,328 tonnes",
            "refuted",
            "May 2025 magnet exports to the world were 1,238 t.",
            expected="1,238 t",
            basis="recomputed",
            error="material",
            rows=[row("World", "2025-05", 1238, SRC_MAY, 176)],
        ),
        claim(
            "619 tonnes",
            "supported",
            "July 2025 magnet exports to the United States were 619 t.",
            expected="619 t",
            basis="recomputed",
            rows=[row("United States", "2025-07", 619, SRC_YLIWU, 771)],
        ),
        claim(
            "up 76% from June",
            "refuted",
            "619 t in July against 353 t in June is +75.4%; '76%' allows 75.5% to 76.5%.",
            kind="mom_pct",
            expected="+75.4%",
            basis="recomputed",
            error="near_miss",
            rows=[
                row("United States", "2025-07", 619, SRC_YLIWU, 771),
                row("United States", "2025-06", 353, SRC_JUN, 719),
            ],
        ),
        claim(
            "12% above their level in July 2024",
            "refuted",
            "619 t in July 2025 against 591 t in July 2024 is +4.7%, not +12%.",
            kind="yoy_pct",
            expected="+4.7%",
            basis="recomputed",
            error="material",
            rows=[
                row("United States", "2025-07", 619, SRC_YLIWU, 771),
                row("United States", "2024-07", 591, SRC_US_2024, 649),
            ],
        ),
        claim(
            "1,116 tonnes",
            "supported",
            "July 2025 magnet exports to Germany were 1,116 t.",
            expected="1,116 t",
            basis="published",
            rows=[row("Germany", "2025-07", 1116, SRC_YLIWU, 474)],
        ),
        claim(
            "212 tonnes",
            "unverifiable",
            "The dataset has no July 2025 magnet series for India.",
            unverifiable_reason="not_covered",
        ),
        claim(
            "seven elements",
            "unverifiable",
            "A count of controlled elements, not export data.",
            kind="other",
            unverifiable_reason="out_of_scope",
            in_scope=False,
        ),
        claim(
            "roughly three times",
            "unverifiable",
            "A price comparison, not export data.",
            kind="multiple",
            unverifiable_reason="out_of_scope",
            in_scope=False,
            scope_note="prices are not in the customs dataset",
        ),
    ]
    series = Series(
        commodity="rare_earth_magnets",
        partner="World",
        points=[SeriesPoint(period=p, value=Decimal(v)) for p, v in WORLD.items()],
        claimed=[
            SeriesPoint(period="2025-05", value=Decimal(1328)),
            SeriesPoint(period="2025-07", value=Decimal(5577)),
        ],
    )
    document = DocumentReport(
        path="examples/magnets-july-2025.md",
        published="2025-08-20",
        published_source="dateline",
        claims=claims,
        summary=summarise(claims),
        series=[series],
        text=ARTICLE,
    )
    return Report(
        dataset="data/exports.csv", dataset_sha256="3f2a9c41d07be5e8" + "0" * 48, documents=[document]
    )


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = ROOT / "docs" / "report.png"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_path = Path(tmp) / "report.html"
        page_path.write_text(render_html(build_report()), encoding="utf-8")
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
        page.goto(page_path.as_uri())
        page.locator("mark.claim.refuted").nth(2).focus()
        page.screenshot(path=str(out), full_page=False)
        browser.close()
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
