"""Fuzz the claim extractor: it must never raise, and every claim's offsets must quote the text exactly.

With atheris (coverage-guided, libFuzzer options):
    python benchmarks/fuzz_extract.py -atheris_runs=10000
Without atheris (random article mutations, same checks):
    python benchmarks/fuzz_extract.py --plain 2000 [--seed 1]

Inputs start from the example articles in tests/articles/. A failing input is written to
crash-<sha1>.txt in the current directory (atheris does this itself) and the run stops with the traceback.
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.extract import extract_claims  # noqa: E402

ARTICLES = sorted(p for p in (ROOT / "tests" / "articles").iterdir() if p.suffix in (".txt", ".md", ".html"))
SEEDS = [p.read_text(encoding="utf-8") for p in ARTICLES]
NUMBER = re.compile(r"\d[\d,.]*")
SNIPPETS = ["5,577 tonnes", "up 76%", "from June", "in July 2025", "sevenfold", "about a third", "\u2212", "\r",
            "U.S.-bound", "year-on-year", "Jan-Sep", "the highest since", "No. 3", "0.0", "1e9", "%", "\n\n"]


def check(text: str, published: date | None = None) -> None:
    """The property: no exception, and text[start:end] is each claim's quote."""
    for claim in extract_claims(text, published):
        if not (0 <= claim.start <= claim.end <= len(text)) or text[claim.start : claim.end] != claim.text:
            raise AssertionError(f"bad offsets {claim.start}:{claim.end} for {claim.text!r}")


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(text))
        edit = rng.choice(("insert", "delete", "number", "bytes"))
        if edit == "insert":
            text = text[:at] + rng.choice(SNIPPETS) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + rng.randint(1, 300) :]
        elif edit == "number" and (numbers := list(NUMBER.finditer(text))):
            m = rng.choice(numbers)
            text = text[: m.start()] + rng.choice([str(rng.randint(0, 10**9)), f"{rng.random() * 1000:.2f}",
                                                   f"{rng.randint(0, 10**7):,}"]) + text[m.end() :]
        else:
            text = text[:at] + "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 20))) + text[at:]
    return text


def plain(runs: int, seed: int) -> None:
    rng = random.Random(seed)
    for i in range(runs):
        text = mutate(rng, rng.choice(SEEDS))
        published = rng.choice([None, date(2025, 8, 20), date(rng.randint(2000, 2035), rng.randint(1, 12), 1)])
        try:
            check(text, published)
        except Exception:
            crash = Path(f"crash-{hashlib.sha1(text.encode('utf-8', 'surrogatepass')).hexdigest()}.txt")
            crash.write_text(text, encoding="utf-8", errors="surrogatepass")
            print(f"run {i}: failing input written to {crash} (published={published})", file=sys.stderr)
            raise
    print(f"{runs} random inputs, no failures (seed {seed})")


def fuzz_one(data: bytes) -> None:
    import atheris

    provider = atheris.FuzzedDataProvider(data)
    base = SEEDS[provider.ConsumeIntInRange(0, len(SEEDS) - 1)] if provider.ConsumeBool() else ""
    insert = provider.ConsumeUnicodeNoSurrogates(provider.ConsumeIntInRange(0, 400))
    at = provider.ConsumeIntInRange(0, len(base))
    cut = provider.ConsumeIntInRange(0, 200)
    published = date(2025, 8, 20) if provider.ConsumeBool() else None
    check(base[:at] + insert + base[at + cut :], published)


def main(argv: list[str]) -> None:
    if "--plain" in argv:
        runs = int(argv[argv.index("--plain") + 1])
        seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 0
        plain(runs, seed)
        return
    try:
        import atheris
    except ImportError:
        sys.exit("atheris is not installed (pip install atheris; needs a CPython with libFuzzer support); "
                 "run without it: python benchmarks/fuzz_extract.py --plain 2000")
    extract_claims("warm up the pipeline: exports rose 5% in July.")
    atheris.instrument_all()  # coverage feedback from every loaded Python module (the extractor included)
    atheris.Setup(argv, fuzz_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
