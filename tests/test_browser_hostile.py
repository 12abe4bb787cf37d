"""Hostile ARTICLES through the whole pipeline (read_document -> check -> render_html via `factcheck check
--html`), opened in a real headless Chromium: no script runs, no dialog opens, no handler fires.

tests/test_browser.py proves the template on a hand-built Report; this proves it on what the input layer and
the extractor make of hostile HTML and Markdown. Same requirements and skip rule as tests/test_browser.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from chromium import launch, playwright_or_skip

pytestmark = pytest.mark.browser

HOSTILE_HTML = """<!doctype html>
<html><head><title>Magnets</title>
<meta property="article:published_time" content="2025-08-20">
<script>window.__pwned = "head"; alert("head")</script></head>
<body onload="window.__pwned = 'body'; alert('body')">
<article>
<h1 onclick="alert('h1')">China's rare earth magnet exports</h1>
<p>Exports rose to 5,577 tonnes in July, up 76% from June.<script>window.__pwned = 1; alert(1)</script></p>
<p><img src=x onerror="window.__pwned = 2; alert(2)"> Shipments to the U.S. were 212 tonnes in July.</p>
<p>Read <a href="javascript:window.__pwned = 3; alert(3)">the data</a> or
<a href="jav&#x09;ascript:alert(4)">this</a>; &lt;script&gt;window.__pwned = 4&lt;/script&gt; was 3,188 tonnes in June.</p>
<p>"&gt;&lt;svg onload=alert(5)&gt; '&gt;&lt;img src=x onerror=alert(6)&gt; exports fell 5% in July.</p>
<iframe src="javascript:alert(7)"></iframe><svg><script>alert(8)</script></svg>
</article></body></html>
"""

HOSTILE_MD = """---
title: "<script>alert('title')</script>"
date: 2025-08-20
---
# Magnets <img src=x onerror="window.__pwned = 10; alert(10)">

Exports rose to 5,577 tonnes in July, up 76% from June.<script>window.__pwned = 11; alert(11)</script>

" onmouseover="window.__pwned = 12; alert(12)" x=" Exports to the U.S. were 212 tonnes in July.

[the data](javascript:alert(13)) and <a href="javascript:alert(14)">5,577 tonnes</a> in July.

'><svg/onload=alert(15)> `</mark><script>alert(16)</script>` 3,188 tonnes in June </textarea><script>alert(17)</script>
"""




@pytest.mark.parametrize("name, article", [("hostile.html", HOSTILE_HTML), ("hostile.md", HOSTILE_MD)])
def test_hostile_article_runs_nothing_in_chromium(tmp_path: Path, name: str, article: str) -> None:
    sync_playwright = playwright_or_skip()
    (tmp_path / name).write_text(article, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "checker", "check", "--fail-on", "never", name, "--html", "out.html"],
                          cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    report = tmp_path / "out.html"
    assert "5,577 tonnes" in report.read_text(encoding="utf-8")

    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        dialogs: list[str] = []
        requests: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: requests.append(request.url))
        page.goto(report.as_uri())
        page.wait_for_load_state("load")
        assert page.locator("mark.claim").count() >= 3
        for mark in page.locator("mark.claim").all():  # open every claim's details (an open one may cover the next)
            mark.focus()
            mark.dispatch_event("click")
            mark.hover(force=True)
            page.mouse.move(0, 0)
        page.locator(".article-text").hover()
        for link in page.locator("a").all():  # any link the report has must not be a javascript: URL
            href = link.get_attribute("href") or ""
            assert not href.strip().lower().startswith("javascript"), href
        text = page.locator(".article-text").inner_text()
        assert "alert(" in text  # the hostile markup is shown as text, not run
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == []
        assert page.evaluate("document.scripts.length") == 0
        assert page.evaluate("document.images.length") == 0
        assert page.evaluate("document.querySelectorAll('iframe, object, embed').length") == 0
        assert page.evaluate(
            "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
            ".filter(a => a.name.startsWith('on')).map(a => a.name)") == []
        assert all(url.startswith("file://") for url in requests), requests
        browser.close()
