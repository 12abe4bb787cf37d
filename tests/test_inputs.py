"""The input layer: discovering files, reading them safely, and mapping offsets back to the source."""

from __future__ import annotations

import datetime
import io
import os
import re
import time
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.inputs import MAX_BYTES, Document, decode, discover, read_document

ARTICLE = "China's magnet exports rose 46% from June, to 3,188 tonnes.\n"


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def read_error(path: Path | str, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as info:
        read_document(path, **kwargs)  # type: ignore[arg-type]
    return info.value


def assert_maps_exactly(doc: Document, quote: str) -> None:
    start = doc.text.index(quote)
    a, b = doc.to_source(start, start + len(quote))
    assert doc.source[a:b] == quote


# ------------------------------------------------------------------------------------------------
# Plain text
# ------------------------------------------------------------------------------------------------


def test_text_file_is_read_as_is(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.txt", ARTICLE))
    assert doc.format == "text"
    assert doc.path == str(tmp_path / "a.txt")
    assert doc.text == doc.source == ARTICLE
    assert doc.to_source(8, 14) == (8, 14)
    assert doc.published is None and doc.published_source is None
    assert doc.warnings == []


ALIGNED = """Exports by destination (tonnes)

Destination      Jun-25    Jul-25
Germany             764     1,116
South Korea        n.a.       554

Source: customs.
"""


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_table_aligned_with_spaces_reads_as_rows_and_cells_map_back(tmp_path: Path, suffix: str) -> None:
    doc = read_document(write(tmp_path / f"a{suffix}", ALIGNED))
    assert "| Destination | Jun-25 | Jul-25 |\n| Germany | 764 | 1,116 |\n| South Korea | n.a. | 554 |" in doc.text
    for cell in ("1,116", "South Korea", "n.a.", "554"):
        start = doc.text.index(cell)
        a, b = doc.to_source(start, start + len(cell))
        assert doc.source[a:b] == cell
    assert doc.text.endswith("\n\nSource: customs.\n")


def test_prose_with_wide_gaps_is_not_a_table(tmp_path: Path) -> None:
    text = "Exports rose.  Germany took more.  So did Japan.\nThen  they  fell  back.\nAnd  rose  again.\n"
    assert read_document(write(tmp_path / "a.txt", text)).text == text


def test_unknown_suffix_is_read_as_text(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "draft.article", "<p>not html</p>"))
    assert doc.format == "text"
    assert doc.text == "<p>not html</p>"


def test_document_is_frozen(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.txt", ARTICLE))
    with pytest.raises(ValueError):
        doc.text = "changed"  # type: ignore[misc]


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + ARTICLE.encode()))
    assert doc.source == ARTICLE
    assert doc.warnings == []


def test_cp1252_decodes_with_a_warning(tmp_path: Path) -> None:
    raw = "Exports rose \u201cnearly\u201d 10% \u2013 a record.".encode("cp1252")
    doc = read_document(write(tmp_path / "a.txt", raw))
    assert doc.text == "Exports rose \u201cnearly\u201d 10% \u2013 a record."
    assert len(doc.warnings) == 1
    assert "decoded as cp1252" in doc.warnings[0]
    assert "re-save as UTF-8" in doc.warnings[0]
    assert "0x93" in doc.warnings[0]


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    text, warnings = decode(b"caf\xe9 \x81")
    assert text == "caf\xe9 \x81"
    assert "decoded as latin-1" in warnings[0]


def test_utf16_with_bom_is_decoded_with_a_warning(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.txt", ARTICLE.encode("utf-16")))
    assert doc.text == ARTICLE
    assert "UTF-16" in doc.warnings[0]


def test_mixed_line_endings_keep_source_and_count_lines(tmp_path: Path) -> None:
    raw = b"one\r\ntwo\nthree\rfour 46%"
    doc = read_document(write(tmp_path / "a.txt", raw))
    assert doc.source == "one\r\ntwo\nthree\rfour 46%"
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(3) == (1, 4)  # the \r of \r\n still belongs to line 1
    assert doc.line_col(5) == (2, 1)
    assert doc.line_col(9) == (3, 1)
    assert doc.line_col(doc.source.index("46%")) == (4, 6)
    assert doc.line_col(len(doc.source)) == (4, 9)


def test_line_col_rejects_offsets_outside_the_source(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.txt", ARTICLE))
    with pytest.raises(ValueError):
        doc.line_col(len(ARTICLE) + 1)
    with pytest.raises(ValueError):
        doc.to_source(5, 2)


def test_one_megabyte_single_line_is_fast(tmp_path: Path) -> None:
    line = ("rose 46% " * 120_000)[:1_000_000]
    doc_path = write(tmp_path / "long.txt", line + "\nlast line")
    started = time.perf_counter()
    doc = read_document(doc_path)
    positions = [doc.line_col(i) for i in range(0, len(doc.source), 1000)]
    assert time.perf_counter() - started < 5
    assert positions[-1][0] == 1
    assert doc.line_col(len(doc.source) - 1) == (2, 9)


# ------------------------------------------------------------------------------------------------
# Bad input
# ------------------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    error = read_error(tmp_path / "nope.md")
    assert error.code == "E101"
    assert "no such file" in str(error)
    assert error.one_line() == f"factcheck: E101 {tmp_path / 'nope.md'}: {error}"


def test_directory_given_to_read_document(tmp_path: Path) -> None:
    error = read_error(tmp_path)
    assert "is a directory" in str(error)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", ARTICLE)
    original = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    assert "permission denied" in str(read_error(path))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_on_disk(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", ARTICLE)
    path.chmod(0)
    try:
        assert "permission denied" in str(read_error(path))
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    error = read_error(write(tmp_path / "empty.txt", content))
    assert "nothing to check" in str(error)


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    error = read_error(write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert "binary" in str(error)
    assert "NUL" in str(error)


def test_mostly_control_bytes_is_binary(tmp_path: Path) -> None:
    error = read_error(write(tmp_path / "noise.txt", bytes(range(1, 32)) * 10 + b"abc"))
    assert "binary" in str(error)


def test_pdf_is_named(tmp_path: Path) -> None:
    error = read_error(write(tmp_path / "article.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"))
    assert "PDF" in str(error)
    assert "pdftotext" in str(error)


def test_file_over_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"a" * int(7.2 * 1024 * 1024))
    error = read_error(path)
    assert str(error) == "is 7.2 MB, over the 5 MB limit; split it or pass --max-bytes"
    assert MAX_BYTES == 5 * 1024 * 1024


def test_max_bytes_can_be_raised_or_lowered(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    assert "over the 10 bytes limit" in str(read_error(path, max_bytes=10))
    assert read_document(path, max_bytes=len(ARTICLE)).text == ARTICLE


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    error = read_error(loop)
    assert "symlink loop" in str(error)


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.md"
    link.symlink_to(tmp_path / "missing.md")
    assert "broken symlink" in str(read_error(link))


# ------------------------------------------------------------------------------------------------
# Standard input
# ------------------------------------------------------------------------------------------------


def test_stdin_text() -> None:
    doc = read_document("-", stdin=io.BytesIO(ARTICLE.encode()))
    assert doc.path == "-"
    assert doc.format == "text"
    assert doc.text == ARTICLE


def test_stdin_html_is_guessed() -> None:
    doc = read_document("-", stdin=io.BytesIO(b"  <html><body><p>Up 5%.</p></body></html>"))
    assert doc.format == "html"
    assert doc.text == "Up 5%."


def test_stdin_empty_and_too_large() -> None:
    with pytest.raises(InputError, match="standard input is empty"):
        read_document("-", stdin=io.BytesIO(b""))
    with pytest.raises(InputError, match="over the 10 bytes limit"):
        read_document("-", stdin=io.BytesIO(b"x" * 11), max_bytes=10)


# ------------------------------------------------------------------------------------------------
# Markdown
# ------------------------------------------------------------------------------------------------

MARKDOWN = (
    "---\r\n"
    'title: "Magnets: exports rose 99%"\r\n'
    "date: 2025-07-20\r\n"
    "tags:\r\n"
    "  - china\r\n"
    "---\r\n"
    "# Exports\r\n"
    "\r\n"
    "<!-- factcheck: ignore -->\r\n" + ARTICLE
)


def test_markdown_front_matter_date_and_offsets(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.md", MARKDOWN))
    assert doc.format == "markdown"
    assert doc.published == datetime.date(2025, 7, 20)
    assert doc.published_source == "front matter"
    assert len(doc.text) == len(doc.source)
    assert "99%" not in doc.text  # front matter is not article text
    assert doc.text.count("\n") == doc.source.count("\n")
    assert doc.text.count("\r") == doc.source.count("\r")
    quote = "rose 46% from June"
    start = doc.text.index(quote)
    assert doc.source[start : start + len(quote)] == quote
    assert doc.to_source(start, start + len(quote)) == (start, start + len(quote))
    assert doc.line_col(start) == (10, 24)
    assert "<!-- factcheck: ignore -->" in doc.text
    assert doc.warnings == []


@pytest.mark.parametrize(
    "value, expected",
    [
        ('"2025-07-20"', datetime.date(2025, 7, 20)),
        ("2025-07-20T08:30:00+08:00", datetime.date(2025, 7, 20)),
        ("'July 20, 2025'", datetime.date(2025, 7, 20)),
        ("2025-07-20  # the print date", datetime.date(2025, 7, 20)),
    ],
)
def test_front_matter_date_forms(tmp_path: Path, value: str, expected: datetime.date) -> None:
    doc = read_document(write(tmp_path / "a.md", f"---\ndate: {value}\n---\n{ARTICLE}"))
    assert doc.published == expected


def test_front_matter_date_that_is_not_a_date_warns(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.md", f"---\ndate: last Tuesday\n---\n{ARTICLE}"))
    assert doc.published is None
    assert doc.published_source is None
    assert doc.warnings == ["front matter date: 'last Tuesday' is not a date (use YYYY-MM-DD); ignored it"]


def test_front_matter_that_is_never_closed_warns(tmp_path: Path) -> None:
    source = f"---\ndate: 2025-07-20\n{ARTICLE}"
    doc = read_document(write(tmp_path / "a.md", source))
    assert doc.text == source
    assert doc.published is None
    assert "never closed" in doc.warnings[0]


def test_front_matter_with_a_broken_line_warns_and_still_reads_the_date(tmp_path: Path) -> None:
    source = f"---\ndate: 2025-07-20\nthis is not yaml\n---\n{ARTICLE}"
    doc = read_document(write(tmp_path / "a.md", source))
    assert doc.published == datetime.date(2025, 7, 20)
    assert doc.warnings == ["front matter line 3 is not `key: value`; ignored it"]


def test_markdown_without_front_matter(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.markdown", ARTICLE))
    assert doc.format == "markdown"
    assert doc.text == ARTICLE
    assert doc.published is None


def test_markdown_with_only_front_matter(tmp_path: Path) -> None:
    error = read_error(write(tmp_path / "a.md", "---\ndate: 2025-07-20\n---\n\n"))
    assert "no article text" in str(error)


# ------------------------------------------------------------------------------------------------
# HTML
# ------------------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><title>Magnets &amp; more</title>
<meta property="article:published_time" content="2025-07-20T08:00:00+08:00">
<script>var teaser = "<p>exports rose 99%</p>";</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> Exports fell 12%</nav>
<header><h1>Daily News</h1></header>
<article>
<h1>Magnet  exports</h1>
<p>China's magnet exports rose
   46% from June, to 3,188 tonnes. AT&amp;T said&nbsp;nothing.</p>
<P CLASS="lead">Rare earths <b>fell</b> 5.2% in July.<br>Shipments to Germany doubled.</P>
<table><tr><td>Germany</td><td>1,234</td></tr></table>
<aside>Related: exports up 300%</aside>
<form><input value="subscribe"> Sign up for 10% off</form>
</article>
<footer>(c) 2025 - 77% of readers</footer>
</body></html>
"""


@pytest.fixture
def html_doc(tmp_path: Path) -> Document:
    return read_document(write(tmp_path / "a.html", HTML))


def test_html_meta_date(html_doc: Document) -> None:
    assert html_doc.format == "html"
    assert html_doc.published == datetime.date(2025, 7, 20)
    assert html_doc.published_source == "html meta"


def test_html_drops_scripts_navigation_and_boilerplate(html_doc: Document) -> None:
    for absent in ("99%", "12%", "Daily News", "300%", "10% off", "77%", "color", "Home", "Magnets &"):
        assert absent not in html_doc.text


def test_html_text_separates_blocks_and_collapses_whitespace(html_doc: Document) -> None:
    assert html_doc.text == (
        "Magnet exports\n\n"
        "China's magnet exports rose 46% from June, to 3,188 tonnes. AT&T said nothing.\n\n"
        "Rare earths fell 5.2% in July.\nShipments to Germany doubled.\n\n"
        "| Germany | 1,234 |"
    )


@pytest.mark.parametrize(
    "quote", ["from June, to 3,188 tonnes.", "5.2% in July.", "Shipments to Germany doubled.", "1,234"]
)
def test_html_sentence_maps_to_the_same_characters_in_source(html_doc: Document, quote: str) -> None:
    assert_maps_exactly(html_doc, quote)


def test_html_span_across_markup_covers_the_markup(html_doc: Document) -> None:
    quote = "Rare earths fell 5.2% in July."
    start = html_doc.text.index(quote)
    a, b = html_doc.to_source(start, start + len(quote))
    assert html_doc.source[a:b] == "Rare earths <b>fell</b> 5.2% in July."
    start = html_doc.text.index("rose 46%")
    a, b = html_doc.to_source(start, start + len("rose 46%"))
    assert html_doc.source[a:b] == "rose\n   46%"


def test_html_entities_map_to_the_entity_text(html_doc: Document) -> None:
    quote = "AT&T said nothing."
    start = html_doc.text.index(quote)
    a, b = html_doc.to_source(start, start + len(quote))
    assert html_doc.source[a:b] == "AT&amp;T said&nbsp;nothing."


def test_html_every_word_maps_to_itself(html_doc: Document) -> None:
    words = [m for m in re.finditer(r"\S+", html_doc.text) if "&" not in m.group() and m.group() != "|"]  # "|": a cell
    assert len(words) > 20
    for match in words:
        a, b = html_doc.to_source(match.start(), match.end())
        assert html_doc.source[a:b] == match.group()


def test_html_line_col_of_a_mapped_quote(html_doc: Document) -> None:
    start = html_doc.text.index("5.2%")
    line, col = html_doc.line_col(html_doc.to_source(start, start + 4)[0])
    assert HTML.splitlines()[line - 1][col - 1 : col + 3] == "5.2%"


def test_html_numeric_entities_map_to_the_entity_text(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.html", "<p>Exports &#x2B;5&#37; in May.</p>"))
    assert doc.text == "Exports +5% in May."
    start = doc.text.index("+5%")
    a, b = doc.to_source(start, start + 3)
    assert doc.source[a:b] == "&#x2B;5&#37;"
    assert_maps_exactly(doc, "in May.")


def test_html_unlocatable_word_maps_near_its_neighbours(tmp_path: Path) -> None:
    source = "<p>Exports &#82;ose 5% in May.</p>"  # &#82; is "R": a letter written as an entity
    doc = read_document(write(tmp_path / "a.html", source))
    assert doc.text == "Exports Rose 5% in May."
    start = doc.text.index("Rose")
    a, b = doc.to_source(start, start + 4)
    assert a == b == source.index(" &#82;")  # just after "Exports", the last word located
    assert_maps_exactly(doc, "Exports")
    assert_maps_exactly(doc, "5% in May.")
    a, b = doc.to_source(0, len(doc.text))
    assert doc.source[a:b] == "Exports &#82;ose 5% in May."


def test_html_prefers_main_then_body(tmp_path: Path) -> None:
    main = "<body><p>Outside 1%.</p><main><p>Inside 2%.</p></main></body>"
    assert read_document(write(tmp_path / "main.html", main)).text == "Inside 2%."
    body = "<body><div>Body <i>only</i> 3%.</div></body>"
    assert read_document(write(tmp_path / "body.html", body)).text == "Body only 3%."


def test_html_article_inside_an_aside_is_not_the_article(tmp_path: Path) -> None:
    source = "<aside><article>Related 9%.</article></aside><main><p>Real 4%.</p></main>"
    assert read_document(write(tmp_path / "a.html", source)).text == "Real 4%."


@pytest.mark.parametrize(
    "head, expected",
    [
        ('<meta itemprop="datePublished" content="2025-06-01">', datetime.date(2025, 6, 1)),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-05-02T10:00Z"}'
            "</script>",
            datetime.date(2025, 5, 2),
        ),
        ("", datetime.date(2025, 4, 3)),  # falls back to <time datetime>
    ],
)
def test_html_date_sources(tmp_path: Path, head: str, expected: datetime.date) -> None:
    source = f'<html><head>{head}</head><body><p><time datetime="2025-04-03">3 April</time> Up 5%.</p>'
    doc = read_document(write(tmp_path / "a.html", source))
    assert doc.published == expected
    assert doc.published_source == "html meta"


def test_html_without_a_date(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.htm", "<p>Up 5%.</p>"))
    assert doc.published is None
    assert doc.published_source is None


def test_html_bad_meta_date_warns_and_falls_back(tmp_path: Path) -> None:
    source = (
        '<meta property="article:published_time" content="soon"><p><time datetime="2025-04-03">x</time></p>'
    )
    doc = read_document(write(tmp_path / "a.html", source))
    assert doc.published == datetime.date(2025, 4, 3)
    assert "'soon' is not a date" in doc.warnings[0]


@pytest.mark.parametrize(
    "source",
    [
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><nav>Menu</nav><script>var x = 1;</script></body></html>",
    ],
)
def test_html_without_article_text(tmp_path: Path, source: str) -> None:
    error = read_error(write(tmp_path / "a.html", source))
    assert "no article text found" in str(error)


def test_html_with_crlf_and_cp1252(tmp_path: Path) -> None:
    raw = "<p>Exports rose\r\n46% \u2013 a \u201crecord\u201d.</p>\r\n".encode("cp1252")
    doc = read_document(write(tmp_path / "a.html", raw))
    assert doc.text == "Exports rose 46% \u2013 a \u201crecord\u201d."
    assert "decoded as cp1252" in doc.warnings[0]
    assert_maps_exactly(doc, "a \u201crecord\u201d.")
    start = doc.text.index("rose 46%")
    a, b = doc.to_source(start, start + 8)
    assert doc.source[a:b] == "rose\r\n46%"


def test_html_empty_span_and_whole_text(html_doc: Document) -> None:
    a, b = html_doc.to_source(0, len(html_doc.text))
    assert html_doc.source[a:b].startswith("Magnet  exports</h1>")
    assert html_doc.source[a:b].endswith("1,234")
    end = len(html_doc.text)
    assert html_doc.to_source(end, end)[0] == html_doc.source.index("1,234") + 5


# ------------------------------------------------------------------------------------------------
# discover()
# ------------------------------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    for name in ("b.md", "a.txt", "c.html", "d.htm", "e.markdown", "notes.csv", ".hidden.md"):
        write(root / name, ARTICLE)
    (root / "sub").mkdir()
    write(root / "sub" / "z.txt", ARTICLE)
    (root / ".git").mkdir()
    write(root / ".git" / "x.md", ARTICLE)


def test_discover_recurses_directories_in_sorted_order(tmp_path: Path) -> None:
    make_tree(tmp_path)
    files, errors = discover([str(tmp_path)])
    names = [os.path.relpath(f, tmp_path) for f in files]
    assert names == ["a.txt", "b.md", "c.html", "d.htm", "e.markdown", os.path.join("sub", "z.txt")]
    assert errors == []


def test_discover_keeps_files_as_given_and_passes_stdin(tmp_path: Path) -> None:
    make_tree(tmp_path)
    csv = str(tmp_path / "notes.csv")
    files, errors = discover([csv, "-", csv])
    assert files == [csv, "-"]
    assert errors == []


def test_discover_expands_globs(tmp_path: Path) -> None:
    make_tree(tmp_path)
    files, errors = discover([str(tmp_path / "*.md"), str(tmp_path / "**" / "*.txt")])
    assert [os.path.basename(f) for f in files] == ["b.md", "a.txt", "z.txt"]
    assert errors == []


def test_discover_reports_missing_paths_without_raising(tmp_path: Path) -> None:
    make_tree(tmp_path)
    files, errors = discover([str(tmp_path / "missing.md"), str(tmp_path / "a.txt"), str(tmp_path / "*.pdf")])
    assert files == [str(tmp_path / "a.txt")]
    assert [type(e) for e in errors] == [InputError, InputError]
    assert "no such file" in str(errors[0])
    assert errors[0].path == str(tmp_path / "missing.md")
    assert "no files match" in str(errors[1])


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_discover_reports_symlink_loops(tmp_path: Path) -> None:
    write(tmp_path / "a.md", ARTICLE)
    (tmp_path / "self.md").symlink_to(tmp_path / "self.md")
    (tmp_path / "up").symlink_to(tmp_path, target_is_directory=True)
    files, errors = discover([str(tmp_path)])
    assert files == [str(tmp_path / "a.md")]
    assert sorted(str(e.path) for e in errors) == [str(tmp_path / "self.md"), str(tmp_path / "up")]
    assert all("symlink loop" in str(e) for e in errors)


def test_discover_reports_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path)
    locked = tmp_path / "b.md"
    original = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    files, errors = discover([str(tmp_path)])
    assert str(locked) not in files
    assert str(tmp_path / "a.txt") in files
    assert len(errors) == 1 and "permission denied" in str(errors[0])


def test_html_live_blog_entries_are_all_read_but_not_a_related_box(tmp_path: Path) -> None:
    source = ("<body><main><article><h2>09:00</h2><p>Data due at ten.</p></article>"
              "<article><h2>10:05</h2><p>Magnet exports rose 10% in July.</p></article>"
              "<article><p>India took 418 tonnes.</p></article></main>"
              "<aside><article><p>Related: 99 tonnes elsewhere.</p></article></aside></body>")
    doc = read_document(write(tmp_path / "live.html", source))
    assert "Data due at ten." in doc.text and "rose 10% in July" in doc.text and "India took 418 tonnes." in doc.text
    assert "99 tonnes" not in doc.text
    assert_maps_exactly(doc, "India took 418 tonnes.")


def test_html_teaser_cards_before_the_story_are_not_the_story(tmp_path: Path) -> None:
    source = ("<body><section class='trending'><article><p>Lithium up 12%.</p></article>"
              "<article><p>EV sales hit 2 million.</p></article></section>"
              "<main><article><p>China's magnet exports rose 10% in July to 5,577 tonnes, customs data showed, as "
              "licences cleared.</p></article></main></body>")
    doc = read_document(write(tmp_path / "page.html", source))
    assert "5,577 tonnes" in doc.text and "Lithium" not in doc.text and "EV sales" not in doc.text


def test_html_list_items_read_as_bullets_unless_they_bring_their_own_marker(tmp_path: Path) -> None:
    page = tmp_path / "list.html"
    page.write_text("<html><body><article><p>Key figures</p><ul><li>Total exports, November 2025: 6,150 t</li>"
                    "<li>Shipments to the EU: +59.5% year on year</li></ul><ol><li>1. Germany</li></ol>"
                    "</article></body></html>", encoding="utf-8")
    text = read_document(page).text
    assert "\n- Total exports, November 2025: 6,150 t\n- Shipments to the EU: +59.5%" in text
    assert "\n1. Germany" in text and "- 1. Germany" not in text


def test_html_definition_lists_read_a_term_and_its_description_on_one_line(tmp_path: Path) -> None:
    page = tmp_path / "kpis.html"
    page.write_text("<html><body><article><dl>\n<dt>Weakest month of 2025</dt>\n<dd>May, 1,238 t</dd>\n"
                    "<dt>Change on:</dt><dd><b>-1.3%</b></dd><dd>(revised)</dd></dl></article></body></html>",
                    encoding="utf-8")
    document = read_document(str(page))
    assert document.text == "Weakest month of 2025: May, 1,238 t\nChange on: -1.3%\n(revised)"
    start = document.text.index("May")
    assert document.source[slice(*document.to_source(start, start + 3))] == "May"


def test_an_articles_own_header_is_read_but_the_sites_is_not(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text("<html><body><header><p>Markets 3,000 up</p></header><article><header><h1>Magnet exports rebound "
                    "12% in November</h1></header><p>China shipped 6,150 tonnes.</p></article></body></html>",
                    encoding="utf-8")
    text = read_document(str(page)).text
    assert "rebound 12% in November" in text and "Markets" not in text


def test_a_correction_aside_inside_the_article_is_read(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text("<html><body><article><p>China shipped 5,774 tonnes of magnets in September 2025.</p>"
                    "<aside class=\"related\"><p>More: 12 stories</p></aside><aside class=\"correction\"><p>Correction: "
                    "Mexico ranked fifth.</p></aside></article></body></html>", encoding="utf-8")
    text = read_document(str(page)).text
    assert "Mexico ranked fifth" in text and "12 stories" not in text
