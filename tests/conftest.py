from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.dataset import Dataset, load_dataset
from checker.resources import default_dataset

DATA = default_dataset()


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The bundled data/exports.csv, loaded once."""
    return load_dataset(DATA)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _good_rows() -> tuple[list[str], list[dict[str, str]]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [next(reader), next(reader)]
    return list(reader.fieldnames or []), rows


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# id -> (change to a copy of the first good row appended as line 4, expected line, words the message must contain)
BAD_ROWS: dict[str, tuple[dict[str, str], int, str]] = {
    "unknown_commodity": ({"commodity": "magnets"}, 4, "unknown commodity 'magnets'"),
    "unknown_metric": ({"metric": "tonnes"}, 4, "unknown metric 'tonnes'"),
    "bad_period": ({"period": "2025-13"}, 4, "bad period '2025-13'"),
    "reversed_period": ({"period": "2025-09..2025-01"}, 4, "ends before it starts"),
    "negative_quantity": ({"metric": "quantity", "value": "-5", "unit": "t"}, 4, "negative quantity -5"),
    "non_numeric_value": ({"value": "5,774"}, 4, "value '5,774' is not a number"),
    "duplicate_key": ({}, 4, "duplicate key"),
}


@pytest.fixture(params=[*BAD_ROWS, "bad_header", "empty_file", "header_only"])
def bad_dataset(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, int, str]:
    """A small invalid dataset CSV under tmp_path: (path, line of the error, words of the message)."""
    header, rows = _good_rows()
    path = tmp_path / f"{request.param}.csv"
    if request.param == "empty_file":
        path.write_text("", encoding="utf-8")
        return path, 1, "dataset file is empty"
    if request.param == "header_only":
        _write(path, header, [])
        return path, 1, "header but no rows"
    if request.param == "bad_header":
        renamed = ["measure" if column == "metric" else column for column in header]
        _write(path, renamed, [{("measure" if k == "metric" else k): v for k, v in r.items()} for r in rows])
        return path, 1, "bad header: missing column(s) metric"
    change, line, words = BAD_ROWS[request.param]
    _write(path, header, [*rows, {**rows[0], **change}])
    return path, line, words
