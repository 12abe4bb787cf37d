from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.comtrade import commodity_of, parse_extract
from checker.data_cli import data
from checker.dataset import Dataset
from checker.resources import default_dataset

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
COMTRADE_HEADER = (
    "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,"
    "partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,cmdCode,cmdDesc,"
    "customsCode,motCode,netWgt,primaryValue"
)


def comtrade_line(period: str, partner: tuple[str, str, str], code: str, kg: str, usd: str, flow: str = "X") -> str:
    """One row of a modern Comtrade API CSV: China reporting, totals only."""
    number, iso, name = partner
    flow_desc = {"X": "Export", "M": "Import"}[flow]
    freq, month = ("M", str(int(period[4:]))) if len(period) == 6 else ("A", "52")
    return (f"C,{freq},{period[:4]}0101,{period[:4]},{month},{period},156,CHN,China,{flow},{flow_desc},"
            f"{number},{iso},{name},0,W00,World,H6,{code},desc,C00,0,{kg},{usd}")


WORLD = ("0", "W00", "World")
USA = ("842", "USA", "USA")
KOREA = ("410", "KOR", "Rep. of Korea")


@pytest.fixture
def extract(tmp_path: Path) -> Path:
    """World and two partners for two months of HS 850511, plus an unrelated HS code and an import row."""
    lines = [
        COMTRADE_HEADER,
        comtrade_line("202508", WORLD, "850511", "6146000", "301000000.5"),
        comtrade_line("202508", USA, "850511", "590123.4", "29000000"),
        comtrade_line("202508", KOREA, "850511", "1100000", "52000000"),
        comtrade_line("202509", WORLD, "850511", "5774000", "280000000"),
        comtrade_line("202509", USA, "850511", "420500", "20000000"),
        comtrade_line("202509", KOREA, "850511", "1000000", "48000000"),
        comtrade_line("202509", WORLD, "850519", "9000000", "70000000"),
        comtrade_line("202509", WORLD, "850511", "100000", "9000000", flow="M"),
    ]
    path = tmp_path / "TradeData.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("name", sorted(data.commands))
def test_every_data_command_has_an_example_and_a_data_option(runner: CliRunner, name: str) -> None:
    result = runner.invoke(cli, ["data", name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    if name != "import-comtrade":
        assert "--data FILE" in result.output


def test_validate_bundled_dataset(runner: CliRunner, dataset: Dataset) -> None:
    result = runner.invoke(cli, ["data", "validate"])
    assert result.exit_code == 0, result.output
    sources = dataset.frame["source_url"].nunique()
    assert result.stdout.startswith(f"OK: {len(dataset)} rows, ")
    assert result.stdout.rstrip().endswith(f"{sources} sources (sha256 {dataset.sha256})")


def test_validate_reports_file_line_and_exits_2(runner: CliRunner, bad_dataset: tuple[Path, int, str]) -> None:
    path, line, words = bad_dataset
    result = runner.invoke(cli, ["data", "validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"factcheck: E201 {path}:{line}: ")
    assert words in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.output


def test_console_script_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    script = shutil.which("factcheck", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the factcheck console script is not installed next to this Python")
    bad = tmp_path / "bad.csv"
    header = default_dataset().read_text(encoding="utf-8").splitlines()[0]
    bad.write_text(header + "\n", encoding="utf-8")
    done = subprocess.run([script, "data", "validate", "--data", str(bad)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"factcheck: E201 {bad}:1: dataset has a header but no rows\n"


def test_show_csv_lists_world_monthly_magnet_quantities(runner: CliRunner) -> None:
    args = ["data", "show", "--commodity", "rare_earth_magnets", "--partner", "World", "--metric", "quantity",
            "--from", "2024-01", "--to", "2026-03", "--canonical-only", "--format", "csv"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    shown = [r for r in read_csv(result.stdout) if ".." not in r["period"]]  # ranges within the bounds are shown too
    # Expected straight from the file: one canonical row per month; derived when no outlet reported that month.
    with default_dataset().open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["commodity"] == "rare_earth_magnets"
                and r["partner"] == "World" and r["metric"] == "quantity" and ".." not in r["period"]
                and "2024-01" <= r["period"] <= "2026-03"]
    reported = {r["period"] for r in rows if r["derived"] == "false"}
    expected = {r["period"]: r["value"] for r in rows if r["canonical"] == "true"}
    assert {r["period"]: r["value"] for r in shown} == expected
    assert len(shown) == len(expected)
    assert {r["period"]: r["derived"] for r in shown} == {p: str(p not in reported).lower() for p in expected}
    assert all(r["quantity_t"] == r["value"] for r in shown)
    assert {"2024-12", "2025-09", "2026-03"} <= expected.keys()
    by_period = {r["period"]: r for r in shown}
    assert by_period["2025-09"]["value"] == "5774"
    assert by_period["2024-12"]["derived"] == "true" and by_period["2024-12"]["formula"]


def test_show_accepts_partner_aliases_and_keeps_ranges_within_bounds(runner: CliRunner) -> None:
    base = ["data", "show", "--commodity", "rare_earth_magnets", "--metric", "quantity", "--format", "json"]
    alias = json.loads(runner.invoke(cli, [*base, "--partner", "US"]).stdout)
    full = json.loads(runner.invoke(cli, [*base, "--partner", "United States"]).stdout)
    assert alias == full and alias
    assert {r["partner"] for r in alias} == {"United States"}
    world = [*base, "--partner", "World", "--from", "2025-01"]
    within = {r["period"] for r in json.loads(runner.invoke(cli, [*world, "--to", "2025-09"]).stdout)}
    before = {r["period"] for r in json.loads(runner.invoke(cli, [*world, "--to", "2025-08"]).stdout)}
    assert "2025-01..2025-09" in within and "2025-01..2025-09" not in before
    assert "2025-01..2025-08" in before
    assert all(p[:7] >= "2025-01" and p[-7:] <= "2025-09" for p in within)


def test_show_table_renders_without_a_tty(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["data", "show", "--partner", "Japan", "--from", "2025-09", "--to", "2025-09"])
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0].split()
    assert header[:5] == ["commodity", "partner", "period", "metric", "value"]
    assert "Japan" in result.stdout


def test_show_rejects_a_bad_month(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["data", "show", "--from", "2025-13"])
    assert result.exit_code == 2
    assert "YYYY-MM" in result.stderr


def test_sources_lists_a_known_outlet(runner: CliRunner, dataset: Dataset) -> None:
    url = "http://www.snmnews.com/news/articleView.html?idxno=561425"
    result = runner.invoke(cli, ["data", "sources", "--format", "csv"])
    assert result.exit_code == 0, result.output
    by_url = {r["source_url"]: r for r in read_csv(result.stdout)}
    assert len(by_url) == dataset.frame["source_url"].nunique()
    snm = by_url[url]
    assert snm["domain"] == "snmnews.com"
    assert int(snm["rows"]) == int((dataset.frame["source_url"] == url).sum())
    assert snm["canonical"] == "true"
    assert "2025-09" in snm["periods"].split(";")
    table = runner.invoke(cli, ["data", "sources"]).stdout
    assert "snmnews.com" in table


def test_import_comtrade_writes_a_valid_dataset(runner: CliRunner, extract: Path, tmp_path: Path) -> None:
    out = tmp_path / "comtrade.csv"
    result = runner.invoke(cli, ["data", "import-comtrade", str(extract), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Skipped 1: HS code outside the mapping" in result.stdout
    assert "Skipped 1: not an export flow" in result.stdout
    rows = read_csv(out.read_text(encoding="utf-8"))
    assert [(r["partner"], r["partner_code"], r["period"], r["metric"], r["value"]) for r in rows] == [
        ("World", "", "2025-08", "quantity", "6146"),
        ("World", "", "2025-08", "value_usd", "301000000.5"),
        ("World", "", "2025-09", "quantity", "5774"),
        ("World", "", "2025-09", "value_usd", "280000000"),
        ("South Korea", "KR", "2025-08", "quantity", "1100"),
        ("South Korea", "KR", "2025-08", "value_usd", "52000000"),
        ("South Korea", "KR", "2025-09", "quantity", "1000"),
        ("South Korea", "KR", "2025-09", "value_usd", "48000000"),
        ("United States", "US", "2025-08", "quantity", "590.1234"),
        ("United States", "US", "2025-08", "value_usd", "29000000"),
        ("United States", "US", "2025-09", "quantity", "420.5"),
        ("United States", "US", "2025-09", "value_usd", "20000000"),
    ]
    assert {(r["commodity"], r["source_url"], r["derived"], r["canonical"]) for r in rows} == {
        ("rare_earth_magnets", "UN Comtrade: TradeData.csv", "false", "true")}
    assert runner.invoke(cli, ["data", "validate", str(out)]).stdout.startswith("OK: 12 rows, 12 keys, 1 sources")
    shown = runner.invoke(cli, ["data", "show", "--data", str(out), "--partner", "US", "--metric", "quantity",
                                "--format", "csv"])
    assert [(r["period"], r["quantity_t"]) for r in read_csv(shown.stdout)] == [("2025-08", "590.1234"),
                                                                                ("2025-09", "420.5")]


def test_import_comtrade_refuses_to_overwrite(runner: CliRunner, extract: Path, tmp_path: Path) -> None:
    out = tmp_path / "comtrade.csv"
    out.write_text("keep me\n", encoding="utf-8")
    refused = runner.invoke(cli, ["data", "import-comtrade", str(extract), "-o", str(out)])
    assert refused.exit_code == 2
    assert refused.stderr == f"factcheck: E401 {out}: output exists; pass --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "keep me\n"
    forced = runner.invoke(cli, ["data", "import-comtrade", str(extract), "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert out.read_text(encoding="utf-8").startswith("commodity,reporter,partner")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["TradeData.csv", "comtrade.csv"]  # no temp file left


def test_import_comtrade_never_writes_over_its_input(runner: CliRunner, extract: Path) -> None:
    before = extract.read_bytes()
    result = runner.invoke(cli, ["data", "import-comtrade", str(extract), "-o", str(extract), "--force"])
    assert result.exit_code == 2
    assert "the output is the input" in result.stderr
    assert extract.read_bytes() == before


def test_comtrade_hs_mapping() -> None:
    assert commodity_of("850511") == commodity_of("85051110") == "rare_earth_magnets"
    assert commodity_of("280530") == commodity_of("2846") == commodity_of("284690") == "rare_earths"
    assert commodity_of("850519") is None and commodity_of("85051190") is None and commodity_of("2805") is None


def test_comtrade_sums_rare_earth_codes_without_double_counting(tmp_path: Path) -> None:
    lines = [
        COMTRADE_HEADER,
        comtrade_line("2025", WORLD, "280530", "1000", "10"),
        comtrade_line("2025", WORLD, "2846", "5000", "50"),  # the heading of the next two lines
        comtrade_line("2025", WORLD, "284610", "2000", "20"),
        comtrade_line("2025", WORLD, "284690", "3000", "30"),
        comtrade_line("202501", WORLD, "850511", "7000", "70"),
        comtrade_line("202501", WORLD, "85051110", "6500", "65"),
    ]
    path = tmp_path / "annual.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = parse_extract(path)
    values = {(r["commodity"], r["period"], r["metric"]): r["value"] for r in result.rows}
    assert values == {
        ("rare_earths", "2025-01..2025-12", "quantity"): "6",
        ("rare_earths", "2025-01..2025-12", "value_usd"): "60",
        ("rare_earth_magnets", "2025-01", "quantity"): "6.5",
        ("rare_earth_magnets", "2025-01", "value_usd"): "65",
    }
    assert result.skipped["heading also given line by line (lines used instead)"] == 2


def test_build_refuses_to_overwrite_without_force(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "exports.csv").write_text("keep\n", encoding="utf-8")
    reference = tmp_path / "ref"
    reference.mkdir()
    for name in ("figures_reported.csv", "figures_derived.csv", "figures_other_definitions.csv"):
        (reference / name).write_text("commodity\n", encoding="utf-8")
    result = runner.invoke(cli, ["data", "build", "--reference", str(reference), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "pass --force" in result.stderr
    assert (tmp_path / "exports.csv").read_text(encoding="utf-8") == "keep\n"


@pytest.mark.shared
@pytest.mark.skipif(not REFERENCE.is_dir(), reason="needs ../shared/reference")
def test_build_reproduces_the_bundled_files(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["data", "build", "--reference", str(REFERENCE), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    bundled = default_dataset().parent
    assert (tmp_path / "exports.csv").read_bytes() == (bundled / "exports.csv").read_bytes()
    assert (tmp_path / "excluded.csv").read_bytes() == (bundled / "excluded.csv").read_bytes()
