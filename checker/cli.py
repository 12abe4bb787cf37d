"""The `factcheck` command. A thin client of the library: it parses options, calls one library function and
turns FactcheckError into one line on stderr with exit code 2."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker import __version__
from checker.data_cli import data
from checker.errors import ExitCode, FactcheckError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


class CannotRun(click.ClickException):
    exit_code = ExitCode.CANNOT_RUN

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(self.message, err=True)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Check the numbers in news articles about China's rare-earth exports against customs data.

    Example:
        factcheck check examples/magnets-july-2025.md
    """


cli.add_command(data)


def main() -> None:
    try:
        cli.main(prog_name="factcheck", standalone_mode=True)
    except FactcheckError as exc:
        click.echo(exc.one_line(), err=True)
        sys.exit(ExitCode.CANNOT_RUN)


def dataset_path(value: Path | None) -> Path:
    from checker.resources import default_dataset

    return value if value is not None else default_dataset()
