"""The input layer: find article files, read them safely, and turn them into `Document`s.

A `Document` keeps two strings. `source` is the decoded file exactly as written (line endings
untouched), so reported line and column numbers match what the reporter sees in an editor. `text`
is what the claim extractor reads: for plain text it is `source`; for Markdown the front matter is
blanked with spaces (offsets unchanged); for HTML it is the extracted article text, and
`Document.to_source` maps a span of `text` back to the raw HTML.

Nothing here prints. Every problem with an input is an `InputError` (E101) whose message says what
happened and what to do; encoding problems are never errors, only warnings.
"""

from __future__ import annotations

import codecs
import datetime
import errno
import functools
import glob
import json
import os
import re
import stat
import sys
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr
from selectolax.lexbor import LexborHTMLParser, LexborNode

from checker.errors import InputError

MAX_BYTES = 5 * 1024 * 1024
"""Largest article read by default (5 MB); the CLI's --max-bytes overrides it."""

Format = Literal["text", "markdown", "html"]

FORMAT_BY_SUFFIX: dict[str, Format] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
"""Suffixes `discover` collects from directories. Any other file given by name is read as text."""

STDIN = "-"

_MB = 1024 * 1024
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# --------------------------------------------------------------------------------------------
# Offsets: text -> source
# --------------------------------------------------------------------------------------------


@dataclass
class OffsetMap:
    """Sorted segments of `text`, each tied to a span of `source`.

    An exact segment maps character for character (`source[s:s+n] == text[t:t+n]`). An inexact
    segment (a collapsed run of whitespace, a word written with an entity, a word that could not
    be located) maps its start to `s_start` and its end to `s_end`.
    """

    t_starts: array = field(default_factory=lambda: array("q"))
    s_starts: array = field(default_factory=lambda: array("q"))
    s_ends: array = field(default_factory=lambda: array("q"))
    exact: bytearray = field(default_factory=bytearray)

    def add(self, t: int, s_start: int, s_end: int, *, exact: bool) -> None:
        if exact and self.exact and self.exact[-1]:
            last_t_end = self.t_starts[-1] + self.s_ends[-1] - self.s_starts[-1]
            if last_t_end == t and self.s_ends[-1] == s_start:
                self.s_ends[-1] = s_end
                return
        self.t_starts.append(t)
        self.s_starts.append(s_start)
        self.s_ends.append(s_end)
        self.exact.append(exact)

    def start(self, offset: int) -> int:
        """Source offset where the text character at `offset` begins."""
        i = bisect_right(self.t_starts, offset) - 1
        if i < 0:
            return 0
        if self.exact[i]:
            return min(self.s_starts[i] + offset - self.t_starts[i], self.s_ends[i])
        return self.s_starts[i]

    def end(self, offset: int) -> int:
        """Source offset just after the text character at `offset - 1`."""
        i = bisect_right(self.t_starts, offset - 1) - 1
        if i < 0:
            return 0
        if self.exact[i]:
            return min(self.s_starts[i] + offset - self.t_starts[i], self.s_ends[i])
        return self.s_ends[i]


# --------------------------------------------------------------------------------------------
# Document
# --------------------------------------------------------------------------------------------


class Document(BaseModel):
    """One article, decoded. Offsets in `text` become `source` offsets through `to_source`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    """As given by the user; "-" for stdin."""
    format: Format
    source: str
    """The whole decoded file (BOM removed, line endings as written)."""
    text: str
    """What the claim extractor reads."""
    published: datetime.date | None = None
    """Publication date written in the document itself, if any."""
    published_source: Literal["front matter", "html meta"] | None = None
    warnings: list[str] = Field(default_factory=list)

    _line_starts: list[int] = PrivateAttr(default_factory=list)
    _offsets: OffsetMap | None = PrivateAttr(default=None)

    def model_post_init(self, __context: object) -> None:
        self._line_starts = line_starts(self.source)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the span `text[start:end]` to the span of `source` where it is written."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the text (length {len(self.text)})")
        if self._offsets is None:
            return start, end
        a = self._offsets.start(start) if start < len(self.text) else self._offsets.end(start)
        b = self._offsets.end(end) if end > start else a
        return a, max(a, b)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a `source` offset.

        "\\r\\n", "\\n" and a lone "\\r" each end a line.
        """
        if not 0 <= offset <= len(self.source):
            raise ValueError(f"offset {offset} is outside the source (length {len(self.source)})")
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


def line_starts(source: str) -> list[int]:
    """Offsets where each line begins; linear in the length of `source`."""
    return [0, *(m.end() for m in _LINE_BREAK.finditer(source))]


# --------------------------------------------------------------------------------------------
# Discovery
# --------------------------------------------------------------------------------------------


def discover(arguments: Sequence[str]) -> tuple[list[str], list[InputError]]:
    """Expand command-line arguments into the article files to read, in a stable order.

    Files are kept as given (any suffix); directories are searched recursively for the suffixes in
    `FORMAT_BY_SUFFIX`, skipping hidden entries; glob patterns are expanded; "-" (stdin) is passed
    through. A bad argument or entry becomes an `InputError` in the second list, never an exception,
    so the other files can still be checked. Duplicates are listed once.
    """
    files: list[str] = []
    errors: list[InputError] = []
    for argument in arguments:
        if argument == STDIN:
            files.append(argument)
        elif _is_pattern(argument):
            _expand_pattern(argument, files, errors)
        else:
            _add_path(argument, files, errors, explicit=True)
    return list(dict.fromkeys(files)), errors


def _is_pattern(argument: str) -> bool:
    return glob.has_magic(argument) and not os.path.lexists(argument)


def _expand_pattern(pattern: str, files: list[str], errors: list[InputError]) -> None:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        errors.append(InputError("no files match this pattern; check it, or quote it", path=pattern))
    for match in matches:
        _add_path(match, files, errors, explicit=True)


def _add_path(path: str, files: list[str], errors: list[InputError], *, explicit: bool) -> None:
    try:
        info = os.stat(path)
    except OSError as exc:
        if explicit or _collectable(path):
            errors.append(os_error(path, exc))
        return
    if stat.S_ISDIR(info.st_mode):
        found, failed = len(files), len(errors)
        _walk_directory(path, files, errors, seen={(info.st_dev, info.st_ino)})
        if explicit and len(files) == found and len(errors) == failed:
            errors.append(InputError("is a directory with no .txt, .md or .html articles in it", path=path))
    elif explicit or _collectable(path):
        error = _unreadable(path)
        if error is None:
            files.append(path)
        else:
            errors.append(error)


def _collectable(path: str) -> bool:
    return Path(path).suffix.lower() in FORMAT_BY_SUFFIX


def _unreadable(path: str) -> InputError | None:
    try:
        with Path(path).open("rb"):
            return None
    except OSError as exc:
        return os_error(path, exc)


def _walk_directory(
    directory: str, files: list[str], errors: list[InputError], seen: set[tuple[int, int]]
) -> None:
    """Depth-first, entries sorted by name; `seen` holds the (device, inode) of open directories."""
    try:
        names = sorted(entry.name for entry in os.scandir(directory))
    except OSError as exc:
        errors.append(os_error(directory, exc))
        return
    for name in names:
        if name.startswith("."):
            continue
        path = os.path.join(directory, name)
        try:
            info = os.stat(path)
        except OSError as exc:
            if _collectable(path) or exc.errno == errno.ELOOP:
                errors.append(os_error(path, exc))
            continue
        if not stat.S_ISDIR(info.st_mode):
            _add_path(path, files, errors, explicit=False)
        elif (info.st_dev, info.st_ino) in seen:
            errors.append(
                InputError(
                    "is a symlink loop (it leads back to a folder that contains it); skipped it",
                    path=path,
                )
            )
        else:
            _walk_directory(path, files, errors, seen | {(info.st_dev, info.st_ino)})


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def read_document(path: str | Path, *, max_bytes: int = MAX_BYTES, stdin: BinaryIO | None = None) -> Document:
    """Read one article ("-" for stdin) and build its `Document`. Raises `InputError`."""
    shown = str(path)
    if shown == STDIN:
        raw = _read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
        fmt = guess_format(raw)
    else:
        raw = _read_file(Path(path), shown, max_bytes)
        fmt = FORMAT_BY_SUFFIX.get(Path(path).suffix.lower(), "text")
    _reject_non_text(raw, shown)
    source, warnings = decode(raw)
    if not source.strip():
        raise InputError("contains only whitespace; there is nothing to check", path=shown)
    builder = {"text": _plain_document, "markdown": _markdown_document, "html": _html_document}[fmt]
    return builder(shown, source, warnings)


def guess_format(raw: bytes) -> Format:
    """Format of stdin, which has no suffix: HTML if it starts with "<", else text."""
    return "html" if raw.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"<") else "text"


def _read_stdin(stream: BinaryIO, max_bytes: int) -> bytes:
    try:
        raw = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read standard input ({exc.strerror or exc})", path=STDIN) from exc
    if len(raw) > max_bytes:
        raise InputError(_too_large(None, max_bytes), path=STDIN)
    if not raw:
        raise InputError("standard input is empty; pipe an article in, or pass a file", path=STDIN)
    return raw


def _read_file(path: Path, shown: str, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(
                "is a directory; name a file inside it, or give the directory on the command line "
                "to check every .txt/.md/.html file in it",
                path=shown,
            )
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputError(_too_large(info.st_size, max_bytes), path=shown)
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise os_error(shown, exc) from exc
    if len(raw) > max_bytes:
        raise InputError(_too_large(None, max_bytes), path=shown)
    if not raw:
        raise InputError("is empty (0 bytes); there is nothing to check", path=shown)
    return raw


def os_error(shown: str, exc: OSError) -> InputError:
    """Turn an OSError about `shown` into an InputError that says what to do."""
    if exc.errno == errno.ELOOP:
        return InputError(
            "is a symlink loop (the link points back to itself); fix or remove the link", path=shown
        )
    if exc.errno == errno.ENOENT:
        if os.path.islink(shown):
            return InputError("is a broken symlink (its target does not exist); fix the link", path=shown)
        return InputError("no such file or directory; check the path and its spelling", path=shown)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError("cannot be read (permission denied); check its permissions", path=shown)
    if exc.errno == errno.EISDIR:
        return InputError("is a directory; name a file inside it", path=shown)
    return InputError(f"cannot be read ({exc.strerror or exc}); check the file", path=shown)


def _too_large(size: int | None, max_bytes: int) -> str:
    what = f"is {_human_size(size)}, over" if size is not None else "is over"
    return f"{what} the {_human_size(max_bytes)} limit; split it or pass --max-bytes"


def _human_size(n: int) -> str:
    for unit, scale in (("MB", _MB), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


_SIGNATURES = {
    b"%PDF": "a PDF; convert it to text first (for example `pdftotext`)",
    b"PK\x03\x04": "a zip archive (Word .docx files are zip archives); save it as .txt, .md or .html",
    b"\xd0\xcf\x11\xe0": "an old Office document; save it as .txt, .md or .html",
}
_TEXT_BYTES = bytes([9, 10, 12, 13, 27]) + bytes(range(32, 127)) + bytes(range(128, 256))


def _reject_non_text(raw: bytes, shown: str) -> None:
    """Raise when `raw` is not an article: known binary formats, NUL bytes, mostly control bytes."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    for magic, what in _SIGNATURES.items():
        if raw.startswith(magic):
            raise InputError(f"is {what}", path=shown)
    if b"\x00" in raw:
        raise InputError(
            "looks like a binary file (it contains NUL bytes), not an article; "
            "pass a .txt, .md or .html file",
            path=shown,
        )
    control = len(raw.translate(None, _TEXT_BYTES))
    if control > 0.1 * len(raw):
        raise InputError(
            f"looks like a binary file ({control} of {len(raw)} bytes are control characters), "
            "not an article; pass a .txt, .md or .html file",
            path=shown,
        )


def decode(raw: bytes) -> tuple[str, list[str]]:
    """Decode article bytes; never fails. Anything but UTF-8 adds a warning."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            text = raw[len(bom) :].decode(codec, errors="replace")
            return text, ["decoded as UTF-16; re-save as UTF-8"]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        bad = f"byte 0x{raw[exc.start]:02x} at offset {exc.start}"
    for codec in ("cp1252", "latin-1"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        return text, [f"not valid UTF-8 ({bad}); decoded as {codec}; re-save as UTF-8"]
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


# --------------------------------------------------------------------------------------------
# Plain text and Markdown
# --------------------------------------------------------------------------------------------


def _plain_document(path: str, source: str, warnings: list[str]) -> Document:
    text, offsets = aligned_tables_as_rows(source)
    document = Document(path=path, format="text", source=source, text=text, warnings=warnings)
    document._offsets = offsets
    return document


_CELL_GAP = re.compile(r"[ \t]{2,}|\t")
_NUMERIC_CELL = re.compile(r"[~≈]?[-+−–]?\d[\d,.]*\s?%?|n\.?\s?a\.?|[-–—]", re.I)


def _cells(line: str) -> list[tuple[int, int]]:
    """The cells of a line of a table aligned with spaces: runs of text between gaps of two spaces or a tab."""
    end = len(line.rstrip())
    spans, position = [], len(line) - len(line.lstrip())
    for gap in _CELL_GAP.finditer(line, position, end):
        spans.append((position, gap.start()))
        position = gap.end()
    return [*spans, (position, end)] if position < end else spans


def _aligned_table_lines(lines: list[str]) -> set[int]:
    """The lines of tables aligned with spaces: a header of three cells or more whose cells after the first are not
    numbers ('Destination   Aug-25   Sep-25'), then two rows or more with as many cells, all numbers after the label."""
    found: set[int] = set()
    i = 0
    while i < len(lines):
        header = _cells(lines[i])
        text = [lines[i][a:b] for a, b in header]
        j = i + 1
        if len(header) >= 3 and "|" not in lines[i] and not any(_NUMERIC_CELL.fullmatch(c) for c in text[1:]):
            while j < len(lines) and _is_aligned_row(lines[j], len(header)):
                j += 1
            if j - i >= 3:
                found.update(range(i, j))
        i = max(j, i + 1)
    return found


def _is_aligned_row(line: str, width: int) -> bool:
    cells = [line[a:b] for a, b in _cells(line)]
    return (len(cells) == width and "|" not in line and bool(re.search(r"[^\W\d_]", cells[0]))
            and all(_NUMERIC_CELL.fullmatch(c) for c in cells[1:]))


def aligned_tables_as_rows(source: str) -> tuple[str, OffsetMap | None]:
    """Tables aligned with spaces, as in wire copy and research notes, rewritten as Markdown rows ('| Germany | 1,346 |
    1,288 |') so that they read like any other table; every cell keeps its place in the source. (text, offsets),
    offsets None when there is no such table."""
    if "  " not in source and "\t" not in source:
        return source, None  # no gap wide enough to separate cells
    lines = source.split("\n")
    rows = _aligned_table_lines(lines)
    if not rows:
        return source, None
    out = _MappedText()
    s = 0
    for n, line in enumerate(lines):
        if n in rows:
            cells = _cells(line)
            out.emit("| ", s, s, exact=False)
            for k, (a, b) in enumerate(cells):
                if k:
                    out.emit(" | ", s + cells[k - 1][1], s + a, exact=False)
                out.emit(line[a:b], s + a, s + b, exact=True)
            out.emit(" |", s + cells[-1][1], s + len(line), exact=False)
        else:
            out.emit(line, s, s + len(line), exact=True)
        if n < len(lines) - 1:
            out.emit("\n", s + len(line), s + len(line) + 1, exact=True)
        s += len(line) + 1
    return "".join(out.parts), out.offsets


@dataclass
class _MappedText:
    """Text written piece by piece, each piece tied to the span of the source it stands for."""

    parts: list[str] = field(default_factory=list)
    offsets: OffsetMap = field(default_factory=OffsetMap)
    length: int = 0

    def emit(self, piece: str, s_start: int, s_end: int, *, exact: bool) -> None:
        self.offsets.add(self.length, s_start, s_end, exact=exact)
        self.parts.append(piece)
        self.length += len(piece)


_FRONT_OPEN = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_FRONT_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_FRONT_KEY = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*))?")
_FRONT_SKIP = re.compile(r"[ \t]*(?:#.*)?|[ \t].*|-(?:[ \t].*)?")
DATE_KEYS = ("date", "published", "pubdate", "publishdate", "date_published")
"""Front matter keys read as the publication date, first present wins."""


def _markdown_document(path: str, source: str, warnings: list[str]) -> Document:
    text, published = source, None
    if _FRONT_OPEN.match(source):
        text, published = _front_matter(source, warnings)
        if not text.strip():
            raise InputError("has front matter but no article text after it", path=path)
    text, offsets = aligned_tables_as_rows(text)  # the front matter is blanked in place: offsets stay the source's
    document = Document(
        path=path,
        format="markdown",
        source=source,
        text=text,
        published=published,
        published_source="front matter" if published else None,
        warnings=warnings,
    )
    document._offsets = offsets
    return document


def _front_matter(source: str, warnings: list[str]) -> tuple[str, datetime.date | None]:
    """Blank the front matter block (newlines kept) and read its date. Appends warnings."""
    lines = list(_lines(source))
    close = next((i for i, (_, line) in enumerate(lines[1:], 1) if _FRONT_CLOSE.fullmatch(line)), None)
    if close is None:
        warnings.append("front matter opened by '---' on line 1 is never closed; read it as text")
        return source, None
    fields = _front_fields(lines[1:close], warnings)
    end = lines[close][0] + len(lines[close][1])
    blank = re.sub(r"[^\r\n]", " ", source[:end])
    return blank + source[end:], _front_date(fields, warnings)


def _lines(source: str) -> Iterator[tuple[int, str]]:
    """(start offset, line without its ending) for every line."""
    starts = line_starts(source)
    for i, start in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else len(source)
        yield start, source[start:stop].rstrip("\r\n")


def _front_fields(lines: list[tuple[int, str]], warnings: list[str]) -> dict[str, str]:
    """Top-level `key: value` pairs, YAML-ish. Lines that are neither are reported once."""
    fields: dict[str, str] = {}
    bad: list[int] = []
    for number, (_, line) in enumerate(lines, 2):
        match = _FRONT_KEY.fullmatch(line)
        if match:
            fields.setdefault(match.group(1).lower(), _unquote(match.group(2) or ""))
        elif not _FRONT_SKIP.fullmatch(line):
            bad.append(number)
    if bad:
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        warnings.append(f"front matter line {bad[0]}{more} is not `key: value`; ignored it")
    return fields


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return re.sub(r"[ \t]+#.*", "", value).strip()


def _front_date(fields: dict[str, str], warnings: list[str]) -> datetime.date | None:
    key = next((k for k in DATE_KEYS if fields.get(k)), None)
    if key is None:
        return None
    parsed = parse_date(fields[key])
    if parsed is None:
        warnings.append(f"front matter {key}: {fields[key]!r} is not a date (use YYYY-MM-DD); ignored it")
    return parsed


_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_WORD_DATES = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


def parse_date(value: str) -> datetime.date | None:
    """The calendar date at the start of `value` (ISO date or datetime, or "July 20, 2025")."""
    match = _ISO_DATE.match(value)
    if match:
        try:
            return datetime.date(*(int(g) for g in match.groups()))
        except ValueError:
            return None
    for pattern in _WORD_DATES:
        try:
            return datetime.datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    return None


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

DROPPED_TAGS = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "template", "svg"}
)
"""Elements whose text is never article text."""
_RAW_TEXT_TAGS = frozenset({"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"})
_PARAGRAPH_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 div section article main blockquote pre ul ol dl table "
    "figure hr address details summary caption fieldset center".split()
)
_LINE_TAGS = frozenset("br li dt dd figcaption option".split())
_ITEM_MARKER = re.compile(r"(?:\d{1,2}[.)]|[-*•–])(?:\s|$)")
"""A list item that brings its own marker ('<li>1. Germany — 1,116 t</li>') gets no '- ' of ours."""
_CELL_TAGS = frozenset({"td", "th"})
"""Table rows are written as Markdown rows, `| June | 353 | -52% |`, one per line, so a table reads the same in
HTML as in Markdown: its header row names the unit, period or destination of the figures below it."""
_INLINE_DROPPED = frozenset({"script", "style", "noscript", "template", "svg"})
_SEPARATOR_RANK = {"": 0, " ": 1, "\n": 2, "\n\n": 3}
_WINDOW = 20_000
"""How far ahead of the cursor a tag or word is looked for before giving up on locating it."""


def _html_document(path: str, source: str, warnings: list[str]) -> Document:
    tree = LexborHTMLParser(source)
    published = _html_date(tree, warnings)
    extractor = next((e for e in _extractions(tree, source) if "".join(e.parts).strip()), None)
    if extractor is None:
        raise InputError(
            "no article text found (looked in <article>, <main> and <body>, without scripts, "
            "navigation, headers and footers); check that this is the article page",
            path=path,
        )
    document = Document(
        path=path,
        format="html",
        source=source,
        text="".join(extractor.parts),
        published=published,
        published_source="html meta" if published else None,
        warnings=warnings,
    )
    document._offsets = extractor.offsets
    return document


def _extractions(tree: LexborHTMLParser, source: str) -> Iterator[_HtmlText]:
    """Text from the main <article>s (see `_main_articles`), else the first <main>, else <body> (lazily, in that
    order)."""
    main = _first_outside_dropped(tree, "main")
    for roots in (_main_articles(tree), [main] if main is not None else [], [tree.body] if tree.body else []):
        if roots and tree.root is not None:
            extractor = _HtmlText(source, roots)
            extractor.walk(tree.root)
            extractor.finish()
            yield extractor


def _first_outside_dropped(tree: LexborHTMLParser, tag: str) -> LexborNode | None:
    """First `tag` element not inside an aside, nav, footer... (a "related stories" box)."""
    return next(_outside_dropped(tree, tag), None)


def _outside_dropped(tree: LexborHTMLParser, tag: str) -> Iterator[LexborNode]:
    for node in tree.css(tag):
        parent = node.parent
        while parent is not None and parent.tag not in DROPPED_TAGS:
            parent = parent.parent
        if parent is None:
            yield node


def _main_articles(tree: LexborHTMLParser) -> list[LexborNode]:
    """The <article>s outside dropped elements that share a parent and hold the most text: one story, or the entries
    of a live blog, and not a row of teaser cards for related stories."""
    groups: dict[int, list[LexborNode]] = {}
    for node in _outside_dropped(tree, "article"):
        groups.setdefault(node.parent.mem_id if node.parent is not None else 0, []).append(node)
    return max(groups.values(), key=lambda group: sum(len(a.text(deep=True, strip=True)) for a in group), default=[])


def _html_date(tree: LexborHTMLParser, warnings: list[str]) -> datetime.date | None:
    """First parseable date among the page's publication-date markers."""
    for where, value in _html_date_candidates(tree):
        parsed = parse_date(value)
        if parsed is not None:
            return parsed
        warnings.append(f"html {where} {value!r} is not a date; ignored it")
    return None


def _html_date_candidates(tree: LexborHTMLParser) -> Iterator[tuple[str, str]]:
    for selector in (
        'meta[property="article:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="datePublished"]',
        'meta[property="datePublished"]',
    ):
        node = tree.css_first(selector)
        if node is not None and node.attributes.get("content"):
            yield selector, node.attributes["content"] or ""
    for script in tree.css('script[type="application/ld+json"]'):
        value = _json_ld_date(script.text(deep=True))
        if value:
            yield "JSON-LD datePublished", value
    for selector in ("time[pubdate][datetime]", 'time[itemprop="datePublished"][datetime]', "time[datetime]"):
        node = tree.css_first(selector)
        if node is not None and node.attributes.get("datetime"):
            yield f"<{selector}>", node.attributes["datetime"] or ""


def _json_ld_date(payload: str) -> str | None:
    match = re.search(r'"datePublished"\s*:\s*("(?:[^"\\]|\\.)*")', payload)
    if match is None:
        return None
    try:
        value = json.loads(match.group(1))
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, str) else None


@functools.lru_cache(maxsize=256)
def _end_tag_here(tag: str) -> re.Pattern[str]:
    """`</tag>`, after optional whitespace; used with `match` at the cursor."""
    return re.compile(rf"\s*</{re.escape(tag)}\s*>", re.I)


@functools.lru_cache(maxsize=256)
def _raw_text_end(tag: str) -> re.Pattern[str]:
    """The start of `</script ...>` (or style...), which ends a raw-text element wherever it is."""
    return re.compile(rf"</{re.escape(tag)}[\s/>]", re.I)


_TAG_OPEN = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
_TAG_REST = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
_WORD = re.compile(r"\S+|\s+")
_CHUNK = re.compile(r"\S+(?: \S+)*|\s+")
"""Words joined by single spaces (kept as written), or a run of whitespace (collapsed)."""
_COMMENT_OPEN = re.compile(r"\s*<!--")
_MAY_BE_ENTITY = re.compile(r"""[&<>"'\u0080-\U0010ffff]""")


@functools.lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    """Matches `word` as written in HTML, where any character but a letter or digit may be an entity."""
    parts = [
        re.escape(c) if c.isascii() and c.isalnum() else rf"(?:&[#A-Za-z0-9]+;?|{re.escape(c)})" for c in word
    ]
    return re.compile("".join(parts))


def _story_header(node: LexborNode) -> bool:
    """A <header> inside an <article> holds the story's headline and standfirst, not the site's masthead."""
    if node.tag != "header":
        return False
    parent = node.parent
    while parent is not None and parent.tag != "article":
        parent = parent.parent
    return parent is not None


_NOTE_CLASS = re.compile(r"correction|clarification|editor", re.I)


def _story_note(node: LexborNode) -> bool:
    """An <aside> that carries a correction or an editor's note ('<aside class="correction">') belongs to the story."""
    return node.tag == "aside" and bool(_NOTE_CLASS.search(node.attributes.get("class") or ""))


class _HtmlText:
    """Walks the parsed document in source order, building the text and its offset map.

    A cursor moves through `source` as elements and words are met, so each word is looked for just
    after the previous one. Every element is walked (also those outside the article root) to keep
    the cursor in step; only words inside the root and outside dropped elements are emitted.
    """

    def __init__(self, source: str, roots: list[LexborNode]):
        self.source = source
        self.root_ids = {root.mem_id for root in roots}
        self.cursor = 0
        self.last_end = 0
        self.parts: list[str] = []
        self.length = 0
        self.pending = ""
        self.offsets = OffsetMap()
        self.in_row = False
        """Inside an emitted <tr>: line breaks inside a cell become spaces."""
        self.cell = ""
        """What starts the next word when it opens a cell: "| " for a row's first cell, " | " for the others."""
        self.row_cells = 0
        self.close_row = False
        """A row with words ended: " |" goes before whatever comes next."""
        self.item = False
        """An <li> started: its first word opens a line with "- ", so each item reads as a bullet of its own."""
        self.term_ended = False
        """A <dt> (a term of a definition list) has just ended."""
        self.definition = False
        """Its <dd> started: the description follows the term on its line, after a colon ('Weakest month: May')."""

    def walk(self, top: LexborNode) -> None:
        stack: list[tuple[LexborNode | _EndTag, bool]] = [(top, False)]
        while stack:
            node, emit = stack.pop()
            if isinstance(node, _EndTag):
                self._skip_end_tag(node.tag)
                self._separate(node.tag, emit, start=False)
            elif node.is_element_node:
                stack.extend(self._enter(node, emit))
            elif node.is_text_node:
                self._words(node.text_content or "", emit)
            elif node.is_comment_node:
                self._skip_comment()

    def _enter(self, node: LexborNode, emit: bool) -> list[tuple[LexborNode | _EndTag, bool]]:
        """Handle an element's start tag; return its end tag and children to visit, last first."""
        tag = node.tag or ""
        self._skip_start_tag(tag)
        self._separate(tag, emit, start=True)
        if tag in _RAW_TEXT_TAGS:
            self._skip_raw_text(tag)
            return []
        inner = (emit or node.mem_id in self.root_ids) and (tag not in DROPPED_TAGS or _story_header(node)
                                                             or _story_note(node))
        children: list[tuple[LexborNode | _EndTag, bool]] = []
        child = node.child
        while child is not None:
            children.append((child, inner))
            child = child.next
        return [(_EndTag(tag), emit), *reversed(children)]

    def _separate(self, tag: str, emit: bool, *, start: bool) -> None:
        """At an element boundary in emitted text, make sure the words on each side stay apart."""
        if not emit:
            return
        if tag == "tr":
            self._row(start)
        elif tag in _CELL_TAGS and start and self.in_row:
            self.cell = " | " if self.row_cells else "| "
        elif tag in _PARAGRAPH_TAGS or (tag in DROPPED_TAGS and tag not in _INLINE_DROPPED):
            self._pend("\n\n")
        elif tag == "dd" and start and self.term_ended:  # "<dt>Exports, May</dt><dd>1,238 t</dd>": one line
            self.pending, self.definition = "", True
        elif tag in _LINE_TAGS:
            self._pend("\n")
            self.item = self.item or (tag == "li" and start and not self.in_row)
        self.term_ended = tag == "dt" and not start

    def _row(self, start: bool) -> None:
        if start:  # the row's first word starts a line of its own (see _separator)
            self.in_row, self.row_cells, self.cell = True, 0, ""
            return
        self.in_row, self.cell = False, ""
        self.close_row = self.close_row or self.row_cells > 0

    def _pend(self, separator: str) -> None:
        if self.in_row and separator != " ":
            separator = " "  # a paragraph or line break inside a cell keeps the row on one line
        if _SEPARATOR_RANK[separator] > _SEPARATOR_RANK[self.pending]:
            self.pending = separator

    def _skip_start_tag(self, tag: str) -> None:
        """Move the cursor past `<tag ...>` if it is the next start tag (absent when implied)."""
        pos, limit = self.cursor, self.cursor + _WINDOW
        while (lt := self.source.find("<", pos, limit)) >= 0:
            if self.source.startswith("<!--", lt):
                close = self.source.find("-->", lt + 4)
                if close < 0:
                    return
                pos = close + 3
                continue
            match = _TAG_OPEN.match(self.source, lt)
            if match is None:
                pos = lt + 1
                continue
            rest = _TAG_REST.match(self.source, match.end())
            after = rest.end() if rest else match.end()
            if match.group(1):
                pos = after
                continue
            if match.group(2).lower() == tag:
                self.cursor = after
            return

    def _skip_end_tag(self, tag: str) -> None:
        match = _end_tag_here(tag).match(self.source, self.cursor)
        if match:
            self.cursor = match.end()

    def _skip_raw_text(self, tag: str) -> None:
        match = _raw_text_end(tag).search(self.source, self.cursor)
        if match is None:
            self.cursor = len(self.source)
            return
        rest = _TAG_REST.match(self.source, match.end() - 1)
        self.cursor = rest.end() if rest else match.end()

    def _skip_comment(self) -> None:
        match = _COMMENT_OPEN.match(self.source, self.cursor)
        if match:
            close = self.source.find("-->", match.end())
            self.cursor = close + 3 if close >= 0 else self.cursor

    def _words(self, content: str, emit: bool) -> None:
        """Emit a text node's words, whitespace collapsed, each tied to where it is written."""
        found = self.source.find(content, self.cursor, self.cursor + _WINDOW + len(content))
        if found >= 0:  # written literally: no entities, no CRLF; runs of words map as one piece
            for match in _CHUNK.finditer(content):
                self._chunk(match, emit, (found + match.start(), found + match.end()))
            self.cursor = found + len(content)
            return
        for match in _WORD.finditer(content):
            span = None if match.group().isspace() else self._locate(match.group())
            self._chunk(match, emit, span)
            if span is not None:
                self.cursor = span[1]

    def _chunk(self, match: re.Match[str], emit: bool, span: tuple[int, int] | None) -> None:
        if not emit:
            return
        if match.group().isspace():
            self._pend(" ")
        else:
            self._emit(match.group(), span)

    def _locate(self, word: str) -> tuple[int, int] | None:
        """Where `word` is written, looking a little ahead of the cursor; None if not found."""
        start = self.cursor
        if not _MAY_BE_ENTITY.search(word):
            found = self.source.find(word, start, start + _WINDOW + len(word))
            if found >= 0:
                return found, found + len(word)
        match = _word_pattern(word).search(self.source, start, start + _WINDOW + 10 * len(word))
        return match.span() if match else None

    def _emit(self, word: str, span: tuple[int, int] | None) -> None:
        s_start, s_end = span if span is not None else (self.cursor, self.cursor)
        if self.item and _ITEM_MARKER.match(word):  # the item's own marker opens its line instead of ours
            self.item = False
            self._pend("\n")
        if self.pending and self.length or self.cell or self.close_row or self.item or self.definition:
            self._emit_separator(s_start)
        if self.cell:
            self.row_cells += 1
        self.pending, self.cell, self.close_row, self.item, self.definition = "", "", False, False, False
        exact = span is not None and s_end - s_start == len(word)
        self.offsets.add(self.length, s_start, s_end, exact=exact)
        self.parts.append(word)
        self.length += len(word)
        self.last_end = s_end

    def _emit_separator(self, next_start: int) -> None:
        gap = self.source[self.last_end : next_start]
        separator = self._separator()
        exact = separator == " " and gap == " "
        self.offsets.add(self.length, self.last_end, max(self.last_end, next_start), exact=exact)
        self.parts.append(separator)
        self.length += len(separator)

    def _separator(self) -> str:
        """The pending break, with the pipes of a table row: " | " between cells, " |" + break + "| " between rows."""
        if self.cell == " | ":
            return self.cell
        if self.definition:
            return " " if self.parts and self.parts[-1].endswith(":") else ": "
        closing = " |" if self.close_row else ""
        if self.cell or self.item:  # a row's first cell or an item's first word: on a line of its own
            pending = self.pending if _SEPARATOR_RANK[self.pending] >= _SEPARATOR_RANK["\n"] else "\n"
            return closing + (pending if self.length else "") + (self.cell or "- ")
        return closing + self.pending

    def finish(self) -> None:
        """Close a table row that ends the text."""
        if self.close_row:
            self.offsets.add(self.length, self.last_end, self.last_end, exact=False)
            self.parts.append(" |")
            self.length += 2
            self.close_row = False


@dataclass(frozen=True)
class _EndTag:
    """Pushed below an element's children; popping it handles the element's end tag."""

    tag: str
