"""Writing report files: atomically, never over an input, never over an existing file without --force."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from checker.errors import OutputError
from checker.report import DocumentReport, Report


def atomic_write(path: Path, content: str) -> None:
    """Write to a temporary file beside `path`, then rename: an interrupted run leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _refuse_input(target: Path, inputs: list[str]) -> None:
    resolved = target.resolve()
    for item in inputs:
        if item != "-" and Path(item).resolve() == resolved:
            raise OutputError("refusing to write the report over an input article; choose another --html path",
                              path=target)


def _guard(target: Path, inputs: list[str], force: bool) -> None:
    _refuse_input(target, inputs)
    if target.exists() and not force:
        raise OutputError("already exists; pass --force to overwrite it", path=target)


def _stem(path: str, used: set[str]) -> str:
    base = Path(path).stem if path != "-" else "stdin"
    name, n = f"{base}.html", 1
    while name in used:
        n += 1
        name = f"{base}-{n}.html"
    used.add(name)
    return name


def write_reports(report: Report, target: Path, *, inputs: list[str], force: bool,
                  render: Callable[[Report], str], index: Callable[[list[tuple[str, str]]], str] | None = None) -> None:
    """One article: `target` is the HTML file. Several: `target` is a directory with one page each and index.html."""
    _refuse_input(target, inputs)  # whatever its suffix, so the message names the real problem
    if len(report.documents) <= 1 and target.suffix.lower() in (".html", ".htm"):
        _guard(target, inputs, force)
        atomic_write(target, render(report))
        return
    if target.exists() and not target.is_dir():
        raise OutputError("is a file; for several articles --html needs a directory", path=target)
    from checker.render import render_index

    used: set[str] = set()
    links = []
    for document in report.documents:
        name = _stem(document.path, used)
        page = target / name
        _guard(page, inputs, force)
        atomic_write(page, render(_single(report, document)))
        links.append((name, document.path))
    index_page = target / "index.html"
    _guard(index_page, inputs, force)
    atomic_write(index_page, (index or render_index)(links))


def _single(report: Report, document: DocumentReport) -> Report:
    return report.model_copy(update={"documents": [document]})
