"""Launching Debian's headless Chromium through Playwright, shared by the browser tests and docs/make_screenshot.py.

Needs `pip install playwright` and `apt-get install chromium` (no browser download). Tests skip when either is
missing, unless FACTCHECK_REQUIRE_BROWSER=1 (then they fail, so CI cannot skip them by accident).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def need(reason: str) -> None:
    import pytest

    if os.environ.get("FACTCHECK_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (FACTCHECK_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


def playwright_or_skip() -> Any:
    """`sync_playwright`, or skip (fail under FACTCHECK_REQUIRE_BROWSER=1) when Playwright or Chromium is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need("playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        need(f"{CHROMIUM} is missing (apt-get install chromium)")
    return sync_playwright


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
