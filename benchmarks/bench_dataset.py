"""Dataset scale: a synthetic Comtrade-scale table (~10 million rows) in the format of data/exports.csv.

    .venv/bin/python benchmarks/bench_dataset.py [--dir DIR] [--sources 4] [--lookups 100000]

Rows are 2 commodities x 250 partners x 828 periods (432 months 1990-2025 and 396 year-to-date ranges) x 6
metrics x 4 sources = 9,936,000. The CSV is written once into DIR (default: a `factcheck-bench` folder in the
temp dir) and reused; the dataset cache goes to DIR/cache through FACTCHECK_CACHE_DIR. Times the first load
(parse + validate + index + write cache), the cached load, 100k random index lookups and 10k `rows()` calls
(index + building Row models), and prints peak RSS.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
from _common import peak_rss_mb, table

COMMODITIES = ["rare_earth_magnets", "rare_earths"]
METRICS = ["quantity", "value_usd", "mom_pct", "yoy_pct", "share_pct", "rank"]
UNITS = ["t", "usd", "%", "%", "%", "rank"]
SOURCES = ["https://comtradeplus.un.org/synthetic", "https://english.customs.gov.cn/synthetic",
           "https://www.example-news.com/synthetic", "https://www.example-wire.com/synthetic"]


def partners() -> list[str]:
    import pycountry

    names = sorted(c.name for c in pycountry.countries)
    return ["World", *names][:250]


def periods() -> list[str]:
    months = [f"{y}-{m:02d}" for y in range(1990, 2026) for m in range(1, 13)]
    ytd = [f"{y}-01..{y}-{m:02d}" for y in range(1990, 2026) for m in range(2, 13)]
    return months + ytd


def _dictionary(codes: np.ndarray, values: list[str]) -> pa.Array:
    return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32)), pa.array(values)).cast(pa.string())


def _values(metric: np.ndarray, rng: np.random.Generator) -> pa.Array:
    """quantity/value/rank as integers, percentages with one decimal, as the CSV writes them."""
    n = len(metric)
    whole = rng.integers(0, 9000, n)
    tenths = rng.integers(-2000, 3000, n)
    pct = pc.binary_join_element_wise(
        pc.if_else(pa.array(tenths < 0), "-", ""), pa.array(np.abs(tenths) // 10).cast(pa.string()),
        pa.array(np.abs(tenths) % 10).cast(pa.string()), "")
    pct = pc.binary_join_element_wise(pc.utf8_slice_codeunits(pct, 0, -1), pc.utf8_slice_codeunits(pct, -1, 1000), ".")
    ints = pa.array(np.where(metric == 5, whole % 250 + 1, whole * np.where(metric == 1, 1000, 1))).cast(pa.string())
    return pc.if_else(pa.array(np.isin(metric, [2, 3, 4])), pct, ints)


def write_csv(path: Path, sources: int, seed: int = 11) -> int:
    """Write the synthetic table in chunks of one commodity x one source; returns the number of rows."""
    rng = np.random.default_rng(seed)
    names, spans = partners(), periods()
    grid = np.indices((len(names), len(spans), len(METRICS))).reshape(3, -1)
    p, t, m = grid
    n = len(p)
    rows = 0
    header = ["commodity", "reporter", "partner", "partner_code", "flow", "period", "metric", "value", "unit",
              "source_url", "source_date", "derived", "formula", "canonical"]
    with pcsv.CSVWriter(str(path), pa.schema([(h, pa.string()) for h in header]),
                        write_options=pcsv.WriteOptions(quoting_style="needed")) as writer:
        for commodity in COMMODITIES:
            for s in range(sources):
                columns = [
                    pa.array([commodity] * n), pa.array(["China"] * n), _dictionary(p, names),
                    pa.array(np.where(p == 0, 0, p + 3)).cast(pa.string()), pa.array(["export"] * n),
                    _dictionary(t, spans), _dictionary(m, METRICS), _values(m, rng), _dictionary(m, UNITS),
                    pa.array([f"{SOURCES[s]}/{commodity}"] * n), pa.array([""] * n), pa.array(["false"] * n),
                    pa.array([""] * n), pa.array(["true" if s == 0 else "false"] * n),
                ]
                writer.write_table(pa.table(columns, names=header))
                rows += n
    return rows


def cached_process_rss(csv_path: Path) -> float:
    """Peak RSS of a new process that only loads the dataset from the cache (what `factcheck check` pays)."""
    code = ("import sys; sys.path.insert(0, sys.argv[2]); from pathlib import Path; from _common import peak_rss_mb; "
            "from checker.dataset import load_dataset; load_dataset(Path(sys.argv[1])); print(peak_rss_mb())")
    out = subprocess.run([sys.executable, "-c", code, str(csv_path), str(Path(__file__).parent)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-bench")
    parser.add_argument("--sources", type=int, default=4)
    parser.add_argument("--lookups", type=int, default=100_000)
    parser.add_argument("--fresh", action="store_true", help="rewrite the CSV and drop the cache")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    csv_path = args.dir / f"exports-synthetic-{args.sources}.csv"
    os.environ["FACTCHECK_CACHE_DIR"] = str(args.dir / "cache")
    if args.fresh:
        csv_path.unlink(missing_ok=True)
    shutil.rmtree(args.dir / "cache", ignore_errors=True)

    from checker.dataset import load_dataset

    start = time.perf_counter()
    if not csv_path.exists():
        write_csv(csv_path, args.sources)
    generated = time.perf_counter() - start
    start = time.perf_counter()
    first = load_dataset(csv_path)
    first_load = time.perf_counter() - start
    rows = len(first)
    rss_first = peak_rss_mb()
    del first
    start = time.perf_counter()
    dataset = load_dataset(csv_path)
    cached_load = time.perf_counter() - start

    rng = np.random.default_rng(3)
    names, spans = partners(), periods()
    keys = [(COMMODITIES[c], names[p], spans[t], METRICS[m]) for c, p, t, m in zip(
        rng.integers(0, 2, args.lookups), rng.integers(0, len(names), args.lookups),
        rng.integers(0, len(spans), args.lookups), rng.integers(0, len(METRICS), args.lookups), strict=True)]
    index = dataset._index
    start = time.perf_counter()
    found = sum(len(index.span(c, t, p, m)) for c, p, t, m in keys)
    lookups = time.perf_counter() - start
    start = time.perf_counter()
    built = sum(len(dataset.rows(*key)) for key in keys[:10_000])
    row_calls = time.perf_counter() - start
    start = time.perf_counter()
    dataset.partners("rare_earths", "2024-06")
    months = dataset.months
    extras = time.perf_counter() - start

    print(table(f"Dataset: {rows:,} rows, {csv_path.stat().st_size / 1e9:.2f} GB CSV ({csv_path})", [
        ("generate CSV", f"{generated:.1f} s" + (" (reused)" if generated < 1 else "")),
        ("first load (sha256 + parse + validate + index + write cache)", f"{first_load:.1f} s"),
        ("cached load (sha256 + read cache + index)", f"{cached_load:.1f} s"),
        (f"{args.lookups:,} random key lookups (index only)",
         f"{lookups:.2f} s, {lookups / args.lookups * 1e6:.1f} us each, {found:,} rows found"),
        ("10,000 Dataset.rows() calls (index + Row models)", f"{row_calls:.2f} s, {built:,} rows"),
        ("partners() + months (first use)", f"{extras:.1f} s, {len(months)} series"),
        ("peak RSS after first load", f"{rss_first:,.0f} MB"),
        ("peak RSS of a fresh process that loads from the cache", f"{cached_process_rss(csv_path):,.0f} MB"),
        ("peak RSS (whole run)", f"{peak_rss_mb():,.0f} MB"),
    ]))


if __name__ == "__main__":
    main()
