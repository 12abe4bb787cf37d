"""Scores on annotated corpora, statcheck-style: floors for recall, precision and verdict accuracy.

Our own corpus (tests/articles, tests/gold) is scored in-process with the same matching rule as the project's
scorer (greedy one-to-one span overlap). The seed and development corpora in ../shared are scored with the
shared scorer through the real CLI; those tests skip when ../shared is absent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from checker.check import check_document
from checker.dataset import Dataset
from checker.inputs import read_document
from checker.report import CheckedClaim, Settings

ROOT = Path(__file__).resolve().parent.parent
OWN_GOLD = ROOT / "tests" / "gold"
OWN_ARTICLES = ROOT / "tests" / "articles"
SHARED = ROOT.parent / "shared"


def _locate(text: str, quote: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
    assert start >= 0, f"gold quote not found: {quote!r}"
    return start, start + len(quote)


def _match(gold: list[tuple[int, int]], predicted: list[CheckedClaim]) -> dict[int, int]:
    pairs = sorted(
        ((min(g[1], p.end) - max(g[0], p.start), gi, pi)
         for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if min(g[1], p.end) > max(g[0], p.start)),
        reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            out[gi] = pi
            used_g.add(gi)
            used_p.add(pi)
    return out


def score_own_corpus(dataset: Dataset) -> dict[str, float]:
    totals = {"checkable": 0, "found": 0, "predicted": 0, "matched": 0, "right": 0, "false_support": 0}
    for gold_file in sorted(OWN_GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        document = read_document(OWN_ARTICLES / gold["article"])
        report = check_document(document, dataset, Settings(), date.fromisoformat(gold["published"]))
        spans = [_locate(document.source, c["quote"], c.get("occurrence", 1)) for c in gold["claims"]]
        matched = _match(spans, report.claims)
        totals["predicted"] += len(report.claims)
        totals["matched"] += len(matched)
        for gi, claim in enumerate(gold["claims"]):
            got = report.claims[matched[gi]].verdict if gi in matched else "missing"
            if claim["checkable"]:
                totals["checkable"] += 1
                totals["found"] += gi in matched
                totals["right"] += got == claim["expected"]
            elif got == "supported":
                totals["false_support"] += 1
    return {
        "recall": totals["found"] / totals["checkable"],
        "precision": totals["matched"] / totals["predicted"],
        "accuracy": totals["right"] / totals["checkable"],
        "false_support": totals["false_support"],
    }


@pytest.fixture(scope="module")
def own_scores(dataset: Dataset) -> dict[str, float]:
    return score_own_corpus(dataset)


def test_own_corpus_recall_and_precision(own_scores: dict[str, float]) -> None:
    assert own_scores["recall"] >= 0.90, own_scores
    assert own_scores["precision"] >= 0.90, own_scores


def test_own_corpus_verdict_accuracy(own_scores: dict[str, float]) -> None:
    # 0.98 on the first 18 articles; the rounds written later to probe new styles bring the whole lower (README, Accuracy)
    assert own_scores["accuracy"] >= 0.88, own_scores


def test_own_corpus_never_supports_uncheckable(own_scores: dict[str, float]) -> None:
    assert own_scores["false_support"] == 0, own_scores


def _shared_score(corpus: str, mutate: bool) -> dict[str, str]:
    scorer = SHARED / "tools" / "score.py"
    if not scorer.exists() or not (SHARED / "gold" / corpus).is_dir():
        pytest.skip("../shared is not beside the repository")
    factcheck = Path(sys.executable).with_name("factcheck")
    cmd = f"{factcheck} check --format json --published {{published}} {{path}}"
    args = [sys.executable, str(scorer), "--gold", str(SHARED / "gold" / corpus), "--articles", str(SHARED / corpus),
            "--cmd", cmd] + (["--mutate"] if mutate else [])
    done = subprocess.run(args, capture_output=True, text=True, timeout=900, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line.split(None, 1) for line in done.stdout.splitlines()]
    out = {}
    for line in done.stdout.splitlines():
        label, _, rest = line.rpartition("  ")
        out[label.strip()] = rest.split(" ")[0]
    assert lines
    return out


@pytest.mark.shared
def test_seed_corpus_scores() -> None:
    scores = _shared_score("seeds", mutate=True)
    assert float(scores["checkable recall"]) >= 0.95, scores
    assert float(scores["extraction precision"]) >= 0.90, scores
    assert float(scores["verdict accuracy (checkable)"]) >= 0.95, scores
    assert float(scores["mutations refuted"]) >= 0.95, scores
    assert scores["'supported' on uncheckable"] == "0", scores


@pytest.mark.shared
def test_dev_corpus_scores() -> None:
    scores = _shared_score("dev", mutate=True)
    assert float(scores["checkable recall"]) >= 0.90, scores
    assert float(scores["extraction precision"]) >= 0.85, scores
    assert float(scores["verdict accuracy (checkable)"]) >= 0.90, scores
    assert float(scores["mutations refuted"]) >= 0.90, scores
    assert scores["'supported' on uncheckable"] == "0", scores
