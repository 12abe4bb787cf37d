"""Cold start: run the real `factcheck check ARTICLE` console script N times, process start to exit.

    .venv/bin/python benchmarks/bench_cold_start.py [-n 15] [ARTICLE]

The first run fills the dataset cache and is left out. `import spacy` alone is timed the same way as the floor
that no change in factcheck can go below.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import EXAMPLE, table


def timed(command: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("article", nargs="?", type=Path, default=EXAMPLE)
    parser.add_argument("-n", "--runs", type=int, default=15)
    args = parser.parse_args()
    factcheck = shutil.which("factcheck", path=str(Path(sys.executable).parent)) or "factcheck"
    check = [factcheck, "check", str(args.article)]
    timed(check, 1)  # warm the page cache and the dataset cache
    rows = []
    for label, command in [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("python -c 'import spacy'", [sys.executable, "-c", "import spacy"]),
        ("factcheck --help", [factcheck, "--help"]),
        (f"factcheck check {args.article.name}", check),
    ]:
        times = timed(command, args.runs)
        rows.append((label, f"median {statistics.median(times):.3f} s, min {min(times):.3f} s ({args.runs} runs)"))
    print(table("Cold start (process start to exit)", rows))


if __name__ == "__main__":
    main()
