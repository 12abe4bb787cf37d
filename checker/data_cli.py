"""`factcheck data ...`: show, validate, list the sources of, import into and rebuild the evidence dataset.

The first half is pure helpers over a loaded Dataset's frame (vectorised pandas, no click); the commands below
them only parse options, call one helper and print. FactcheckError from any of them becomes one line on stderr
and exit code 2 (see checker.cli).
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import click
import pandas as pd

from checker import comtrade, resources
from checker.countries import normalise
from checker.dataset import COLUMNS, COMMODITIES, KEY, METRICS, Dataset, load_dataset, validate_frame
from checker.errors import InputError, OutputError
from checker.reference import build_dataset, build_rows
from claims.periods import Month

TRUE: tuple[str, ...] = ("true", "True", "1")
SHOW_COLUMNS: tuple[str, ...] = (
    "commodity",
    "partner",
    "partner_code",
    "period",
    "metric",
    "value",
    "unit",
    "quantity_t",
    "derived",
    "formula",
    "source_url",
    "source_date",
    "canonical",
    "line",
)
SOURCE_COLUMNS: tuple[str, ...] = ("source_url", "domain", "rows", "commodities", "periods", "first", "last", "canonical")
REFERENCE_FILES: tuple[str, ...] = ("figures_reported.csv", "figures_derived.csv", "figures_other_definitions.csv")
FORMATS: tuple[str, ...] = ("table", "csv", "json")
CELL_WIDTH = 24
"""Widest cell of any table column but the last; longer text ends in an ellipsis."""
SHORT_COMMODITY: dict[str, str] = {"rare_earth_magnets": "magnets", "rare_earths": "rare earths"}


# ---------------------------------------------------------------------------------------------------- helpers


def partner_name(text: str) -> str:
    """The dataset's name for a partner as a user types it: 'US' -> 'United States'; unknown names unchanged."""
    return normalise(text) or text.strip()


def domain(source_url: str) -> str:
    """The outlet behind a source: its host without www./m. (as the canonical rule counts outlets), else the label."""
    host = urlsplit(source_url).netloc.lower()
    if host:
        return host.removeprefix("www.").removeprefix("m.")
    return source_url.split(":", 1)[0].strip()


def _bounds(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """First and last month of each period ('2025-01..2025-09' -> '2025-01', '2025-09'); YYYY-MM sorts as text."""
    return frame["period"].str.slice(0, 7), frame["period"].str.slice(-7)


def select(
    frame: pd.DataFrame,
    *,
    commodity: str | None = None,
    partner: str | None = None,
    metric: str | None = None,
    start: str | None = None,
    end: str | None = None,
    canonical_only: bool = False,
) -> pd.DataFrame:
    """Rows matching every given filter; a range period is kept only when it lies within [start, end]."""
    first, last = _bounds(frame)
    mask = pd.Series(True, index=frame.index)
    if commodity:
        mask &= frame["commodity"] == commodity
    if partner:
        mask &= frame["partner"].str.casefold() == partner_name(partner).casefold()
    if metric:
        mask &= frame["metric"] == metric
    if start:
        mask &= first >= start
    if end:
        mask &= last <= end
    if canonical_only:
        mask &= frame["canonical"].isin(TRUE)
    return frame[mask]


def show_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The `data show` columns: quantity_t for quantity rows, booleans parsed, `line` in the dataset file."""
    out = frame.assign(
        quantity_t=frame["value"].where(frame["metric"] == "quantity", ""),
        derived=frame["derived"].isin(TRUE),
        canonical=frame["canonical"].isin(TRUE),
        line=frame.index + 2,
    )
    return out.loc[:, list(SHOW_COLUMNS)]


def source_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per source: rows, commodities, periods covered (first..last), whether any row is canonical."""
    first, last = _bounds(frame)
    work = frame.assign(first=first, last=last, is_canonical=frame["canonical"].isin(TRUE))
    grouped = work.groupby("source_url", sort=False)
    table = pd.DataFrame({
        "rows": grouped.size(),
        "commodities": grouped["commodity"].agg(lambda s: sorted(set(s))),
        "periods": grouped["period"].agg(lambda s: sorted(set(s))),
        "first": grouped["first"].min(),
        "last": grouped["last"].max(),
        "canonical": grouped["is_canonical"].any(),
    }).reset_index()
    table.insert(1, "domain", table["source_url"].map(domain))
    table = table.sort_values(["rows", "source_url"], ascending=[False, True], kind="stable")
    return table.loc[:, list(SOURCE_COLUMNS)].reset_index(drop=True)


def to_csv(table: pd.DataFrame) -> str:
    """CSV text: booleans as true/false, lists joined with ';'."""
    flat = table.copy()
    for column in flat.columns:
        if flat[column].dtype == bool:
            flat[column] = flat[column].map({True: "true", False: "false"})
        elif flat[column].map(lambda v: isinstance(v, list)).any():
            flat[column] = flat[column].map(";".join)
    return flat.to_csv(index=False, lineterminator="\n")


def to_json(table: pd.DataFrame) -> str:
    """A JSON list of objects; figures stay strings as written (no float rounding), blanks become null."""
    records = table.to_dict(orient="records")
    cleaned = [{k: (None if v == "" else v) for k, v in record.items()} for record in records]
    return json.dumps(cleaned, indent=2, ensure_ascii=False) + "\n"


def to_rich(table: pd.DataFrame, cells: dict[str, Callable[[pd.DataFrame], pd.Series]]) -> str:
    """A compact rich table (plain text when not a TTY) with one column per entry of `cells`."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    if table.empty:
        return "No rows match.\n"
    grid = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    columns = {name: make(table).astype(str) for name, make in cells.items()}
    width = shutil.get_terminal_size((120, 24)).columns
    last = list(columns)[-1]  # the last column (a URL or domain) folds into what the others leave free
    others = sum(min(max(int(v.str.len().max()), len(k)), CELL_WIDTH) + 3 for k, v in columns.items() if k != last)
    for name, values in columns.items():
        numeric = bool(values.str.fullmatch(r"-?[\d.]+").all())
        grid.add_column(
            name,
            justify="right" if numeric else "left",
            no_wrap=name != last,
            overflow="fold" if name == last else "ellipsis",
            max_width=max(16, width - others) if name == last else CELL_WIDTH,
        )
    for row in zip(*columns.values(), strict=True):
        grid.add_row(*row)
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False).print(grid)
    return buffer.getvalue()


SHOW_CELLS: dict[str, Callable[[pd.DataFrame], pd.Series]] = {
    "commodity": lambda t: t["commodity"].map(SHORT_COMMODITY),
    "partner": lambda t: t["partner"],
    "period": lambda t: t["period"],
    "metric": lambda t: t["metric"],
    "value": lambda t: t["value"],
    "unit": lambda t: t["unit"],
    "derived": lambda t: t["derived"].map({True: "yes", False: ""}),
    "canon.": lambda t: t["canonical"].map({True: "yes", False: ""}),
    "line": lambda t: t["line"],
    "source": lambda t: t["source_url"].map(domain),
}
SOURCE_CELLS: dict[str, Callable[[pd.DataFrame], pd.Series]] = {
    "domain": lambda t: t["domain"],
    "rows": lambda t: t["rows"],
    "commodities": lambda t: t["commodities"].map(lambda names: ", ".join(SHORT_COMMODITY[n] for n in names)),
    "covers": lambda t: t["first"] + ".." + t["last"],
    "canon.": lambda t: t["canonical"].map({True: "yes", False: ""}),
    "source_url": lambda t: t["source_url"],
}


def render(table: pd.DataFrame, fmt: str, cells: dict[str, Callable[[pd.DataFrame], pd.Series]]) -> str:
    if fmt == "csv":
        return to_csv(table)
    if fmt == "json":
        return to_json(table)
    return to_rich(table, cells)


def summary_line(dataset: Dataset) -> str:
    frame = dataset.frame
    keys = len(frame.drop_duplicates(subset=list(KEY)))
    return f"OK: {len(dataset)} rows, {keys} keys, {frame['source_url'].nunique()} sources (sha256 {dataset.sha256})"


def rebuild(reference: Path, out_dir: Path, *, force: bool) -> tuple[int, int]:
    """Check the inputs and outputs, validate the rows, then write exports.csv and excluded.csv into out_dir."""
    missing = [name for name in REFERENCE_FILES if not (reference / name).is_file()]
    if missing:
        raise InputError(f"reference directory lacks {', '.join(missing)}", path=reference)
    existing = [name for name in ("exports.csv", "excluded.csv") if (out_dir / name).exists()]
    if existing and not force:
        raise OutputError(f"{', '.join(existing)} already exist(s); pass --force to overwrite", path=out_dir)
    validate_frame(pd.DataFrame(build_rows(reference), columns=list(COLUMNS), dtype=str), out_dir / "exports.csv")
    return build_dataset(reference, out_dir)


# ---------------------------------------------------------------------------------------------------- commands


def _month(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return str(Month.parse(value))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a month; use YYYY-MM, e.g. 2025-09") from None


def data_option(command: Callable) -> Callable:
    return click.option(
        "--data",
        "data_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        callback=lambda ctx, param, value: value or resources.default_dataset(),
        help="Dataset CSV.  [default: the bundled data/exports.csv]",
    )(command)


def format_option(command: Callable) -> Callable:
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="Output format."
    )(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def data() -> None:
    """Inspect, validate, import into and rebuild the evidence dataset.

    Example:

    \b
        factcheck data show --partner US --metric quantity --from 2025-01
    """


@data.command()
@click.option("--commodity", type=click.Choice(COMMODITIES), help="Only this commodity.")
@click.option("--partner", help="Only this destination; aliases work (US, UK, EU, World).")
@click.option("--metric", type=click.Choice(METRICS), help="Only this metric.")
@click.option("--from", "start", metavar="YYYY-MM", callback=_month, help="Periods starting in or after this month.")
@click.option("--to", "end", metavar="YYYY-MM", callback=_month, help="Periods ending in or before this month.")
@click.option("--canonical-only", is_flag=True, help="Only the canonical row of each key.")
@format_option
@data_option
def show(data_path: Path, fmt: str, **filters: str | bool | None) -> None:
    """Show dataset rows, filtered. A range period (A..B) is shown when it lies within --from/--to.

    csv and json carry every column, with quantity_t (the value of quantity rows) and the row's line in the file.

    Example:

    \b
        factcheck data show --commodity rare_earth_magnets --partner World \\
            --metric quantity --from 2024-01 --to 2026-03 --canonical-only --format csv
    """
    dataset = load_dataset(data_path)
    table = show_table(select(dataset.frame, **filters))  # type: ignore[arg-type]
    click.echo(render(table, fmt, SHOW_CELLS), nl=False)


@data.command()
@click.argument("path", required=False, type=click.Path(path_type=Path, dir_okay=False))
@data_option
def validate(path: Path | None, data_path: Path) -> None:
    """Load and validate a dataset CSV (PATH, else --data); exit 2 naming FILE:LINE of the first bad row.

    Example:

    \b
        factcheck data validate data/exports.csv
    """
    click.echo(summary_line(load_dataset(path or data_path)))


@data.command()
@format_option
@data_option
def sources(data_path: Path, fmt: str) -> None:
    """List the sources behind the figures: outlet, rows, commodities, periods covered, canonical or not.

    Example:

    \b
        factcheck data sources --format csv
    """
    table = source_table(load_dataset(data_path).frame)
    click.echo(render(table, fmt, SOURCE_CELLS), nl=False)


@data.command("import-comtrade")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--out", required=True, type=click.Path(path_type=Path, dir_okay=False), help="CSV to write.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def import_comtrade(file: Path, out: Path, force: bool) -> None:
    """Import a UN Comtrade CSV extract (China's exports) into the dataset format.

    HS 8505.11 and 8505.11.10 become rare_earth_magnets; HS 2805.30 and 2846 (and lines under them) become
    rare_earths; other codes, other flows and other reporters are skipped and counted. Net weight (kg) becomes
    quantity in metric tons, primaryValue becomes value_usd. OUT is written atomically and passes
    `factcheck data validate`.

    Example:

    \b
        factcheck data import-comtrade TradeData.csv -o comtrade.csv
        factcheck data show --data comtrade.csv --partner World
    """
    result = comtrade.import_comtrade(file, out, force=force)
    partners = {r["partner"] for r in result.rows}
    click.echo(f"Wrote {len(result.rows)} rows ({len(partners)} partners) to {out}")
    for reason, count in result.skipped.most_common():
        click.echo(f"Skipped {count}: {reason}")
    if result.unmatched_partners:
        names = ", ".join(result.unmatched_partners)
        click.echo(f"Warning: kept Comtrade's names for partners with no ISO country: {names}", err=True)


@data.command()
@click.option(
    "--reference",
    required=True,
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    help="Directory with figures_reported.csv, figures_derived.csv and figures_other_definitions.csv.",
)
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Directory to write exports.csv and excluded.csv.  [default: the directory of --data]")
@click.option("--force", is_flag=True, help="Overwrite exports.csv and excluded.csv if they exist.")
@data_option
def build(reference: Path, out_dir: Path | None, force: bool, data_path: Path) -> None:
    """Rebuild exports.csv and excluded.csv from the reference research files.

    Canonical rows are chosen per key: the value most independent outlets (domains) report.

    Example:

    \b
        factcheck data build --reference ../shared/reference --force
    """
    target = out_dir or data_path.parent
    rows, excluded = rebuild(reference, target, force=force)
    click.echo(f"Wrote {rows} rows to {target / 'exports.csv'} and {excluded} to {target / 'excluded.csv'}")
