"""Build data/exports.csv from the research files in ../shared/reference/.

`figures_reported.csv` gives published figures, `figures_derived.csv` figures implied by arithmetic (kept with their
formula and marked derived), and `figures_other_definitions.csv` series that must never be mixed in: those go to
data/excluded.csv with the reason, so the verifier can name them. Quotes are not copied: every row keeps its
source URL and date instead.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

from checker.countries import partner_code
from checker.dataset import COLUMNS, KEY
from claims.periods import Period

EXCLUDED_COLUMNS: tuple[str, ...] = (
    "series",
    "partner",
    "period",
    "metric",
    "value",
    "unit",
    "source_url",
    "reason",
)

EXCLUSION_REASONS: dict[str, str] = {
    "rare_earth_products": "Bloomberg's 'rare earth products' aggregate (all rare-earth products including magnets), "
    "a wider series than either customs category",
    "rare_earth_magnets_and_alloys_adamas": "Adamas Intelligence's magnets-and-magnet-alloys series, wider than HS 8505.11",
    "rare_earth_magnets_mislabeled_period": "2024 figures that the source labels as 2023",
    "rare_earth_magnets_definition_unclear": "a Japan magnet series whose definition is unclear and which conflicts with customs",
    "permanent_magnets_india_import_stats": "India's own import statistics, not China's exports",
    "rare_earth_magnets_unreliable_source": "a source shown to garble the customs figures",
    "rare_earth_magnet_materials_rareresearch_undefined": "an undefined 'magnet materials' series",
    "rare_earths_value_typo": "a value with a typo in the source",
    "rare_earths_known_wrong": "a value the arithmetic of the customs figures shows to be wrong",
}


def normalise_period(text: str) -> str:
    return str(Period.parse(text.strip()))


def _domain(url: str) -> str:
    host = urlsplit(url).netloc.lower()
    return host.removeprefix("www.").removeprefix("m.")


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _row(raw: dict[str, str], *, derived: bool) -> dict[str, str]:
    return {
        "commodity": raw["commodity"],
        "reporter": raw["reporter"],
        "partner": raw["partner"],
        "partner_code": partner_code(raw["partner"]),
        "flow": raw["flow"],
        "period": normalise_period(raw["period"]),
        "metric": raw["metric"],
        "value": raw["value"].strip(),
        "unit": raw["unit"],
        "source_url": raw["source_url"],
        "source_date": raw.get("source_date", ""),
        "derived": "true" if derived else "false",
        "formula": raw.get("formula", "") if derived else "",
        "canonical": "false",
    }


def _first_per(rows: list[dict[str, str]], fields: tuple[str, ...]) -> list[dict[str, str]]:
    """Keep the first row for each identity (the dataset key plus `fields`)."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for row in rows:
        identity = tuple(row[k] for k in (*KEY, *fields))
        if identity not in seen:
            seen.add(identity)
            out.append(row)
    return out


def _mark_canonical(rows: list[dict[str, str]]) -> None:
    """Per key, mark the value that the most independent outlets (domains) report; derived rows only if none is."""
    by_key: dict[tuple[str, ...], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_key[tuple(row[k] for k in KEY)].append(row)
    for group in by_key.values():
        reported = [r for r in group if r["derived"] == "false"] or group
        support: Counter[Decimal] = Counter()
        domains: dict[Decimal, set[str]] = defaultdict(set)
        for r in reported:
            domains[Decimal(r["value"])].add(_domain(r["source_url"]))
        derived_agree = Counter(Decimal(r["value"]) for r in group if r["derived"] == "true")
        for value, outlets in domains.items():
            support[value] = len(outlets)
        best = max(
            support,
            key=lambda v: (support[v], derived_agree[v], -v.as_tuple().exponent, -v),  # type: ignore[operator]
        )
        for r in reported:
            if Decimal(r["value"]) == best:
                r["canonical"] = "true"
                break


def build_rows(reference: Path) -> list[dict[str, str]]:
    reported = [_row(r, derived=False) for r in _read(reference / "figures_reported.csv")]
    derived = [_row(r, derived=True) for r in _read(reference / "figures_derived.csv")]
    # exact repeats first; then one source giving two values for one key keeps its first (the key is unique per source)
    rows = _first_per(_first_per(reported + derived, ("source_url", "value", "formula")), ("source_url", "derived", "formula"))
    _mark_canonical(rows)
    return sorted(rows, key=lambda r: (r["commodity"], r["partner"] != "World", r["partner"], r["period"], r["metric"],
                                      r["derived"], r["canonical"] == "false", r["source_url"]))


def build_excluded(reference: Path) -> list[dict[str, str]]:
    out = []
    for raw in _read(reference / "figures_other_definitions.csv"):
        out.append({
            "series": raw["commodity"],
            "partner": raw["partner"],
            "period": normalise_period(raw["period"]),
            "metric": raw["metric"],
            "value": raw["value"],
            "unit": raw["unit"],
            "source_url": raw["source_url"],
            "reason": EXCLUSION_REASONS.get(raw["commodity"], "another definition, not a customs series"),
        })
    return out


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)


def build_dataset(reference: Path, out_dir: Path) -> tuple[int, int]:
    """Write exports.csv and excluded.csv into out_dir; return their row counts."""
    rows = build_rows(reference)
    excluded = build_excluded(reference)
    out_dir.mkdir(parents=True, exist_ok=True)
    _write(out_dir / "exports.csv", COLUMNS, rows)
    _write(out_dir / "excluded.csv", EXCLUDED_COLUMNS, excluded)
    return len(rows), len(excluded)
