"""The evidence dataset: China customs export figures in long format, validated and indexed once at load.

One row is one published (or derived) observation keyed by
(commodity, reporter, partner, flow, period, metric) and carrying its source.
Column names appear only in this module.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict

from checker.errors import DatasetError
from claims.periods import Period

Commodity = Literal["rare_earth_magnets", "rare_earths"]
Metric = Literal["quantity", "value_usd", "mom_pct", "yoy_pct", "share_pct", "rank"]

COMMODITIES: tuple[str, ...] = ("rare_earth_magnets", "rare_earths")
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


def _read_frame(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise DatasetError("dataset file not found; pass --data PATH to a CSV in the factcheck format", path=path)
    if path.stat().st_size == 0:
        raise DatasetError("dataset file is empty; it needs a header and at least one row", path=path, line=1)
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
    periods = frame["period"].str.split("..", regex=False)
    reversed_range = periods.map(lambda p: len(p) == 2 and p[0] > p[1])
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


@dataclass
class Dataset:
    """A validated dataset with its lookups built once."""

    path: Path
    frame: pd.DataFrame
    _index: dict[tuple[str, str, str, str], list[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        groups: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
        keys = zip(self.frame["commodity"], self.frame["partner"], self.frame["period"], self.frame["metric"], strict=True)
        for position, key in enumerate(keys):
            groups[key].append(position)
        self._index = dict(groups)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()

    def _row(self, position: int) -> Row:
        record = self.frame.iloc[position]
        return Row(
            commodity=record["commodity"],
            partner=record["partner"],
            period=record["period"],
            metric=record["metric"],
            value=Decimal(record["value"]),
            unit=record["unit"],
            source_url=record["source_url"],
            source_date=record["source_date"] or None,
            derived=_truthy(record["derived"]),
            formula=record["formula"] or None,
            canonical=_truthy(record["canonical"]),
            line=position + 2,
        )

    def rows(self, commodity: str, partner: str, period: Period | str, metric: str) -> list[Row]:
        """Every row for one key, reported rows first. O(1) in the table size."""
        key = (commodity, partner, str(period), metric)
        rows = [self._row(p) for p in self._index.get(key, ())]
        return sorted(rows, key=lambda r: (r.derived, not r.canonical, r.line))

    def partners(self, commodity: str, period: Period | str) -> list[str]:
        label = str(period)
        return sorted({k[1] for k in self._index if k[0] == commodity and k[2] == label})

    @cached_property
    def months(self) -> dict[tuple[str, str], list[str]]:
        """(commodity, partner) -> the single months that have a quantity row."""
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        for commodity, partner, period, metric in self._index:
            if metric == "quantity" and ".." not in period:
                out[(commodity, partner)].add(period)
        return {k: sorted(v) for k, v in out.items()}

    def covers(self, commodity: str, partner: str) -> bool:
        return (commodity, partner) in self.months or any(
            k[0] == commodity and k[1] == partner for k in self._index
        )

    def __iter__(self) -> Iterator[Row]:
        return (self._row(p) for p in range(len(self.frame)))

    def __len__(self) -> int:
        return len(self.frame)


def load_dataset(path: Path) -> Dataset:
    frame = validate_frame(_read_frame(path), path)
    return Dataset(path=path, frame=frame.reset_index(drop=True))


def iter_sources(dataset: Dataset) -> Iterable[tuple[str, int, list[str]]]:
    """(source_url, number of rows, commodities) per source, most rows first."""
    grouped = dataset.frame.groupby("source_url")
    out = [(url, len(g), sorted(set(g["commodity"]))) for url, g in grouped]
    return sorted(out, key=lambda t: (-t[1], t[0]))
