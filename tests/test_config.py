"""factcheck.toml and [tool.factcheck]: the real command, run in a folder holding the config and the articles.
Also the CI integration files at the repository root."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from checker.config import Config, load_config

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "examples" / "magnets-july-2025.md"
BAD = ROOT / "examples" / "draft-with-mistakes.md"
FACTCHECK = Path(sys.executable).with_name("factcheck")


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([str(FACTCHECK), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """tmp_path with a copy of both example articles: bad.md (refuted claims) and good.md (clean)."""
    shutil.copy(BAD, tmp_path / "bad.md")
    shutil.copy(GOOD, tmp_path / "good.md")
    return tmp_path


def test_without_a_config_a_refuted_article_exits_1(articles: Path) -> None:
    assert run(articles, "check", "bad.md").returncode == 1


def test_factcheck_toml_fail_on_never_makes_a_refuted_article_pass(articles: Path) -> None:
    (articles / "factcheck.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    done = run(articles, "check", "bad.md")
    assert done.returncode == 0, done.stderr
    assert "REFUTED" in done.stdout


def test_pyproject_table_is_read(articles: Path) -> None:
    (articles / "pyproject.toml").write_text('[project]\nname = "newsroom"\n\n[tool.factcheck]\nfail_on = "never"\n'
                                             'format = "json"\n', encoding="utf-8")
    done = run(articles, "check", "bad.md")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["documents"][0]["path"] == "bad.md"


def test_config_in_a_parent_folder_is_found(articles: Path) -> None:
    (articles / "factcheck.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    (articles / "sub").mkdir()
    assert run(articles / "sub", "check", "../bad.md").returncode == 0


def test_skip_pattern_skips_a_discovered_file(articles: Path) -> None:
    (articles / "factcheck.toml").write_text('format = "json"\nskip = ["bad.*"]\n', encoding="utf-8")
    done = run(articles, "check", ".")
    assert done.returncode == 0, done.stderr
    assert [d["path"] for d in json.loads(done.stdout)["documents"]] == ["./good.md"]


def test_skip_pattern_with_a_folder_is_relative_to_the_config(articles: Path) -> None:
    (articles / "drafts").mkdir()
    shutil.move(articles / "bad.md", articles / "drafts" / "bad.md")
    (articles / "factcheck.toml").write_text('skip = ["drafts/*"]\n', encoding="utf-8")
    (articles / "sub").mkdir()
    assert run(articles / "sub", "check", "..").returncode == 0


def test_tolerances_build_the_settings_in_the_report(articles: Path) -> None:
    (articles / "factcheck.toml").write_text("[tolerances]\nabout_slack = 0.15\nnear_miss_units = 2\n",
                                             encoding="utf-8")
    done = run(articles, "check", "--format", "json", "good.md")
    settings = {k: Decimal(v) for k, v in json.loads(done.stdout)["settings"].items()}
    assert settings == {"about_slack": Decimal("0.15"), "nearly_slack": Decimal("0.10"),
                        "near_miss_units": Decimal("2")}


def test_pyproject_tolerances_subtable(articles: Path) -> None:
    (articles / "pyproject.toml").write_text("[tool.factcheck.tolerances]\nnearly_slack = 0.05\n", encoding="utf-8")
    done = run(articles, "check", "--format", "json", "good.md")
    assert Decimal(json.loads(done.stdout)["settings"]["nearly_slack"]) == Decimal("0.05")


def test_data_is_relative_to_the_config_file(articles: Path) -> None:
    (articles / "factcheck.toml").write_text('data = "nowhere/exports.csv"\n', encoding="utf-8")
    (articles / "sub").mkdir()
    done = run(articles / "sub", "check", "../good.md")
    assert done.returncode == 2
    assert "nowhere/exports.csv" in done.stderr


def test_command_line_options_override_the_file(articles: Path) -> None:
    (articles / "factcheck.toml").write_text('fail_on = "never"\nformat = "json"\n', encoding="utf-8")
    done = run(articles, "check", "--fail-on", "refuted", "--format", "github", "bad.md")
    assert done.returncode == 1
    assert done.stdout.startswith("::")


def test_explicit_config_option_wins_over_discovery(articles: Path) -> None:
    (articles / "factcheck.toml").write_text('fail_on = "refuted"\n', encoding="utf-8")
    (articles / "lenient.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    assert run(articles, "check", "--config", "lenient.toml", "bad.md").returncode == 0


@pytest.mark.parametrize("name, text, words", [
    ("factcheck.toml", 'fial_on = "never"\n', "unknown key 'fial_on'"),
    ("factcheck.toml", "[tolerances]\nabout = 0.2\n", "unknown key 'tolerances.about'"),
    ("factcheck.toml", 'fail_on = "sometimes"\n', "fail_on: Input should be"),
    ("factcheck.toml", "[tolerances]\nabout_slack = 10\n", "tolerances.about_slack: a fraction"),
    ("factcheck.toml", 'skip = "drafts"\n', "skip: Input should be a valid list"),
    ("factcheck.toml", "fail_on =\n", "not valid TOML"),
    ("pyproject.toml", '[tool.factcheck]\nformats = "json"\n', "unknown key 'tool.factcheck.formats'"),
], ids=["unknown-key", "unknown-tolerance", "bad-fail-on", "bad-slack", "skip-not-a-list", "bad-toml",
        "pyproject-unknown-key"])
def test_bad_config_is_one_line_e301_and_exit_2(articles: Path, name: str, text: str, words: str) -> None:
    (articles / name).write_text(text, encoding="utf-8")
    done = run(articles, "check", "good.md")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"factcheck: E301 {name}: ")
    assert words in done.stderr


def test_missing_explicit_config_is_e301(articles: Path) -> None:
    done = run(articles, "check", "--config", "nope.toml", "good.md")
    assert done.returncode == 2
    assert done.stderr == "factcheck: E301 nope.toml: no such config file; check the --config path\n"


def test_no_config_gives_the_defaults(tmp_path: Path) -> None:
    assert load_config(start=tmp_path) == Config()


def test_progress_bar_only_on_a_terminal(articles: Path) -> None:
    piped = run(articles, "check", ".")
    assert piped.stderr == ""
    leader, follower = pty.openpty()
    with (articles / "out.txt").open("w") as stdout:
        process = subprocess.Popen([str(FACTCHECK), "check", "bad.md", "good.md"], cwd=articles, stdout=stdout,
                                   stderr=follower, env={**os.environ, "NO_COLOR": "1"})
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed when the process exited
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait(timeout=120) == 1
    assert b"2/2" in shown
    assert "REFUTED" in (articles / "out.txt").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------- CI integration files


def _yaml(name: str) -> Any:
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def test_pre_commit_hook() -> None:
    (hook,) = _yaml(".pre-commit-hooks.yaml")
    assert hook["id"] == "factcheck"
    assert hook["entry"] == "factcheck check"
    assert hook["language"] == "python"
    assert {"markdown", "html"} <= set(hook["types_or"])


def test_github_action() -> None:
    action = _yaml("action.yml")
    assert action["inputs"]["paths"]["required"] is True
    assert {"fail-on", "published", "data"} <= set(action["inputs"])
    assert all(action["inputs"][name]["required"] is False for name in ("fail-on", "published", "data"))
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert steps[0]["with"]["python-version"] == "3.11"
    scripts = "\n".join(step.get("run", "") for step in steps)
    assert 'pip install --disable-pip-version-check --quiet "$GITHUB_ACTION_PATH"' in scripts
    assert "factcheck check" in scripts
    assert "--format github --html factcheck-report" in scripts
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "factcheck-report"
    assert upload["if"] == "always()"


def test_readme_documents_every_config_key() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    from checker.config import ConfigFile, Tolerances

    for key in ConfigFile.model_fields:
        if key != "tolerances":
            assert f"| `{key}` |" in readme
    for key in Tolerances.model_fields:
        assert f"| `tolerances.{key}` |" in readme
    assert "## Use in CI" in readme
