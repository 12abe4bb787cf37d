"""The evidence dataset: China customs export figures in long format, validated and indexed once at load.

One row is one published (or derived) observation keyed by
(commodity, reporter, partner, flow, period, metric) and carrying its source.
Column names appear only in this module.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker.errors import DatasetError
from claims.model import SERIES
from claims.periods import Period

if TYPE_CHECKING:  # pandas costs about 0.4 s to import; a cached dataset is read without it
    import pandas as pd

Commodity = Literal["rare_earth_magnets", "rare_earths"]
Metric = Literal["quantity", "value_usd", "mom_pct", "yoy_pct", "share_pct", "rank"]

COMMODITIES: tuple[str, ...] = SERIES
METRICS: tuple[str, ...] = ("quantity", "value_usd", "mom_pct", "yoy_pct", "share_pct", "rank")
UNITS: dict[str, str] = {
    "quantity": "t",
    "value_usd": "usd",
    "mom_pct": "%",
    "yoy_pct": "%",
    "share_pct": "%",
    "rank": "rank",
}
COLUMNS: tuple[str, ...] = (
    "commodity",
    "reporter",
    "partner",
    "partner_code",
    "flow",
    "period",
    "metric",
    "value",
    "unit",
    "source_url",
    "source_date",
    "derived",
    "formula",
    "canonical",
)
KEY: tuple[str, ...] = ("commodity", "reporter", "partner", "flow", "period", "metric")
PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(\.\.\d{4}-(0[1-9]|1[0-2]))?$")
WORLD = "World"
CACHE_VERSION = 2
"""Part of every cache file name: bump it when validation or the cached layout changes."""
ROW_CACHE_SIZE = 1 << 16
"""Rows kept built per Dataset (about 1 KB each)."""


class Row(BaseModel):
    """One observation, as evidence handed to the verifier and the report."""

    model_config = ConfigDict(frozen=True)

    commodity: Commodity
    partner: str
    period: str
    metric: Metric
    value: Decimal
    unit: str
    source_url: str
    source_date: str | None = None
    derived: bool = False
    formula: str | None = None
    canonical: bool = False
    line: int
    """Line in the dataset file (1 = header), for citing the row."""

    @property
    def decimals(self) -> int:
        exponent = self.value.as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0


def _fail(path: Path, line: int, message: str) -> DatasetError:
    return DatasetError(message, path=path, line=line)


def cache_dir() -> Path:
    """Where validated datasets are cached: $FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck, else
    ~/.cache/factcheck. Nothing is ever written next to the dataset."""
    if os.environ.get("FACTCHECK_CACHE_DIR"):
        return Path(os.environ["FACTCHECK_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"


def _require_file(path: Path) -> None:
    if not path.exists():
        raise DatasetError("dataset file not found; pass --data PATH to a CSV in the factcheck format", path=path)
    if path.stat().st_size == 0:
        raise DatasetError("dataset file is empty; it needs a header and at least one row", path=path, line=1)


def _read_frame(path: Path) -> pd.DataFrame:
    import pandas as pd

    _require_file(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DatasetError(f"dataset is not UTF-8 ({exc.reason}); re-save it as UTF-8", path=path) from exc
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DatasetError(f"cannot parse the CSV: {str(exc).strip().splitlines()[-1]}", path=path) from exc
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise DatasetError(f"bad header: missing column(s) {', '.join(missing)}", path=path, line=1)
    if frame.empty:
        raise DatasetError("dataset has a header but no rows", path=path, line=1)
    return frame


def _first_bad(mask: pd.Series) -> int | None:
    bad = mask[mask]
    return None if bad.empty else int(bad.index[0]) + 2


def validate_frame(frame: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Check every row, vectorised; raise DatasetError naming file:line for the first bad one."""
    import pandas as pd

    checks: list[tuple[pd.Series, str]] = [
        (~frame["commodity"].isin(COMMODITIES), "unknown commodity {v!r} (expected one of: " + ", ".join(COMMODITIES) + ")"),
        (~frame["metric"].isin(METRICS), "unknown metric {v!r} (expected one of: " + ", ".join(METRICS) + ")"),
        (~frame["period"].str.match(PERIOD_RE), "bad period {v!r} (expected YYYY-MM or YYYY-MM..YYYY-MM)"),
        (frame["partner"].str.strip() == "", "empty partner"),
        (frame["source_url"].str.strip() == "", "row has no source_url; every figure needs its source"),
        (~frame["derived"].isin(["true", "false", "True", "False", "1", "0"]), "derived must be true or false, not {v!r}"),
        (~frame["canonical"].isin(["true", "false", "True", "False", "1", "0"]), "canonical must be true or false, not {v!r}"),
    ]
    column_of = {0: "commodity", 1: "metric", 2: "period", 3: "partner", 4: "source_url", 5: "derived", 6: "canonical"}
    for i, (mask, message) in enumerate(checks):
        line = _first_bad(mask)
        if line is not None:
            raise _fail(path, line, message.format(v=frame.at[line - 2, column_of[i]]))
    numbers = pd.to_numeric(frame["value"], errors="coerce")
    line = _first_bad(numbers.isna())
    if line is not None:
        raise _fail(path, line, f"value {frame.at[line - 2, 'value']!r} is not a number")
    non_negative = frame["metric"].isin(["quantity", "value_usd", "rank"])
    line = _first_bad(non_negative & (numbers < 0))
    if line is not None:
        raise _fail(path, line, f"negative {frame.at[line - 2, 'metric']} {frame.at[line - 2, 'value']}")
    # every period matched PERIOD_RE above, so a range is exactly YYYY-MM..YYYY-MM
    reversed_range = frame["period"].str.contains("..", regex=False) & (
        frame["period"].str.slice(0, 7) > frame["period"].str.slice(9, 16))
    line = _first_bad(reversed_range)
    if line is not None:
        raise _fail(path, line, f"period {frame.at[line - 2, 'period']!r} ends before it starts")
    duplicated = frame.duplicated(subset=[*KEY, "source_url", "derived", "formula"], keep="first")
    line = _first_bad(duplicated)
    if line is not None:
        raise _fail(path, line, "duplicate key: the same figure from the same source is listed twice")
    return frame


def _truthy(text: str) -> bool:
    return text in ("true", "True", "1")


@dataclass(frozen=True)
class Column:
    """One dataset column, dictionary-encoded: `values[codes[i]]` is row i's text."""

    codes: np.ndarray
    """int32, one per row."""
    values: list[str]

    @classmethod
    def encode(cls, texts: pd.Series) -> Column:
        import pandas as pd

        codes, uniques = pd.factorize(texts, sort=False)
        return cls(codes.astype(np.int32), [str(v) for v in uniques])

    def __getitem__(self, position: int) -> str:
        return self.values[self.codes[position]]

    def decoded(self) -> np.ndarray:
        return np.asarray(self.values, dtype=object)[self.codes] if self.values else np.array([], dtype=object)


@dataclass
class _KeyIndex:
    """Rows grouped by (commodity, period, partner, metric), built with numpy in seconds for 10 million rows.

    Each key column becomes integer codes; the codes combine into one int64 per row, and a stable argsort lists
    the rows of one key together, in file order. A lookup is a dict lookup per key part and two binary searches.
    """

    values: tuple[list[str], ...]
    """Distinct commodities, periods, partners and metrics; a row's code is a position in these lists."""
    codes: tuple[np.ndarray, ...]
    order: np.ndarray
    keys: np.ndarray
    """keys[i] is the combined key of row order[i]; ascending."""

    @classmethod
    def build(cls, columns: dict[str, Column], size: int) -> _KeyIndex:
        parts = [columns[name] for name in ("commodity", "period", "partner", "metric")]
        combined = np.zeros(size, dtype=np.int64)
        for column in parts:
            combined = combined * len(column.values) + column.codes
        order = np.argsort(combined, kind="stable")
        return cls(tuple(c.values for c in parts), tuple(c.codes.astype(np.int64) for c in parts), order,
                   combined[order])

    @cached_property
    def lookup(self) -> tuple[dict[str, int], ...]:
        return tuple({v: i for i, v in enumerate(values)} for values in self.values)

    def _combine(self, parts: tuple[int, ...]) -> int:
        key = 0
        for values, code in zip(self.values, parts, strict=False):
            key = key * len(values) + code
        for values in self.values[len(parts):]:
            key *= len(values)
        return key

    def span(self, *parts: str) -> np.ndarray:
        """Positions of the rows whose leading key parts are `parts`, in file order within one full key."""
        try:
            codes = tuple(table[p] for table, p in zip(self.lookup, parts, strict=False))
        except KeyError:
            return self.order[:0]
        first = self._combine(codes)
        last = self._combine((*codes[:-1], codes[-1] + 1))
        return self.order[np.searchsorted(self.keys, first):np.searchsorted(self.keys, last)]

    def pairs(self, left: int, right: int, rows: np.ndarray | None = None) -> set[tuple[str, str]]:
        """Distinct (value of key part `left`, value of key part `right`) over `rows` (all rows by default)."""
        a, b = self.codes[left], self.codes[right]
        if rows is not None:
            a, b = a[rows], b[rows]
        width = len(self.values[right])
        found = np.unique(a * width + b)
        return {(self.values[left][int(x // width)], self.values[right][int(x % width)]) for x in found}


@dataclass(eq=False)  # hashed by identity: per-dataset lookups can be cached
class Dataset:
    """A validated dataset with its lookups built once.

    The rows live in dictionary-encoded numpy columns (read straight from the cache, without pandas); `frame` is
    the pandas view for the `data` commands, made on first use.
    """

    path: Path
    columns: dict[str, Column]
    sha256: str = ""
    _index: _KeyIndex = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = _file_sha256(self.path)
        self._index = _KeyIndex.build(self.columns, len(self))
        # Rows are frozen, so one Row per position can be shared; a batch asks for the same months again and again
        self._row = lru_cache(maxsize=ROW_CACHE_SIZE)(self._make_row)
        self._rows = lru_cache(maxsize=ROW_CACHE_SIZE)(self._find_rows)

    @classmethod
    def from_frame(cls, path: Path, frame: pd.DataFrame, sha256: str = "") -> Dataset:
        frame = frame.reset_index(drop=True)
        dataset = cls(path=path, columns={name: Column.encode(frame[name]) for name in COLUMNS}, sha256=sha256)
        dataset.__dict__["frame"] = frame
        return dataset

    @cached_property
    def frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame({name: column.decoded() for name, column in self.columns.items()}, dtype=str)

    def _make_row(self, position: int) -> Row:
        def text(name: str) -> str:
            return self.columns[name][position]

        return Row(
            commodity=text("commodity"),
            partner=text("partner"),
            period=text("period"),
            metric=text("metric"),
            value=Decimal(text("value")),
            unit=text("unit"),
            source_url=text("source_url"),
            source_date=text("source_date") or None,
            derived=_truthy(text("derived")),
            formula=text("formula") or None,
            canonical=_truthy(text("canonical")),
            line=position + 2,
        )

    def rows(self, commodity: str, partner: str, period: Period | str, metric: str) -> tuple[Row, ...]:
        """Every row for one key, reported rows first. Two binary searches, whatever the table size; a key asked
        for again (the same months, article after article) is a dictionary hit."""
        return self._rows(commodity, partner, str(period), metric)

    def _find_rows(self, commodity: str, partner: str, period: str, metric: str) -> tuple[Row, ...]:
        rows = [self._row(int(p)) for p in self._index.span(commodity, period, partner, metric)]
        return tuple(sorted(rows, key=lambda r: (r.derived, not r.canonical, r.line)))

    def partners(self, commodity: str, period: Period | str) -> list[str]:
        rows = self._index.span(commodity, str(period))
        return sorted({self._index.values[2][int(c)] for c in np.unique(self._index.codes[2][rows])})

    @cached_property
    def months(self) -> dict[tuple[str, str], list[str]]:
        """(commodity, partner) -> the single months that have a quantity row."""
        periods = self._index.values[1]
        single = np.array([".." not in p for p in periods], dtype=bool)
        metric = self._index.lookup[3].get("quantity", -1)
        rows = np.flatnonzero((self._index.codes[3] == metric) & single[self._index.codes[1]])
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        commodities, partners = self._index.values[0], self._index.values[2]
        width_p, width_t = len(partners), len(periods)
        combined = (self._index.codes[0][rows] * width_p + self._index.codes[2][rows]) * width_t + self._index.codes[1][rows]
        for x in np.unique(combined).tolist():
            pair, period = divmod(x, width_t)
            out[(commodities[pair // width_p], partners[pair % width_p])].add(periods[period])
        return {k: sorted(v) for k, v in out.items()}

    @cached_property
    def _commodity_partners(self) -> set[tuple[str, str]]:
        return self._index.pairs(0, 2)

    def covers(self, commodity: str, partner: str) -> bool:
        return (commodity, partner) in self.months or (commodity, partner) in self._commodity_partners

    def __iter__(self) -> Iterator[Row]:
        return (self._row(p) for p in range(len(self)))

    def __len__(self) -> int:
        return len(self.columns["commodity"].codes)


def _file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _cache_file(sha256: str) -> Path:
    return cache_dir() / f"dataset-{sha256}-v{CACHE_VERSION}.npz"


def _read_cache(sha256: str) -> dict[str, Column] | None:
    """The cached columns (numpy arrays, no pickles), or None when missing, unreadable or truncated."""
    try:
        with np.load(_cache_file(sha256), allow_pickle=False) as stored:
            columns = {name: Column(stored[f"{name}.codes"], stored[f"{name}.values"].tolist()) for name in COLUMNS}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None
    return columns if _consistent(columns) else None


def _consistent(columns: dict[str, Column]) -> bool:
    """Every column as long as the others, every code pointing at a value: anything else is a damaged cache."""
    sizes = {len(c.codes) for c in columns.values()}
    return len(sizes) == 1 and all(
        c.codes.dtype == np.int32 and (not len(c.codes) or 0 <= c.codes.min() and c.codes.max() < len(c.values))
        for c in columns.values())


def _write_cache(columns: dict[str, Column], sha256: str) -> None:
    """Best effort: a read-only or full cache directory only costs the next run a CSV parse."""
    target = _cache_file(sha256)
    arrays: dict[str, np.ndarray] = {}
    for name, column in columns.items():
        arrays[f"{name}.codes"] = column.codes
        arrays[f"{name}.values"] = np.array(column.values, dtype=str)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                np.savez(out, **arrays)
            os.replace(tmp, target)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except OSError:
        return


def load_dataset(path: Path, *, cache: bool = True) -> Dataset:
    """Read, validate and index a dataset CSV. A validated copy is cached (numpy .npz) under `cache_dir()`, keyed
    by the CSV's sha256, so the next load skips parsing and validation (and does not import pandas)."""
    _require_file(path)
    sha256 = _file_sha256(path)
    columns = _read_cache(sha256) if cache else None
    if columns is not None:
        return Dataset(path=path, columns=columns, sha256=sha256)
    dataset = Dataset.from_frame(path, validate_frame(_read_frame(path), path), sha256=sha256)
    if cache:
        _write_cache(dataset.columns, sha256)
    return dataset


def iter_sources(dataset: Dataset) -> Iterable[tuple[str, int, list[str]]]:
    """(source_url, number of rows, commodities) per source, most rows first."""
    grouped = dataset.frame.groupby("source_url")
    out = [(url, len(g), sorted(set(g["commodity"]))) for url, g in grouped]
    return sorted(out, key=lambda t: (-t[1], t[0]))
