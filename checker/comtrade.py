"""Import a UN Comtrade CSV extract (China as reporter, exports) into the factcheck dataset format.

HS mapping (HS_COMMODITY): the customs categories the news reports as China's exports of

- ``rare_earth_magnets``: HS 8505.11 (permanent magnets of metal) and China's national 8-digit line 8505.11.10;
- ``rare_earths``: HS 2805.30 (rare-earth metals, scandium and yttrium) and HS 2846 (their compounds), with any
  longer code under those headings (e.g. 2846.10, 2846.90).

Rows with any other code are skipped and counted. Where one partner-month has both a heading and lines under it
(850511 and 85051110; 2846 and 284610), only the most detailed lines are summed, so nothing is counted twice.
Net weight (kg) becomes a ``quantity`` row in metric tons, ``primaryValue`` a ``value_usd`` row. A figure is
written only when every row summed into it has one. Partner "World" stays "World"; countries get the display
name and ISO alpha-2 code of `checker.countries`, so imported rows share their partner names with the dataset.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd
import pycountry

from checker.countries import WORLD, normalise, partner_code
from checker.dataset import COLUMNS, UNITS, validate_frame
from checker.errors import InputError, OutputError

HS_COMMODITY: dict[str, str] = {
    "850511": "rare_earth_magnets",
    "85051110": "rare_earth_magnets",
    "280530": "rare_earths",
    "2846": "rare_earths",
}
"""HS code -> commodity. Codes of rare_earths also cover every longer code under them."""
PREFIX_HEADINGS: tuple[str, ...] = ("280530", "2846")

# Canonical Comtrade column -> the spellings accepted (compared case-insensitively, spaces ignored).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "period": ("period",),
    "reporterISO": ("reporteriso",),
    "reporterDesc": ("reporterdesc", "reporter"),
    "partnerISO": ("partneriso",),
    "partnerCode": ("partnercode",),
    "partnerDesc": ("partnerdesc", "partner"),
    "cmdCode": ("cmdcode", "commoditycode"),
    "flowCode": ("flowcode",),
    "flowDesc": ("flowdesc", "tradeflow"),
    "netWgt": ("netwgt", "netweight(kg)"),
    "primaryValue": ("primaryvalue", "tradevalue(us$)"),
    "motCode": ("motcode",),
    "customsCode": ("customscode",),
    "partner2Code": ("partner2code",),
}
# Breakdown columns of the modern API and the value that marks the total row.
TOTALS: dict[str, str] = {"motCode": "0", "customsCode": "C00", "partner2Code": "0"}
WORLD_CODES: frozenset[str] = frozenset({"W00", "WLD", "0"})
# Comtrade's own areas that stand for one ISO country.
AREA_CODES: dict[str, str] = {"S19": "TW"}  # "Other Asia, nes" is how UN Comtrade reports Taiwan
PERIOD_RE = re.compile(r"^(\d{4})(0[1-9]|1[0-2])?$")


@dataclass(frozen=True)
class _Record:
    """One kept extract row."""

    commodity: str
    partner: str
    partner_code: str
    period: str
    code: str
    kg: Decimal | None
    usd: Decimal | None


@dataclass
class ComtradeImport:
    """What an import produced and what it left out, for the CLI to report."""

    rows: list[dict[str, str]]
    skipped: Counter[str] = field(default_factory=Counter)
    """Reason -> number of extract rows left out."""
    unmatched_partners: list[str] = field(default_factory=list)
    """Partner names kept as Comtrade wrote them (no ISO country found)."""


def commodity_of(code: str) -> str | None:
    """The dataset commodity of an HS code, or None when it is outside the mapping."""
    if code in HS_COMMODITY:
        return HS_COMMODITY[code]
    heading = next((h for h in PREFIX_HEADINGS if code.startswith(h)), None)
    return HS_COMMODITY[heading] if heading else None


def read_extract(path: Path) -> pd.DataFrame:
    """The extract as strings with canonical column names and a `line` column (1 = header)."""
    if not path.is_file():
        raise InputError("Comtrade extract not found", path=path)
    text = _decode(path)
    first = text.partition("\n")[0]
    sep = "\t" if first.count("\t") > first.count(",") else ","
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(f"cannot parse the Comtrade CSV: {str(exc).strip().splitlines()[-1]}", path=path) from exc
    wanted = {alias: name for name, aliases in COLUMN_ALIASES.items() for alias in aliases}
    frame = frame.rename(columns=lambda c: wanted.get(re.sub(r"\s+", "", str(c)).lower(), c))
    missing = [c for c in ("period", "cmdCode") if c not in frame.columns]
    if "partnerISO" not in frame.columns and "partnerDesc" not in frame.columns:
        missing.append("partnerDesc or partnerISO")
    if "flowCode" not in frame.columns and "flowDesc" not in frame.columns:
        missing.append("flowCode or flowDesc")
    if "netWgt" not in frame.columns and "primaryValue" not in frame.columns:
        missing.append("netWgt or primaryValue")
    if missing:
        raise InputError(f"not a Comtrade extract: missing column(s) {', '.join(missing)}", path=path, line=1)
    frame = frame.apply(lambda column: column.str.strip())
    frame["line"] = frame.index + 2
    return frame


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError("Comtrade extract is empty", path=path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # portal downloads are sometimes Windows-1252


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] if name in frame.columns else pd.Series("", index=frame.index, dtype=object)


def _keep_mask(frame: pd.DataFrame, skipped: Counter[str]) -> pd.Series:
    """Exports by China of a mapped HS code, total rows only; count every row left out by its first reason."""
    if "flowCode" in frame.columns:
        export = frame["flowCode"].str.upper() == "X"
    else:
        export = frame["flowDesc"].str.lower() == "export"
    if "reporterISO" in frame.columns:
        china = frame["reporterISO"].str.upper() == "CHN"
    elif "reporterDesc" in frame.columns:
        china = frame["reporterDesc"] == "China"
    else:
        china = pd.Series(True, index=frame.index)
    mapped = frame["cmdCode"].str.replace(".", "", regex=False).map(commodity_of).notna()
    total = pd.Series(True, index=frame.index)
    for column, value in TOTALS.items():
        if column in frame.columns:
            total &= frame[column].isin([value, ""])
    keep = pd.Series(True, index=frame.index)
    for mask, reason in [
        (export, "not an export flow"),
        (china, "reporter is not China"),
        (mapped, "HS code outside the mapping"),
        (total, "a breakdown row (transport mode, customs procedure or second partner), not a total"),
    ]:
        dropped = keep & ~mask
        if dropped.any():
            skipped[reason] += int(dropped.sum())
        keep &= mask
    return keep


def _period(value: str, path: Path, line: int) -> str:
    found = PERIOD_RE.match(value)
    if not found:
        raise InputError(f"bad period {value!r} (expected YYYY or YYYYMM)", path=path, line=line)
    year, month = found.group(1), found.group(2)
    return f"{year}-{month}" if month else f"{year}-01..{year}-12"


def _partner(iso: str, desc: str, code: str) -> tuple[str, str]:
    """(display name, ISO alpha-2) for a Comtrade partner; ("World", "") for the world total."""
    if iso.upper() in WORLD_CODES or code == "0" or desc.lower() == "world":
        return WORLD, ""
    alpha_2 = AREA_CODES.get(iso.upper())
    if alpha_2 is None and len(iso) == 3:
        country = pycountry.countries.get(alpha_3=iso.upper())
        alpha_2 = country.alpha_2 if country else None
    name = normalise(alpha_2) if alpha_2 else normalise(desc)
    if name is None:
        return desc or iso, ""
    return name, alpha_2 or partner_code(name)


def _decimal(value: str, what: str, path: Path, line: int) -> Decimal | None:
    if value == "":
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise InputError(f"{what} {value!r} is not a number", path=path, line=line) from None
    if not number.is_finite() or number < 0:
        raise InputError(f"{what} {value!r} is not a non-negative number", path=path, line=line)
    return number


def _plain(number: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 5774.000 -> '5774', 1.2E+3 -> '1200'."""
    return format((number + 0).normalize(), "f")


def _most_detailed(codes: set[str]) -> set[str]:
    return {c for c in codes if not any(o != c and o.startswith(c) for o in codes)}


def _records(frame: pd.DataFrame, path: Path) -> list[_Record]:
    """One record per kept extract row: key fields, HS code, kg and USD as Decimal (None when blank)."""
    codes = frame["cmdCode"].str.replace(".", "", regex=False)
    iso, desc, pcode = _column(frame, "partnerISO"), _column(frame, "partnerDesc"), _column(frame, "partnerCode")
    partners = {k: _partner(*k) for k in set(zip(iso, desc, pcode, strict=True))}
    kg, usd = _column(frame, "netWgt"), _column(frame, "primaryValue")
    has_kg, has_usd = "netWgt" in frame.columns, "primaryValue" in frame.columns
    out = []
    seen: dict[tuple[str, str, str], int] = {}
    for line, code, period, key, weight, value in zip(
        frame["line"], codes, frame["period"], zip(iso, desc, pcode, strict=True), kg, usd, strict=True
    ):
        name, alpha_2 = partners[key]
        record_key = (name, period, code)
        if record_key in seen:
            raise InputError(
                f"second row for partner {name}, period {period}, HS {code} (first on line {seen[record_key]}); "
                "download totals only, without breakdowns",
                path=path,
                line=line,
            )
        seen[record_key] = line
        out.append(_Record(
            commodity=commodity_of(code) or "",
            partner=name,
            partner_code=alpha_2,
            period=_period(period, path, line),
            code=code,
            kg=_decimal(weight, "netWgt", path, line) if has_kg else None,
            usd=_decimal(value, "primaryValue", path, line) if has_usd else None,
        ))
    return out


def _aggregate(
    records: list[_Record], metrics: tuple[str, ...], source: str, skipped: Counter[str]
) -> list[dict[str, str]]:
    groups: dict[tuple[str, str, str, str], list[_Record]] = defaultdict(list)
    for record in records:
        groups[(record.commodity, record.partner, record.partner_code, record.period)].append(record)
    rows = []
    for (commodity, partner, code, period), group in groups.items():
        detailed = _most_detailed({r.code for r in group})
        used = [r for r in group if r.code in detailed]
        if len(used) < len(group):
            skipped["heading also given line by line (lines used instead)"] += len(group) - len(used)
        figures = {"quantity": [r.kg for r in used], "value_usd": [r.usd for r in used]}
        for metric in metrics:
            numbers = figures[metric]
            if any(n is None for n in numbers):
                skipped[f"{metric}: a partner-month with a blank figure"] += 1
                continue
            total = sum((n for n in numbers if n is not None), Decimal(0))
            value = total.scaleb(-3) if metric == "quantity" else total  # kg -> metric tons
            rows.append(_dataset_row(commodity, partner, code, period, metric, _plain(value), source))
    return sorted(rows, key=lambda r: (r["commodity"], r["partner"] != WORLD, r["partner"], r["period"], r["metric"]))


def _dataset_row(commodity: str, partner: str, code: str, period: str, metric: str, value: str, source: str) -> dict[str, str]:
    return {
        "commodity": commodity,
        "reporter": "China",
        "partner": partner,
        "partner_code": code,
        "flow": "export",
        "period": period,
        "metric": metric,
        "value": value,
        "unit": UNITS[metric],
        "source_url": source,
        "source_date": "",
        "derived": "false",
        "formula": "",
        "canonical": "true",
    }


def parse_extract(path: Path) -> ComtradeImport:
    """Rows in the dataset format for China's exports of the mapped HS codes in a Comtrade CSV extract."""
    frame = read_extract(path)
    skipped: Counter[str] = Counter()
    kept = frame[_keep_mask(frame, skipped)]
    metrics = tuple(m for m, column in (("quantity", "netWgt"), ("value_usd", "primaryValue")) if column in frame.columns)
    rows = _aggregate(_records(kept, path), metrics, f"UN Comtrade: {path.name}", skipped)
    names = {r["partner"] for r in rows if r["partner"] != WORLD and not r["partner_code"]}
    return ComtradeImport(rows=rows, skipped=skipped, unmatched_partners=sorted(names))


def write_rows(rows: list[dict[str, str]], out: Path) -> None:
    """Validate `rows` as a dataset and write them to `out` atomically (a temporary file, then a rename)."""
    frame = validate_frame(pd.DataFrame(rows, columns=list(COLUMNS), dtype=str), out)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            frame.to_csv(stream, index=False, lineterminator="\n")
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def import_comtrade(src: Path, out: Path, *, force: bool = False) -> ComtradeImport:
    """Parse the extract `src` and write it to `out` in the dataset format. Refuses to overwrite without `force`."""
    if out.resolve() == src.resolve():
        raise OutputError("the output is the input extract; choose another -o path", path=out)
    if out.exists() and not force:
        raise OutputError("output exists; pass --force to overwrite it", path=out)
    if not out.parent.is_dir():
        raise OutputError("output directory does not exist", path=out.parent)
    result = parse_extract(src)
    if not result.rows:
        reasons = "; ".join(f"{n} {reason}" for reason, n in result.skipped.most_common()) or "no data rows"
        codes = ", ".join(HS_COMMODITY)
        raise InputError(f"no China exports of HS {codes} in the extract ({reasons})", path=src)
    write_rows(result.rows, out)
    return result
