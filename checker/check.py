"""Check articles: read, extract, verify, and assemble one Report. No printing here; the CLI renders."""

from __future__ import annotations

import gc
import os
import re
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from checker.dataset import WORLD, Dataset
from checker.errors import CheckError, InputError
from checker.inputs import STDIN, Document, read_document
from checker.report import CheckedClaim, DocumentReport, Report, Series, SeriesPoint, Settings, summarise
from checker.verify import month_level, verify_claims
from claims.extract import (
    build_pipeline,
    latest_month,
    make_doc,
    normalise_text,
    resolve_claims,
    with_original_quotes,
)
from claims.model import SERIES, Claim
from claims.periods import Month, Period
from claims.periods_text import reporting_month

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

IGNORE_MARKER = re.compile(r"<!--\s*factcheck:\s*ignore\s*-->", re.I)
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATELINE = re.compile(
    rf"\b(?P<m>{_MONTH_NAMES})\s+(?P<d>\d{{1,2}}),\s+(?P<y>20\d\d)\b"
    rf"|\b(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_NAMES})\s+(?P<y2>20\d\d)\b"
    r"|\b(?P<iso>20\d\d-\d\d-\d\d)\b"
)
BATCH_SIZE = 64
"""Articles per `nlp.pipe` batch: a news article is a few thousand characters, so 64 keeps a batch small."""
PARALLEL_MIN_PATHS = 64
"""Below this many articles one process is quicker than starting workers (each costs about a tenth of a second)."""
CHUNK_SIZE = 16
"""Articles per task handed to a worker: small enough to balance two workers, large enough for `nlp.pipe`."""
_YEARLESS_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,30},?\s+(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>\d{1,2})\b",
    re.M)
_MONTHS_SHORT = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]


@dataclass(frozen=True)
class DatedText:
    published: date | None
    source: str | None
    reporting: Month | None


def article_date(document: Document, override: date | None) -> DatedText:
    """--published, else front matter or HTML meta, else a dateline, else the latest data month named."""
    if override is not None:
        return DatedText(override, "option", None)
    if document.published is not None:
        return DatedText(document.published, document.published_source, None)
    found = _DATELINE.search(document.text[:600])
    if found:
        if found.group("iso"):
            return DatedText(date.fromisoformat(found.group("iso")), "dateline", None)
        name, day, year = (found.group("m"), found.group("d"), found.group("y")) if found.group("m") else (
            found.group("m2"), found.group("d2"), found.group("y2"))
        try:
            return DatedText(date(int(year), _MONTHS.index(name.lower()) + 1, int(day)), "dateline", None)
        except ValueError:
            pass
    latest = latest_month(document.text)
    if latest is not None:
        return DatedText(None, "latest data month in the text", latest)
    short = _YEARLESS_DATELINE.search(document.text[:400])
    if short:
        return DatedText(None, "a dateline without a year, taken as the latest such day",
                         reporting_month(_latest_day(short.group("m"), int(short.group("d")), date.today())))
    return DatedText(None, None, reporting_month(date.today()))


def _latest_day(name: str, day: int, today: date) -> date:
    """'Oct 13' with no year: the most recent October 13 not after today."""
    month = _MONTHS_SHORT.index(name[:3].lower()) + 1
    try:
        candidate = date(today.year, month, day)
    except ValueError:
        return today
    return candidate if candidate <= today else candidate.replace(year=today.year - 1)


def _ignored_lines(document: Document) -> set[int]:
    """Lines carrying `<!-- factcheck: ignore -->` (Markdown drafts): their claims are skipped."""
    lines = set()
    for m in IGNORE_MARKER.finditer(document.source):
        lines.add(document.line_col(m.start())[0])
    return lines


def _to_source(document: Document, claim: Claim) -> Claim:
    start, end = document.to_source(claim.start, claim.end)
    line, col = document.line_col(start)
    return claim.model_copy(update={"start": start, "end": end, "line": line, "col": col,
                                    "text": document.source[start:end] if document.format == "html" else claim.text})


def _prepare(document: Document, published: date | None) -> tuple[str, DatedText, Month | None]:
    """The text the pipeline reads, the article's date and the data month relative periods count from."""
    dated = article_date(document, published)
    reporting = dated.reporting or (reporting_month(dated.published) if dated.published else None)
    return normalise_text(document.text), dated, reporting


def _finish(document: Document, doc: Doc, dated: DatedText, reporting: Month | None) -> list[Claim]:
    found = with_original_quotes(resolve_claims(doc, dated.published, reporting), document.text)
    claims = [_to_source(document, c) for c in found]
    ignored = _ignored_lines(document)
    return [c for c in claims if c.line not in ignored]


def _allow_length(nlp: Language, text: str) -> None:
    # spaCy refuses texts over nlp.max_length (1,000,000 characters) to protect parser/NER memory; this blank
    # pipeline has neither, and read_document's --max-bytes already bounds the input.
    nlp.max_length = max(nlp.max_length, len(text) + 1)


def extract_document(document: Document, published: date | None) -> tuple[list[Claim], DatedText]:
    text, dated, reporting = _prepare(document, published)
    nlp = build_pipeline()
    _allow_length(nlp, text)
    return _finish(document, nlp(make_doc(nlp, text)), dated, reporting), dated


def extract_documents(documents: Iterable[Document], published: date | None, batch_size: int = BATCH_SIZE
                      ) -> Iterator[tuple[Document, list[Claim] | CheckError, DatedText]]:
    """`extract_document` for many documents, streamed through one `nlp.pipe`; same claims, same order. A document
    whose claims cannot be resolved comes with a CheckError instead.

    Documents are read from `documents` only as the pipe needs them, so memory stays bounded for an archive.
    """
    nlp = build_pipeline()
    pending: deque[tuple[Document, DatedText, Month | None]] = deque()

    def docs() -> Iterator[Doc]:
        for document in documents:
            text, dated, reporting = _prepare(document, published)
            _allow_length(nlp, text)
            pending.append((document, dated, reporting))
            yield make_doc(nlp, text)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        document, dated, reporting = pending.popleft()
        try:
            claims: list[Claim] | CheckError = _finish(document, doc, dated, reporting)
        except Exception as exc:  # noqa: BLE001 - a fault with one article must not stop the others
            claims = CheckError.from_exception(document.path, exc)
        yield document, claims, dated


def series_for(dataset: Dataset, claims: Iterable[CheckedClaim]) -> list[Series]:
    """Monthly levels of each series a claim touches, with the levels the article states."""
    touched: dict[tuple[str, str], list[SeriesPoint]] = {}
    for claim in claims:
        if not claim.in_scope or claim.commodity not in SERIES or claim.period is None:
            continue
        key = (claim.commodity, claim.partner or WORLD)
        points = touched.setdefault(key, [])
        if claim.kind == "quantity" and claim.value is not None:
            points.append(SeriesPoint(period=claim.period, value=claim.value * claim.scale))
    return [Series(commodity=commodity, partner=partner, points=list(points), claimed=claimed)
            for (commodity, partner), claimed in sorted(touched.items())
            if (points := series_points(dataset, commodity, partner))]


@lru_cache(maxsize=4096)
def series_points(dataset: Dataset, commodity: str, partner: str) -> tuple[SeriesPoint, ...]:
    """The monthly levels of one series, from its first month in the data to its last; the same for every article."""
    months = dataset.months.get((commodity, partner), [])
    if not months:
        return ()
    points = []
    for month in Period.parse(f"{months[0]}..{months[-1]}").months():
        row = month_level(dataset, commodity, partner, month)
        if row is not None:
            points.append(SeriesPoint(period=str(month), value=row.value))
    return tuple(points)


def check_document(document: Document, dataset: Dataset, settings: Settings, published: date | None) -> DocumentReport:
    claims, dated = extract_document(document, published)
    return _document_report(document, claims, dated, dataset, settings)


def _document_report(document: Document, claims: list[Claim], dated: DatedText, dataset: Dataset,
                     settings: Settings) -> DocumentReport:
    checked = verify_claims(dataset, claims, settings)
    warnings = list(document.warnings)
    if dated.published is None:
        warnings.append("no publication date found: pass --published YYYY-MM-DD so relative periods resolve correctly"
                        + (f" (assumed data month {dated.reporting})" if dated.reporting else ""))
    return DocumentReport(
        path=document.path,
        published=dated.published,
        published_source=dated.source,
        claims=checked,
        summary=summarise(checked),
        warnings=warnings,
        series=series_for(dataset, checked),
        text=document.source,
    )


def worker_count(paths: int, jobs: int | None = None) -> int:
    """Worker processes for `paths` articles: `jobs` if given, else one per available CPU for a large batch.

    Workers are forked (Linux only), so they share the loaded pipeline and dataset instead of rebuilding them."""
    if paths < 2 or sys.platform != "linux":
        return 1
    if jobs is not None:
        return max(1, min(jobs, paths))
    return len(os.sched_getaffinity(0)) if paths >= PARALLEL_MIN_PATHS else 1


@contextmanager
def _batch_gc(paths: int) -> Iterator[None]:
    """Fewer garbage collections during a batch: the pipeline, the dataset and the modules (most of the heap) are
    frozen out of collection, and a collection waits for 50,000 new objects instead of 700. Without this a batch
    spends about a sixth of its time collecting; forked workers also stop copying pages the collector touches."""
    if paths < 2:
        yield
        return
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def check_paths(paths: Sequence[str], dataset: Dataset, settings: Settings, published: date | None,
                max_bytes: int | None = None, on_document: Callable[[str], None] | None = None,
                jobs: int | None = None) -> Report:
    """Check every path; a path that cannot be read becomes an error line and the others are still checked.

    Several paths go through one `nlp.pipe` (see `extract_documents`), split over worker processes for a large
    batch (see `worker_count`); the report is the same as checking them one by one, in the order given.
    `on_document(path)` is called once per path when it is done (checked, or found unreadable).
    """
    done = on_document or (lambda path: None)
    with _batch_gc(len(paths)):
        return _check_paths(paths, dataset, settings, published, max_bytes, done, jobs)


def _check_paths(paths: Sequence[str], dataset: Dataset, settings: Settings, published: date | None,
                 max_bytes: int | None, done: Callable[[str], None], jobs: int | None) -> Report:
    workers = worker_count(len(paths), jobs)
    if workers > 1 and STDIN not in paths:  # a worker's stdin is /dev/null: standard input is read here
        return _check_in_workers(paths, workers, (dataset, settings, published, max_bytes), done)
    report = Report(dataset=str(dataset.path), dataset_sha256=dataset.sha256, settings=settings)

    def readable() -> Iterator[Document]:
        for path in paths:
            try:
                yield read_document(path, max_bytes=max_bytes) if max_bytes else read_document(path)
            except InputError as exc:
                report.errors.append(exc.one_line())
                done(path)

    if len(paths) == 1:
        for document in readable():
            _add(report, document.path, partial(check_document, document, dataset, settings, published))
            done(document.path)
        return report
    for document, claims, dated in extract_documents(readable(), published):
        if isinstance(claims, CheckError):
            report.errors.append(claims.one_line())
        else:
            _add(report, document.path, partial(_document_report, document, claims, dated, dataset, settings))
        done(document.path)
    return report


def _add(report: Report, path: str, check: Callable[[], DocumentReport]) -> None:
    """Append one article's report; a fault in factcheck while checking it becomes an error line (E501) instead,
    and the other articles are still checked."""
    try:
        report.documents.append(check())
    except Exception as exc:  # noqa: BLE001
        report.errors.append(CheckError.from_exception(path, exc).one_line())


_Job = tuple[Dataset, Settings, date | None, int | None]
"""What every worker checks with: dataset, settings, --published and --max-bytes."""
_worker_job: _Job | None = None


def _start_worker(job: _Job) -> None:
    global _worker_job
    _worker_job = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool
    build_pipeline()


def _check_chunk(paths: list[str]) -> Report:
    assert _worker_job is not None, "a worker checks chunks only after _start_worker"
    dataset, settings, published, max_bytes = _worker_job
    report = _check_paths(paths, dataset, settings, published, max_bytes, lambda path: None, jobs=1)
    for document in report.documents:
        document.series = []  # the parent rebuilds them from its own cache: cheaper than sending every point back
    return report


def _check_in_workers(paths: Sequence[str], workers: int, job: _Job, done: Callable[[str], None]) -> Report:
    """`check_paths` over forked workers, CHUNK_SIZE paths per task; chunks come back in input order."""
    import multiprocessing

    dataset, settings = job[0], job[1]
    build_pipeline()  # built once here, inherited by every fork
    report = Report(dataset=str(dataset.path), dataset_sha256=dataset.sha256, settings=settings)
    chunks = [list(paths[i:i + CHUNK_SIZE]) for i in range(0, len(paths), CHUNK_SIZE)]
    with multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker, initargs=(job,)) as pool:
        for chunk, part in zip(chunks, pool.imap(_check_chunk, chunks), strict=True):
            for document in part.documents:
                document.series = series_for(dataset, document.claims)
            report.documents.extend(part.documents)
            report.errors.extend(part.errors)
            for path in chunk:
                done(path)
    return report
