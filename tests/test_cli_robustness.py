"""Bad input through the real console script: one line on stderr naming the file, the documented exit code,
no traceback, and no lost or half-written files.

Every case runs `python -m checker` in a subprocess, exactly as a user or CI job would. The single-input cases
are independent, so a module fixture starts them all at once and each test reads its own result.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ARTICLES = Path(__file__).parent / "articles"
GOOD = ARTICLES / "wire-magnets-jul-2025.txt"
"""An article with no deliberate mistakes: --fail-on refuted passes."""
FLAWED = ARTICLES / "tldr-magnets-may-2025.md"
"""An article with deliberate mistakes: --fail-on refuted exits 1."""
PUBLISHED = "2025-08-20"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def factcheck(*args: str | Path, cwd: Path, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a separate process (or `code` with sys.argv[1:] = args) and capture everything."""
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "checker"]
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*command, *map(str, args)], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=300, check=False)


def run_all(commands: dict[str, list[str | Path]], cwd: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {name: pool.submit(factcheck, *args, cwd=cwd) for name, args in commands.items()}
        return {name: future.result() for name, future in futures.items()}


def assert_one_error(done: subprocess.CompletedProcess[str], path: str, words: str, code: str = "E101") -> None:
    """Exit 2, and stderr is exactly `factcheck: <code> <path>: <message>` with `words` in the message."""
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    assert done.returncode == 2, (done.returncode, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"factcheck: {code} {path}: "), lines[0]
    assert words in lines[0], lines[0]


def checked(done: subprocess.CompletedProcess[str]) -> dict:
    """The JSON report of a run that must have succeeded with nothing on stderr."""
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, (done.returncode, done.stderr)
    assert done.stderr == ""
    return json.loads(done.stdout)


def odd_document(runs: tuple[Path, dict], name: str) -> tuple[dict, str]:
    """The report on one of the ODD files, and that file's text as decoded."""
    root, results = runs
    report = checked(results["odd"])
    assert [d["path"] for d in report["documents"]] == ODD
    raw = (root / name).read_bytes()
    source = raw.decode("cp1252") if name == "cp1252.txt" else raw.decode("utf-8-sig")
    return report["documents"][ODD.index(name)], source


def assert_offsets_match(source: str, claims: list[dict]) -> None:
    """Each claim's start/end and line/col point at its quote in the decoded source."""
    lines = _LINE_BREAK.split(source)
    assert claims
    for claim in claims:
        assert source[claim["start"] : claim["end"]] == claim["text"], claim
        line = lines[claim["line"] - 1]
        assert line[claim["col"] - 1 :].startswith(claim["text"].split("\n")[0].split("\r")[0]), claim


# --------------------------------------------------------------------------------------------- single inputs

ARTICLE = GOOD.read_text(encoding="utf-8")
CP1252 = ARTICLE.replace("China's", "China\u2019s").replace(" - ", " \u2013 ", 1).encode("cp1252")
assert not CP1252.isascii()
_LINES = ARTICLE.split("\n")
MIXED = "\r\n".join(_LINES[:4]) + "\r" + "\n".join(_LINES[4:])
"""CRLF, then a lone CR, then LF: the same lines as ARTICLE."""
ONE_MB_LINE = " ".join(ARTICLE.split()) + " " + "lorem ipsum dolor sit amet " * 40_000


def _write_inputs(root: Path) -> None:
    (root / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "empty-dir").mkdir()
    (root / "empty-dir" / "notes.csv").write_text("not an article\n", encoding="utf-8")
    (root / "loop.md").symlink_to(root / "loop.md")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_text(" \n\t\r\n", encoding="utf-8")
    (root / "one-line.txt").write_text(ONE_MB_LINE[: 1024 * 1024], encoding="utf-8")
    (root / "cp1252.txt").write_bytes(CP1252)
    (root / "mixed.txt").write_bytes(MIXED.encode("utf-8"))
    (root / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (root / "no-body.html").write_text("<!doctype html><html><head><title>5,577 tonnes</title></head></html>",
                                       encoding="utf-8")
    (root / "unclosed.md").write_text("---\ntitle: Magnets\ndate: 2025-08-20\n" + ARTICLE, encoding="utf-8")
    (root / "garbled.md").write_text(
        "---\ntitle: [unclosed\n: no key\ndate: the twentieth\n---\n" + ARTICLE, encoding="utf-8")


ODD = ["cp1252.txt", "mixed.txt", "bom.txt", "unclosed.md", "garbled.md"]

SINGLE: dict[str, list[str | Path]] = {
    "missing": ["check", "missing.md"],
    "empty_dir": ["check", "empty-dir"],
    "symlink_loop": ["check", "loop.md"],
    "binary": ["check", "binary.txt"],
    "pdf": ["check", "report.pdf"],
    "empty": ["check", "empty.txt"],
    "whitespace": ["check", "blank.md"],
    "too_large": ["check", "--max-bytes", "1000", "article.txt"],
    "no_body": ["check", "no-body.html"],
    "bad_published": ["check", "--published", "2025-13-01", "article.txt"],
    "bad_published_extract": ["extract", "--published", "20 August", "article.txt"],
    "one_mb_line": ["check", "--format", "json", "--fail-on", "never", "--published", PUBLISHED, "one-line.txt"],
    # Odd but readable files, in one run (each process costs about two seconds of imports).
    "odd": ["check", "--format", "json", "--fail-on", "never", "--published", PUBLISHED, *ODD],
    "several_one_bad": ["check", "--format", "json", "--fail-on", "never", "missing.md", "article.txt",
                        "binary.txt"],
    "refuted_alone": ["check", "--format", "json", str(FLAWED)],
    "refuted_and_missing": ["check", "--format", "json", str(FLAWED), "missing.md"],
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, subprocess.CompletedProcess[str]]]:
    root = tmp_path_factory.mktemp("inputs")
    _write_inputs(root)
    return root, run_all(SINGLE, root)


@pytest.mark.parametrize(
    "case, path, words, code",
    [
        ("missing", "missing.md", "no such file or directory", "E101"),
        ("empty_dir", "empty-dir", "no .txt, .md or .html articles", "E101"),
        ("symlink_loop", "loop.md", "symlink loop", "E101"),
        ("binary", "binary.txt", "looks like a binary file", "E101"),
        ("pdf", "report.pdf", "is a PDF", "E101"),
        ("empty", "empty.txt", "is empty (0 bytes)", "E101"),
        ("whitespace", "blank.md", "contains only whitespace", "E101"),
        ("too_large", "article.txt", "over the 1000 bytes limit", "E101"),
        ("no_body", "no-body.html", "no article text found", "E101"),
        ("bad_published", "--published", "'2025-13-01' is not a date; use YYYY-MM-DD", "E301"),
        ("bad_published_extract", "--published", "'20 August' is not a date", "E301"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(runs, case: str, path: str, words: str, code: str) -> None:
    _, results = runs
    assert_one_error(results[case], path, words, code)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_with_chmod(tmp_path: Path) -> None:
    locked = tmp_path / "locked.md"
    locked.write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        assert_one_error(factcheck("check", "locked.md", cwd=tmp_path), "locked.md", "permission denied")
    finally:
        locked.chmod(0o644)


REFUSE_OPEN = """
import pathlib, sys
from checker.cli import main
original = pathlib.Path.open
def refuse(self, *args, **kwargs):
    if self.name == "locked.md":
        raise PermissionError(13, "Permission denied", str(self))
    return original(self, *args, **kwargs)
pathlib.Path.open = refuse
sys.argv[0] = "factcheck"
main()
"""


def test_unreadable_file_simulated(tmp_path: Path) -> None:
    """The chmod test cannot run as root, so the same check with open() refused inside the real entry point."""
    (tmp_path / "locked.md").write_text(ARTICLE, encoding="utf-8")
    done = factcheck("check", "locked.md", cwd=tmp_path, code=REFUSE_OPEN)
    assert_one_error(done, "locked.md", "cannot be read (permission denied)")


def test_one_megabyte_single_line_is_checked(runs) -> None:
    root, results = runs
    report = checked(results["one_mb_line"])
    (document,) = report["documents"]
    assert {c["line"] for c in document["claims"]} == {1}
    assert_offsets_match((root / "one-line.txt").read_text(encoding="utf-8"), document["claims"])


def test_cp1252_is_decoded_with_a_warning(runs) -> None:
    document, source = odd_document(runs, "cp1252.txt")
    assert len(document["warnings"]) == 1
    assert "not valid UTF-8 (byte 0x92 at offset" in document["warnings"][0]
    assert "decoded as cp1252; re-save as UTF-8" in document["warnings"][0]
    assert_offsets_match(source, document["claims"])


def test_mixed_line_endings_keep_line_numbers(runs) -> None:
    document, source = odd_document(runs, "mixed.txt")
    assert_offsets_match(source, document["claims"])
    plain = odd_document(runs, "bom.txt")[0]["claims"]
    assert len(document["claims"]) == len(plain)
    assert [(c["line"], c["col"], c["text"]) for c in document["claims"]] == [
        (c["line"], c["col"], c["text"]) for c in plain]


def test_byte_order_mark_is_dropped(runs) -> None:
    document, _ = odd_document(runs, "bom.txt")
    assert document["warnings"] == []
    assert_offsets_match(ARTICLE, document["claims"])


@pytest.mark.parametrize("name, warnings", [
    ("unclosed.md", ["front matter opened by '---' on line 1 is never closed; read it as text"]),
    ("garbled.md", ["front matter line 3 is not `key: value`; ignored it",
                    "front matter date: 'the twentieth' is not a date (use YYYY-MM-DD); ignored it"]),
])
def test_broken_front_matter_is_a_warning(runs, name: str, warnings: list[str]) -> None:
    document, source = odd_document(runs, name)
    assert document["warnings"] == warnings
    assert_offsets_match(source, document["claims"])


def test_one_bad_file_does_not_stop_the_others(runs) -> None:
    """The readable article is checked and reported; each unreadable one is one stderr line; exit 2 because
    not everything could be checked (the CLI's documented rule: an input error outranks any verdict)."""
    _, results = runs
    done = results["several_one_bad"]
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("factcheck: E101 missing.md: ")
    assert lines[1].startswith("factcheck: E101 binary.txt: ")
    report = json.loads(done.stdout)
    assert [d["path"] for d in report["documents"]] == ["article.txt"]
    assert report["documents"][0]["claims"]
    assert report["errors"] == lines


def test_input_error_outranks_a_refuted_claim(runs) -> None:
    _, results = runs
    alone, with_missing = results["refuted_alone"], results["refuted_and_missing"]
    assert alone.returncode == 1, alone.stderr
    assert with_missing.returncode == 2
    assert with_missing.stderr.splitlines() == ["factcheck: E101 missing.md: no such file or directory; "
                                                "check the path and its spelling"]
    assert json.loads(with_missing.stdout)["documents"] == json.loads(alone.stdout)["documents"]


# --------------------------------------------------------------------------------------------- dataset


def test_malformed_dataset_is_one_line_with_file_and_line(tmp_path: Path, bad_dataset: tuple[Path, int, str]) -> None:
    path, line, words = bad_dataset
    done = factcheck("check", "--data", path, GOOD, cwd=tmp_path)
    assert_one_error(done, f"{path}:{line}", words, code="E201")
    assert done.stdout == ""


# --------------------------------------------------------------------------------------------- outputs


@pytest.mark.parametrize("name", ["article.txt", "page.html"])
def test_html_over_an_input_is_refused(tmp_path: Path, name: str) -> None:
    source = GOOD if name.endswith(".txt") else ARTICLES / "html-magnets-q1-2026.html"
    article = tmp_path / name
    article.write_bytes(source.read_bytes())
    before = article.read_bytes()
    done = factcheck("check", "--fail-on", "never", name, "--html", name, cwd=tmp_path)
    assert_one_error(done, name, "refusing to write the report over an input article", code="E401")
    assert article.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == [name]


def test_existing_html_needs_force_and_the_write_is_atomic(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.html"
    out.write_text("keep me", encoding="utf-8")
    refused = factcheck("check", "--fail-on", "never", "article.txt", "--html", "out.html", cwd=tmp_path)
    assert_one_error(refused, "out.html", "already exists; pass --force", code="E401")
    assert out.read_text(encoding="utf-8") == "keep me"

    forced = factcheck("check", "--fail-on", "never", "article.txt", "--html", "out.html", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert forced.stderr == ""
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    assert sorted(os.listdir(tmp_path)) == ["article.txt", "out.html"]


def test_html_directory_for_several_articles_leaves_no_temporary_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_bytes(FLAWED.read_bytes())
    done = factcheck("check", "--fail-on", "never", "a.txt", "b.md", "--html", "reports", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(os.listdir(tmp_path / "reports")) == ["a.html", "b.html", "index.html"]


# --------------------------------------------------------------------------------------------- determinism


def test_same_input_gives_byte_identical_output(tmp_path: Path) -> None:
    args: list[str | Path] = ["check", "--format", "json", "--fail-on", "never", "--published", PUBLISHED, GOOD]
    first, second = run_all({"first": args, "second": args}, tmp_path).values()
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert json.loads(first.stdout)["documents"][0]["claims"]
    assert first.stdout.encode("utf-8") == second.stdout.encode("utf-8")


CTRL_C_IN_A_WORKER = """
import os, signal, sys
import checker.check
original = checker.check.read_document
def read_and_interrupt(path, **kwargs):
    if path.endswith("stop.md"):  # what Ctrl-C in a terminal does: SIGINT to every process of the job
        os.killpg(os.getpgrp(), signal.SIGINT)
    return original(path, **kwargs)
checker.check.read_document = read_and_interrupt
from checker.cli import main
sys.argv[0] = "factcheck"
main()
"""


@pytest.mark.skipif(sys.platform != "linux", reason="worker processes are forked on Linux only")
def test_ctrl_c_during_a_parallel_batch_is_one_line_and_exit_130(tmp_path: Path) -> None:
    for i in range(80):
        (tmp_path / f"article-{i:02d}.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "stop.md").write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-c", CTRL_C_IN_A_WORKER, "check", "--jobs", "2", "--html", "report",
                           str(tmp_path)], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300,
                          check=False, start_new_session=True)
    assert done.returncode == 130, done.stderr
    assert done.stderr == "factcheck: interrupted; no report was written\n"
    assert done.stdout == "" and not (tmp_path / "report").exists()


FAULTY_RESOLUTION = """
import sys
import claims.extract
def fault(*args, **kwargs):
    raise KeyError("a fault planted by the test")
claims.extract._fraction_value = fault
from checker.cli import main
sys.argv[0] = "factcheck"
main()
"""


@pytest.mark.parametrize("names", [["faulty.md"], ["faulty.md", "fine.md"]])
def test_a_fault_in_factcheck_costs_one_article_not_the_run(tmp_path: Path, names: list[str]) -> None:
    """One line (E501) and exit 2 for the article that hit the fault, never a traceback; the others are checked,
    alone and in a batch."""
    (tmp_path / "faulty.md").write_text("Magnet exports rose by about a quarter in July 2025.\n", encoding="utf-8")
    (tmp_path / "fine.md").write_text("China exported 5,577 tonnes of magnets in July 2025.\n", encoding="utf-8")
    done = factcheck("check", "--format", "json", *names, cwd=tmp_path, code=FAULTY_RESOLUTION)
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert [line.split(":")[1].strip() for line in done.stderr.splitlines()] == ["E501 faulty.md"]
    assert "a fault planted by the test" in done.stderr
    report = json.loads(done.stdout)
    assert [d["path"] for d in report["documents"]] == names[1:]
