from __future__ import annotations

import csv
import hashlib
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from checker.dataset import CACHE_VERSION, KEY, Dataset, Row, load_dataset
from checker.errors import DatasetError
from checker.reference import build_rows
from checker.resources import default_dataset

REPORTED_HEADER = "commodity,flow,reporter,partner,period,metric,value,unit,source_url,source_date,quote"


def test_bundled_dataset_loads(dataset: Dataset) -> None:
    lines = default_dataset().read_text(encoding="utf-8").splitlines()
    assert len(dataset) == len(lines) - 1
    assert dataset.sha256 == hashlib.sha256(default_dataset().read_bytes()).hexdigest()
    assert set(dataset.frame["reporter"]) == {"China"}
    assert set(dataset.frame["flow"]) == {"export"}


def test_every_key_has_exactly_one_canonical_row(dataset: Dataset) -> None:
    canonical = dataset.frame["canonical"].eq("true").groupby([dataset.frame[k] for k in KEY]).sum()
    assert canonical[canonical != 1].empty


def test_conflicting_sources_canonical_is_the_majority_value(dataset: Dataset) -> None:
    rows = dataset.rows("rare_earth_magnets", "World", "2025-09", "quantity")
    assert rows[0].canonical and rows[0].value == Decimal("5774")
    assert {r.value for r in rows} >= {Decimal("5773"), Decimal("5774")}
    assert all(not r.canonical for r in rows if r.value == Decimal("5773"))
    cited = default_dataset().read_text(encoding="utf-8").splitlines()[rows[0].line - 1]
    assert ",World,,export,2025-09,quantity,5774,t," in cited and cited.endswith(",true")


def test_invalid_dataset_names_file_and_line(bad_dataset: tuple[Path, int, str]) -> None:
    path, line, words = bad_dataset
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert (caught.value.path, caught.value.line) == (path, line)
    assert words in str(caught.value)
    assert caught.value.one_line().startswith(f"factcheck: E201 {path}:{line}: ")


def _write_reference(directory: Path, reported: list[tuple[str, str, str]], derived: list[tuple[str, str, str]]) -> Path:
    """A reference dir with magnets World quantity rows: (period, value, source_url) reported and derived."""
    directory.mkdir()
    with (directory / "figures_reported.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(REPORTED_HEADER.split(","))
        for period, value, url in reported:
            writer.writerow(["rare_earth_magnets", "export", "China", "World", period, "quantity", value, "t", url, "", "q"])
    with (directory / "figures_derived.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([*REPORTED_HEADER.split(","), "formula"])
        for period, value, url in derived:
            writer.writerow(["rare_earth_magnets", "export", "China", "World", period, "quantity", value, "t", url, "",
                             "q", "a - b"])
    return directory


def _canonical(rows: list[dict[str, str]], period: str) -> list[tuple[str, str]]:
    return [(r["value"], r["derived"]) for r in rows if r["period"] == period and r["canonical"] == "true"]


def test_canonical_value_is_the_one_most_outlets_report(tmp_path: Path) -> None:
    # 5773 comes from four URLs but only two outlets (a.com in three host spellings, b.com);
    # 5774 from three URLs at three outlets, so 5774 wins.
    reported = [
        ("2025-09", "5773", "https://a.com/1"),
        ("2025-09", "5773", "https://www.a.com/2"),
        ("2025-09", "5773", "https://m.a.com/3"),
        ("2025-09", "5773", "https://b.com/1"),
        ("2025-09", "5774", "https://c.com/1"),
        ("2025-09", "5774", "https://d.com/1"),
        ("2025-09", "5774", "https://e.com/1"),
    ]
    rows = build_rows(_write_reference(tmp_path / "ref", reported, []))
    assert _canonical(rows, "2025-09") == [("5774", "false")]


def test_derived_rows_are_canonical_only_when_nothing_is_reported(tmp_path: Path) -> None:
    reported = [("2025-01", "100", "https://a.com/1")]
    derived = [
        ("2025-01", "200", "https://b.com/1"),
        ("2025-01", "200", "https://c.com/1"),
        ("2025-02", "300", "https://b.com/1"),
    ]
    rows = build_rows(_write_reference(tmp_path / "ref", reported, derived))
    assert _canonical(rows, "2025-01") == [("100", "false")]
    assert _canonical(rows, "2025-02") == [("300", "true")]


def _rows_of(dataset: Dataset) -> list[tuple[str, ...]]:
    return [tuple(str(getattr(row, f)) for f in Row.model_fields) for row in dataset]


def test_cached_load_gives_the_same_rows_and_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    parsed = load_dataset(default_dataset())
    cached_files = list((tmp_path / "cache").iterdir())
    assert [f.name for f in cached_files] == [f"dataset-{parsed.sha256}-v{CACHE_VERSION}.npz"]
    cached = load_dataset(default_dataset())
    assert "frame" not in cached.__dict__  # read from the cache, not parsed again
    assert _rows_of(cached) == _rows_of(parsed)
    assert cached.months == parsed.months
    assert cached.rows("rare_earth_magnets", "United States", "2025-06", "quantity") == parsed.rows(
        "rare_earth_magnets", "United States", "2025-06", "quantity")
    assert cached.frame.equals(parsed.frame)


def test_a_corrupt_cache_is_rebuilt_from_the_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    expected = _rows_of(load_dataset(default_dataset()))
    (cache_file,) = tmp_path.iterdir()
    cache_file.write_bytes(cache_file.read_bytes()[:100])
    reloaded = load_dataset(default_dataset())
    assert "frame" in reloaded.__dict__  # parsed from the CSV again
    assert _rows_of(reloaded) == expected
    assert load_dataset(default_dataset()).sha256 == reloaded.sha256 and cache_file.stat().st_size > 100


def test_an_unwritable_cache_directory_only_costs_a_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "cache"))
    assert len(load_dataset(default_dataset())) == len(default_dataset().read_text(encoding="utf-8").splitlines()) - 1


def test_a_cache_with_codes_out_of_range_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    expected = _rows_of(load_dataset(default_dataset()))
    (cache_file,) = tmp_path.iterdir()
    with np.load(cache_file) as stored:
        arrays = {name: stored[name] for name in stored.files}
    arrays["partner.codes"] = arrays["partner.codes"] + 10_000
    arrays["metric.codes"] = arrays["metric.codes"][:5]
    with cache_file.open("wb") as out:
        np.savez(out, **arrays)
    reloaded = load_dataset(default_dataset())
    assert "frame" in reloaded.__dict__ and _rows_of(reloaded) == expected
