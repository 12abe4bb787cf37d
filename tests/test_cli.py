"""The real command on the example articles: every output format and exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.report import Report

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "examples" / "magnets-july-2025.md"
BAD = ROOT / "examples" / "draft-with-mistakes.md"
FACTCHECK = Path(sys.executable).with_name("factcheck")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([str(FACTCHECK), *args], capture_output=True, text=True, input=stdin, env=env, timeout=120)


def test_clean_article_exits_0_with_text_summary() -> None:
    done = run("check", str(GOOD))
    assert done.returncode == 0, done.stderr
    assert "SUPPORTED" in done.stdout
    assert "0 refuted" in done.stdout


def test_refuted_claim_exits_1_and_says_what_the_data_gives() -> None:
    done = run("check", str(BAD))
    assert done.returncode == 1
    assert "REFUTED" in done.stdout
    assert "+158%" in done.stdout  # the June 2025 m/m change the draft got wrong


def test_fail_on_never_exits_0() -> None:
    assert run("check", "--fail-on", "never", str(BAD)).returncode == 0


def test_fail_on_unverifiable_counts_in_scope_unverifiable_claims(tmp_path: Path) -> None:
    article = tmp_path / "italy.md"
    article.write_text("---\ndate: 2025-08-20\n---\nChina shipped 120 tons of rare-earth magnets to Italy in July.\n",
                       encoding="utf-8")
    assert run("check", str(article)).returncode == 0
    assert run("check", "--fail-on", "unverifiable", str(article)).returncode == 1


def test_json_output_validates_and_carries_schema_version() -> None:
    done = run("check", "--format", "json", "--published", "2025-07-21", str(BAD))
    report = Report.model_validate_json(done.stdout)
    assert report.schema_version == 1
    claims = report.documents[0].claims
    assert {c.verdict for c in claims} >= {"supported", "refuted"}
    assert all(c.rows for c in claims if c.verdict != "unverifiable")
    assert report.documents[0].published.isoformat() == "2025-07-21"


def test_github_annotations_point_at_refuted_lines() -> None:
    done = run("check", "--format", "github", str(BAD))
    errors = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    assert errors and all(f"file={BAD}" in line.replace("%3A", ":") or "file=" in line for line in errors)
    assert any("line=6" in line for line in errors)


def test_sarif_is_version_2_1_0_with_results() -> None:
    sarif = json.loads(run("check", "--format", "sarif", str(BAD)).stdout)
    assert sarif["version"] == "2.1.0"
    levels = {r["level"] for r in sarif["runs"][0]["results"]}
    assert "error" in levels


def test_html_report_is_written_and_not_over_an_input(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert run("check", "--html", str(out), str(GOOD)).returncode == 0
    assert "<html" in out.read_text(encoding="utf-8")
    again = run("check", "--html", str(out), str(GOOD))
    assert again.returncode == 2 and "--force" in again.stderr
    refused = run("check", "--html", str(GOOD), str(GOOD))
    assert refused.returncode == 2
    assert GOOD.read_text(encoding="utf-8").startswith("---")


def test_several_articles_give_an_index_page(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run("check", "--html", str(out), str(GOOD), str(BAD))
    assert (out / "index.html").exists()
    assert len(list(out.glob("*.html"))) == 3


def test_stdin_is_read_with_a_dash() -> None:
    done = run("check", "--published", "2025-08-20", "-", stdin="China exported 5,577 tons of rare-earth magnets in July.")
    assert done.returncode == 0
    assert "SUPPORTED" in done.stdout


def test_extract_prints_claims_as_json() -> None:
    claims = json.loads(run("extract", str(GOOD), "--published", "2025-08-21").stdout)
    kinds = {c["kind"] for c in claims}
    assert {"quantity", "mom_pct", "yoy_pct", "rank", "extreme", "cumulative_quantity"} <= kinds


def test_schema_prints_the_json_schema() -> None:
    schema = json.loads(run("schema").stdout)
    assert schema["properties"]["schema_version"]["const"] == 1


@pytest.mark.parametrize("args", [["check", "--published", "2025-13-01", str(GOOD)], ["check", "missing.md"]])
def test_cannot_run_exits_2_with_one_line(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_an_undated_article_is_never_refuted_against_a_guessed_year(tmp_path: Path) -> None:
    article = tmp_path / "undated.txt"
    article.write_text("SHANGHAI, Oct 13 - China exported 9,999 tons of rare-earth magnets in September.\n",
                       encoding="utf-8")
    done = run("check", "--format", "json", str(article))
    report = Report.model_validate_json(done.stdout)
    assert any("--published" in w for w in report.documents[0].warnings)
    assert all(c.verdict != "refuted" for c in report.documents[0].claims)


def test_a_month_that_starts_a_future_measure_does_not_date_an_article(tmp_path: Path) -> None:
    article = tmp_path / "undated.txt"
    article.write_text("SEOUL, Oct. 21 - China shipped 5,774 metric tons of rare earth magnets last month. Washington "
                       "plans a 25% tariff on the magnets from January 2026.\n", encoding="utf-8")
    report = Report.model_validate_json(run("check", "--format", "json", str(article)).stdout)
    assert all(c.verdict != "refuted" for c in report.documents[0].claims)
    assert not any("2026-01" in w for w in report.documents[0].warnings)
