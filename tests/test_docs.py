"""Docs that cannot drift: every command is in the README and has an Example in its help."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from checker.cli import cli
from checker.errors import ExitCode

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "factcheck") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix} {name}"
        out.append((full, command))
        if isinstance(command, click.Group):
            out.extend(_commands(command, full))
    return out


@pytest.mark.parametrize("name, command", _commands(cli), ids=lambda v: v if isinstance(v, str) else "")
def test_command_is_documented_with_an_example(name: str, command: click.Command) -> None:
    assert name in README
    if not isinstance(command, click.Group):
        assert "Example:" in (command.help or "")


@pytest.mark.parametrize("code", list(ExitCode))
def test_exit_codes_are_in_the_readme(code: ExitCode) -> None:
    assert f"| {int(code)} |" in README


def test_quick_start_names_the_example_article() -> None:
    assert "examples/magnets-july-2025.md" in README
    assert (Path(__file__).resolve().parent.parent / "examples" / "magnets-july-2025.md").exists()
