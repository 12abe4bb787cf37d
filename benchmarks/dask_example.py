"""Check an archive too large for one process: split the file list into chunks and check each chunk as a task.

    .venv/bin/pip install dask                     # optional; without it concurrent.futures is used
    .venv/bin/python benchmarks/dask_example.py examples/*.md ../shared/dev/*.txt --chunk 4 --workers 2

Each task calls the library's `check_paths` on its chunk (one `nlp.pipe` over the chunk) with the dataset loaded
once per worker process (from the dataset cache after the first load), and returns the chunk's Report as JSON.
The driver merges the chunk reports, in input order, into one Report and prints a summary (or, with --json, the
merged Report as `factcheck check --format json` would). On a cluster, replace the local scheduler with
`dask.distributed.Client("tcp://scheduler:8786")`; the workers need factcheck installed and the dataset path.
"""

from __future__ import annotations

import argparse
import sys
import time
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # running from a source checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from checker.check import check_paths  # noqa: E402
from checker.dataset import Dataset, load_dataset  # noqa: E402
from checker.report import Report, Settings  # noqa: E402
from checker.resources import default_dataset  # noqa: E402


@lru_cache(maxsize=1)
def worker_dataset(path: str) -> Dataset:
    """One dataset per worker process, however many chunks it checks."""
    return load_dataset(Path(path))


def check_chunk(paths: list[str], dataset_path: str) -> str:
    report = check_paths(paths, worker_dataset(dataset_path), Settings(), None, jobs=1)  # the scheduler parallelises
    return report.model_dump_json()


def merge(parts: list[str]) -> Report:
    reports = [Report.model_validate_json(part) for part in parts]
    merged = reports[0].model_copy(update={"documents": [], "errors": []})
    for report in reports:
        merged.documents.extend(report.documents)
        merged.errors.extend(report.errors)
    return merged


def run_dask(chunks: list[list[str]], dataset_path: str, workers: int) -> list[str]:
    import dask
    import dask.bag as db

    bag = db.from_sequence(chunks, npartitions=len(chunks)).map(check_chunk, dataset_path)
    with dask.config.set(scheduler="processes", num_workers=workers):
        return bag.compute()


def run_futures(chunks: list[list[str]], dataset_path: str, workers: int) -> list[str]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(check_chunk, chunks, [dataset_path] * len(chunks)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--chunk", type=int, default=200, help="articles per task")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", default=str(default_dataset()))
    parser.add_argument("--engine", choices=("dask", "futures"), default=None)
    parser.add_argument("--json", action="store_true", help="print the merged Report as JSON")
    args = parser.parse_args()
    chunks = [args.paths[i:i + args.chunk] for i in range(0, len(args.paths), args.chunk)]
    engine = args.engine
    if engine is None:
        try:
            import dask  # noqa: F401
            engine = "dask"
        except ImportError:
            engine = "futures"
    start = time.perf_counter()
    parts = (run_dask if engine == "dask" else run_futures)(chunks, args.data, args.workers)
    report = merge(parts)
    elapsed = time.perf_counter() - start
    if args.json:
        print(report.model_dump_json(indent=2))
        return
    verdicts: dict[str, int] = {}
    for document in report.documents:
        for claim in document.claims:
            verdicts[claim.verdict] = verdicts.get(claim.verdict, 0) + 1
    print(f"{engine}: {len(report.documents)} articles in {len(chunks)} tasks on {args.workers} workers, "
          f"{elapsed:.1f} s; verdicts {dict(sorted(verdicts.items()))}; {len(report.errors)} unreadable")


if __name__ == "__main__":
    main()
