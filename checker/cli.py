"""The `factcheck` command. A thin client of the library: it parses options, calls one library function and
turns FactcheckError into one line on stderr with exit code 2."""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import get_args

import click

from checker import __version__
from checker.config import FailOn, Format, load_config
from checker.errors import ConfigError, ExitCode, FactcheckError
from checker.report import Report

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


class CannotRun(click.ClickException):
    exit_code = ExitCode.CANNOT_RUN

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(self.message, err=True)


class FactcheckGroup(click.Group):
    """Turns a FactcheckError raised by any subcommand into CannotRun, so CliRunner and the console script agree."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except FactcheckError as exc:
            raise CannotRun(exc.one_line()) from exc


@click.group(cls=FactcheckGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Check the numbers in news articles about China's rare-earth exports against customs data.

    Example:
        factcheck check examples/magnets-july-2025.md
    """


class LazyGroup(click.Group):
    """A command group defined in another module, imported when it is first used.

    `factcheck data` needs pandas (about 0.4 s to import); `factcheck check` should not pay for it.
    """

    def __init__(self, name: str, target: str, help: str) -> None:
        super().__init__(name, help=help, context_settings=CONTEXT_SETTINGS)
        self.target = target

    @property
    def real(self) -> click.Group:
        module, _, attribute = self.target.partition(":")
        return getattr(importlib.import_module(module), attribute)

    @property
    def commands(self) -> dict[str, click.Command]:  # type: ignore[override]
        return self.real.commands if hasattr(self, "target") else {}

    @commands.setter
    def commands(self, value: dict[str, click.Command]) -> None:  # click.Group.__init__ assigns {}
        pass

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: object) -> click.Context:
        return self.real.make_context(info_name, args, parent=parent, **extra)


cli.add_command(LazyGroup("data", "checker.data_cli:data",
                          help="Inspect, validate, import into and rebuild the evidence dataset."))


def main() -> None:
    try:
        cli.main(prog_name="factcheck", standalone_mode=True)
    except FactcheckError as exc:
        click.echo(exc.one_line(), err=True)
        sys.exit(ExitCode.CANNOT_RUN)


@contextmanager
def _interruptible() -> Iterator[None]:
    """Ctrl-C during a check: one line and exit 130 (click's own 'Aborted!' exits 1, which CI reads as 'refuted').
    Reports are written whole or not at all, so nothing half-written is left behind."""
    try:
        yield
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted; no report was written", err=True)
        sys.exit(ExitCode.INTERRUPTED)


def dataset_path(value: Path | None) -> Path:
    from checker.resources import default_dataset

    return value if value is not None else default_dataset()


# --------------------------------------------------------------------------------------------- check / extract

FORMATS = get_args(Format)
FAIL_ON = get_args(FailOn)


def _parse_published(value: str | None) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:  # one line and exit 2, like every other input problem (not click's usage block)
        raise ConfigError(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2025-08-20", path="--published") from exc


def _failed(report: Report, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    failing = {"refuted"} if fail_on == "refuted" else {"refuted", "unverifiable"}
    return any(c.verdict in failing and (c.in_scope or fail_on == "refuted")
               for d in report.documents for c in d.claims)


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Output format.  [default: text]")
@click.option("--html", "html_out", type=click.Path(path_type=Path), help="Also write the HTML report (a file, or a directory for several articles).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), help="Exit 1 when a claim has this verdict.  [default: refuted]")
@click.option("--data", "data_path", type=click.Path(path_type=Path), help="Dataset CSV in the factcheck format.")
@click.option("--published", help="Article date YYYY-MM-DD; overrides the date found in the article.")
@click.option("--force", is_flag=True, help="Overwrite an existing --html output.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Refuse articles larger than this many bytes.  [default: 5 MB]")
@click.option("--config", "config_path", type=click.Path(path_type=Path),
              help="Settings file (factcheck.toml, or a pyproject.toml with [tool.factcheck]).  "
                   "[default: the nearest one in this folder or above]")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for many articles (Linux).  [default: one per CPU from 64 articles up]")
def check(paths: tuple[str, ...], fmt: str | None, html_out: Path | None, fail_on: str | None,
          data_path: Path | None, published: str | None, force: bool, max_bytes: int | None,
          config_path: Path | None, jobs: int | None) -> None:
    """Check the numeric claims in articles (files, directories, globs, or - for stdin).

    Exit codes: 0 nothing failed the --fail-on rule, 1 at least one claim did, 2 the run could not happen or an
    input could not be read (the readable ones are still checked and reported), 130 interrupted (Ctrl-C).
    Options override the config file.

    Example:
        factcheck check --published 2025-08-20 examples/magnets-july-2025.md
    """
    from checker.check import check_paths
    from checker.dataset import load_dataset
    from checker.inputs import discover
    from checker.render import RENDERERS, render_text

    config = load_config(config_path)
    fmt, fail_on = fmt or config.format or "text", fail_on or config.fail_on or "refuted"
    day = _parse_published(published)
    found, errors = discover(list(paths))
    files = [f for f in found if not config.skips(f)]
    dataset = load_dataset(dataset_path(data_path or config.data))
    with _interruptible(), _progress(len(files)) as advance:
        report = check_paths(files, dataset, config.settings, day, max_bytes=max_bytes, on_document=advance, jobs=jobs)
    report.errors[:0] = [e.one_line() for e in errors]
    output = render_text(report, color=_use_color()) if fmt == "text" else RENDERERS[fmt](report)
    click.echo(output, nl=not output.endswith("\n"))
    if html_out is not None:
        write_html(report, html_out, inputs=files, force=force)
    for line in report.errors:
        click.echo(line, err=True)
    # An input that could not be read outranks a failed claim: the readable articles are still checked and
    # reported, but exit 2 tells CI the run was incomplete, whatever the verdicts were.
    if report.errors or not (report.documents or len(files) < len(found)):  # all skipped by the config is fine
        sys.exit(ExitCode.CANNOT_RUN)
    if _failed(report, fail_on):
        sys.exit(ExitCode.FAILED)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[str], None] | None]:
    """A progress bar on stderr while several articles are checked, only when stderr is a terminal."""
    if total < 2 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=total)
        yield lambda path: bar.update(task, advance=1, description=path)


def write_html(report: Report, target: Path, *, inputs: list[str], force: bool) -> None:
    from checker.outputs import write_reports
    from checker.render import render_html

    write_reports(report, target, inputs=inputs, force=force, render=render_html)


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(("json", "text")), default="json", show_default=True)
@click.option("--published", help="Article date YYYY-MM-DD.")
def extract(path: str, fmt: str, published: str | None) -> None:
    """Print the numeric claims found in one article, without checking them.

    Example:
        factcheck extract examples/magnets-july-2025.md --format json
    """
    from checker.check import extract_document
    from checker.inputs import read_document

    claims, _ = extract_document(read_document(path), _parse_published(published))
    if fmt == "json":
        click.echo(json.dumps([json.loads(c.model_dump_json()) for c in claims], indent=2))
        return
    for c in claims:
        click.echo(f"{path}:{c.line}:{c.col}  {c.kind:<20} {c.text!r}  {c.commodity} {c.partner} {c.period}"
                   f"{' vs ' + c.base_period if c.base_period else ''}")


@cli.command()
def schema() -> None:
    """Print the JSON Schema of `factcheck check --format json`.

    Example:
        factcheck schema > report.schema.json
    """
    click.echo(json.dumps(Report.model_json_schema(), indent=2))
