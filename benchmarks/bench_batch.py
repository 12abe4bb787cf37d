"""Batch throughput: `check_paths` over 600+ articles vs spaCy's bare tokenizer on the same texts.

    .venv/bin/python benchmarks/bench_batch.py [--articles 640] [--cli]

Two corpora: synthetic articles written from templates with real-looking figures (dense: a claim every 90
characters), and, when ../shared sits beside the repository, its real seed and development articles repeated to
the same count. Throughput is in characters per second; the ratio is factcheck's throughput over the bare
`spacy.blank("en")` tokenizer's, both measured in this run, for one process and for the default workers.
`--cli` also times `factcheck check DIR --format json` end to end (process included). Last, one long file made
of synthetic articles is checked at three sizes up to the 5 MB input limit: seconds per megabyte should stay flat.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import peak_rss_mb, table

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
PARTNERS = ["the United States", "Japan", "South Korea", "Germany", "India", "Vietnam", "Thailand", "the Netherlands",
            "Italy", "Mexico", "Poland", "Malaysia"]
OPENINGS = [
    "BEIJING, {pub} - China's exports of {thing} {verb} {pct}% in {month} from a year earlier, customs data showed.",
    "{pub} - Shipments of {thing} from China reached {tonnes} tonnes in {month}, {direction} {pct}% year on year.",
    "China shipped {tonnes} metric tons of {thing} last month, according to data released on {pub}.",
]
BODIES = [
    "Exports to {partner} {verb} {pct2}% from {prev_month} to {tonnes2} tonnes, the General Administration of "
    "Customs said.",
    "In the first {n} months of the year, exports totalled {cum} tonnes, {direction} {pct3}% from the same period of "
    "{last_year}.",
    "{partner} remained the largest buyer, taking {tonnes2} tonnes, while shipments to {partner2} were about "
    "{tonnes3} tons.",
    "The value of the shipments was ${usd} million, compared with ${usd2} million in {prev_month}.",
    "Analysts said the figures reflect export licensing rules introduced in April, which slowed approvals for "
    "several weeks before traders adjusted.",
    "Volumes were nearly {mult} times the level seen in {prev_month}, the steepest month-on-month jump since {year2}.",
    "Industry executives in {partner} told reporters that inventories built earlier in the year would cover demand "
    "for a few more months, though prices for some grades rose sharply.",
]
THINGS = ["rare earth magnets", "rare earths", "rare-earth permanent magnets", "rare earth elements"]


def article(rng: random.Random, i: int) -> str:
    year = rng.choice([2023, 2024, 2025])
    m = rng.randrange(1, 12)
    values = {
        "pub": f"{MONTHS[m]} {rng.randrange(7, 21)}, {year}", "month": MONTHS[m - 1], "prev_month": MONTHS[m - 2],
        "thing": rng.choice(THINGS), "verb": rng.choice(["rose", "fell", "jumped", "slid"]),
        "direction": rng.choice(["up", "down"]), "pct": f"{rng.uniform(0.5, 90):.1f}",
        "pct2": f"{rng.uniform(1, 300):.1f}", "pct3": f"{rng.uniform(1, 40):.1f}",
        "tonnes": f"{rng.randrange(1500, 9000):,}", "tonnes2": f"{rng.randrange(100, 3000):,}",
        "tonnes3": f"{rng.randrange(50, 900):,}", "cum": f"{rng.randrange(20000, 60000):,}", "n": m - 1 or 1,
        "last_year": year - 1, "year2": rng.choice([2020, 2021, 2022]), "partner": rng.choice(PARTNERS),
        "partner2": rng.choice(PARTNERS), "usd": f"{rng.uniform(20, 400):.1f}", "usd2": f"{rng.uniform(20, 400):.1f}",
        "mult": rng.choice(["two", "three", "seven", "1.5"]),
    }
    paragraphs = [rng.choice(OPENINGS)] + rng.sample(BODIES, rng.randrange(3, len(BODIES) + 1))
    title = f"# China {values['thing']} exports, {values['month']} {year} ({i})"
    return "\n\n".join([title, *(p.format(**values) for p in paragraphs)]) + "\n"


def write_articles(directory: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        path = directory / f"article-{i:04d}.md"
        path.write_text(article(rng, i), encoding="utf-8")
        paths.append(path)
    return paths


SHARED = Path(__file__).resolve().parents[2] / "shared"


def real_articles(count: int) -> list[Path]:
    """The shared seed and development articles (real news copy), repeated to `count`; [] without ../shared."""
    found = sorted(p for corpus in ("seeds", "dev") if (SHARED / corpus).is_dir()
                   for p in (SHARED / corpus).iterdir() if p.suffix in (".txt", ".md", ".html"))
    return [found[i % len(found)] for i in range(count)] if found else []


def measure(label: str, paths: list[Path], rows: list[tuple[str, str]]) -> None:
    """Bare tokenizer vs check_paths in one process (jobs=1) and with the default workers, on the same texts."""
    import spacy

    from checker.check import check_paths, worker_count
    from checker.dataset import load_dataset
    from checker.report import Settings
    from checker.resources import default_dataset

    texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(len(t) for t in texts)
    blank = spacy.blank("en")
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in blank.pipe(texts, batch_size=64))
    bare = time.perf_counter() - start
    dataset = load_dataset(default_dataset())
    check_paths([str(paths[0])], dataset, Settings(), None)  # build the pipeline outside the timing
    rows += [(f"{label}: articles", f"{len(paths)} ({chars:,} characters, {tokens:,} tokens)"),
             (f"{label}: spacy.blank('en').pipe", f"{bare:.2f} s, {chars / bare:,.0f} chars/s")]
    for jobs in (1, None):
        start = time.perf_counter()
        report = check_paths([str(p) for p in paths], dataset, Settings(), None, jobs=jobs)
        ours = time.perf_counter() - start
        claims = sum(len(d.claims) for d in report.documents)
        workers = worker_count(len(paths), jobs)
        rows += [(f"{label}: check_paths, {workers} process{'es' if workers > 1 else ''}",
                  f"{ours:.2f} s, {chars / ours:,.0f} chars/s, {claims:,} claims, ratio {bare / ours:.3f} "
                  f"(target >= 0.33)")]


def measure_long_file(directory: Path, rows: list[tuple[str, str]], sizes_mb: tuple[float, ...] = (0.25, 1.0, 4.0)
                      ) -> None:
    """One file of synthetic articles back to back, at growing sizes: time per megabyte shows whether the work
    grows with the length of a document (linear) or faster."""
    from checker.check import check_paths
    from checker.dataset import load_dataset
    from checker.report import Settings
    from checker.resources import default_dataset

    dataset = load_dataset(default_dataset())
    rng = random.Random(11)
    for size in sizes_mb:
        parts: list[str] = []
        length = 0
        while length < size * 1_000_000:
            parts.append(article(rng, len(parts)))
            length += len(parts[-1])
        path = directory / f"long-{size}.md"
        path.write_text("\n".join(parts), encoding="utf-8")
        start = time.perf_counter()
        report = check_paths([str(path)], dataset, Settings(), None, jobs=1)
        took = time.perf_counter() - start
        megabytes = path.stat().st_size / 1_000_000
        rows.append((f"one long file, {megabytes:.2f} MB", f"{took:.2f} s, {took / megabytes:.2f} s per MB, "
                     f"{len(report.documents[0].claims):,} claims"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=640)
    parser.add_argument("--cli", action="store_true", help="also time the console script over the directory")
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        paths = write_articles(Path(tmp), args.articles)
        measure("synthetic", paths, rows)
        real = real_articles(args.articles)
        if real:
            measure("real (../shared seeds + dev, repeated)", real, rows)
        rows.append(("peak RSS after the batches (this process / its workers)",
                     f"{peak_rss_mb():.0f} MB / {peak_rss_mb(children=True):.0f} MB"))
        measure_long_file(Path(tmp), rows)
        rows.append(("peak RSS after the long file (this process)", f"{peak_rss_mb():.0f} MB"))
        if args.cli:
            factcheck = str(Path(sys.executable).parent / "factcheck")
            start = time.perf_counter()
            subprocess.run([factcheck, "check", tmp, "--format", "json", "--fail-on", "never"],
                           stdout=subprocess.DEVNULL, check=False)
            cli = time.perf_counter() - start
            chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
            rows.append(("factcheck check DIR --format json (synthetic)",
                         f"{cli:.2f} s incl. start-up, {chars / cli:,.0f} chars/s, "
                         f"peak RSS of the CLI and its workers {peak_rss_mb(children=True):.0f} MB"))
    print(table(f"Batch: {args.articles} articles", rows))


if __name__ == "__main__":
    main()
