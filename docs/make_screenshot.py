"""Regenerate docs/report.png: a real `factcheck check` of examples/draft-with-mistakes.md, rendered to HTML and
photographed in Debian's headless Chromium with a refuted claim's details open.

    .venv/bin/python docs/make_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from chromium import launch  # noqa: E402

from checker.check import check_paths  # noqa: E402
from checker.dataset import load_dataset  # noqa: E402
from checker.render import render_html  # noqa: E402
from checker.report import Settings  # noqa: E402
from checker.resources import default_dataset  # noqa: E402

ARTICLE = "examples/draft-with-mistakes.md"


def main() -> None:
    from playwright.sync_api import sync_playwright

    report = check_paths([str(ROOT / ARTICLE)], load_dataset(default_dataset()), Settings(), None)
    report.documents[0].path = ARTICLE
    out = ROOT / "docs" / "report.png"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_path = Path(tmp) / "report.html"
        page_path.write_text(render_html(report), encoding="utf-8")
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
        page.goto(page_path.as_uri())
        page.locator("mark.claim.refuted").first.focus()
        page.screenshot(path=str(out), full_page=False)
        browser.close()
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
