"""Many articles at once: one `nlp.pipe`, optionally split over worker processes, gives the same report as
checking the articles one by one, in the order given, with unreadable paths reported where they stood."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.check import PARALLEL_MIN_PATHS, check_paths, worker_count
from checker.cli import cli
from checker.dataset import Dataset
from checker.report import DocumentReport, Report, Settings

ARTICLES = sorted(p for p in (Path(__file__).parent / "articles").iterdir() if p.name != "README.md")
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="worker processes are forked on Linux only")


def _documents(report: Report) -> list[dict[str, object]]:
    return [json.loads(d.model_dump_json()) for d in report.documents]


def _paths_with_a_missing_one(tmp_path: Path) -> list[str]:
    paths = [str(p) for p in ARTICLES]
    paths.insert(3, str(tmp_path / "missing.md"))
    return paths


def test_a_batch_reports_what_checking_one_by_one_does(dataset: Dataset, tmp_path: Path) -> None:
    paths = _paths_with_a_missing_one(tmp_path)
    seen: list[str] = []
    batch = check_paths(paths, dataset, Settings(), None, on_document=seen.append, jobs=1)
    single: list[DocumentReport] = []
    for path in paths:
        if Path(path).exists():
            single.extend(check_paths([path], dataset, Settings(), None).documents)
    assert _documents(batch) == [json.loads(d.model_dump_json()) for d in single]
    assert len(batch.errors) == 1 and "missing.md" in batch.errors[0]
    assert sorted(seen) == sorted(paths)


@linux_only
def test_workers_give_the_same_report_in_the_same_order(dataset: Dataset, tmp_path: Path) -> None:
    paths = _paths_with_a_missing_one(tmp_path) * 2  # more chunks than workers
    seen: list[str] = []
    serial = check_paths(paths, dataset, Settings(), None, jobs=1)
    parallel = check_paths(paths, dataset, Settings(), None, on_document=seen.append, jobs=2)
    assert _documents(parallel) == _documents(serial)
    assert [d.path for d in parallel.documents] == [p for p in paths if Path(p).exists()]
    assert parallel.errors == serial.errors and len(parallel.errors) == 2
    assert sorted(seen) == sorted(paths)


@linux_only
def test_worker_count_follows_the_batch_size_and_jobs() -> None:
    assert worker_count(1) == 1
    assert worker_count(PARALLEL_MIN_PATHS - 1) == 1
    assert worker_count(PARALLEL_MIN_PATHS) >= 1
    assert worker_count(10, jobs=3) == 3
    assert worker_count(2, jobs=8) == 2
    assert worker_count(1, jobs=8) == 1


@linux_only
def test_cli_jobs_option_gives_the_same_json(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["check", "--format", "json", "--fail-on", "never", *map(str, ARTICLES)]
    one = runner.invoke(cli, [*args, "--jobs", "1"])
    two = runner.invoke(cli, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, one.output + two.output
    assert json.loads(one.output) == json.loads(two.output)
    assert len(json.loads(two.output)["documents"]) == len(ARTICLES)


@linux_only
def test_standard_input_in_a_parallel_batch_is_still_read() -> None:
    article = "China exported 5,577 tonnes of rare earth magnets in July 2025, customs data showed.\n"
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--jobs", "2", "--fail-on", "never",
                                      str(ARTICLES[0]), "-"], input=article)
    assert result.exit_code == 0, result.output
    stdin_report = json.loads(result.output)["documents"][-1]
    assert stdin_report["path"] == "-" and stdin_report["claims"][0]["verdict"] == "supported"


def test_a_batch_leaves_the_garbage_collector_as_it_found_it(dataset: Dataset) -> None:
    before = gc.get_threshold(), gc.get_freeze_count()
    check_paths([str(p) for p in ARTICLES[:3]], dataset, Settings(), None, jobs=1)
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
