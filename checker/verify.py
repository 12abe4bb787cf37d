"""Verification: recompute each claim from the dataset's tonnages, compare it with any published change, rank or
share, and judge it honestly against the rounding interval and hedge of the figure as written.

Evidence comes in two tiers (gold/README.md, "Expected verdicts"): first-hand (reported levels, recomputations
from them, and published changes, ranks and shares) and derived rows, used only when there is no first-hand
evidence and never when their formula rests on the claim's own number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from itertools import product

from checker.countries import AGGREGATES
from checker.dataset import ROW_CACHE_SIZE, WORLD, Dataset, Row
from checker.judge import INF, Interval, change_interval, claim_interval, exact, is_near_miss, ratio_interval
from checker.report import Basis, CheckedClaim, Evidence, Settings
from claims.model import Claim
from claims.numbers import half_unit, streak_level, word_to_number
from claims.periods import Month, Period

COMMODITY_LABEL = {"rare_earth_magnets": "rare-earth magnet", "rare_earths": "rare-earth"}


@dataclass(frozen=True)
class Candidate:
    """One piece of evidence: an interval in the claim's terms, the rows behind it and how it was obtained."""

    interval: Interval
    rows: tuple[Row, ...]
    basis: Basis
    label: str
    """How to say it: '+667.4% (353 t vs 46 t)'."""


@dataclass
class Outcome:
    verdict: str
    reason: str
    basis: Basis | None = None
    expected: str | None = None
    error: str | None = None
    unverifiable_reason: str | None = None
    conflict: str | None = None
    rows: list[Row] = field(default_factory=list)


# --------------------------------------------------------------------------------------------- formatting


def fmt_number(value: Decimal, places: int | None = None) -> str:
    if places is None:
        places = max(0, -value.as_tuple().exponent) if isinstance(value.as_tuple().exponent, int) else 0
    return f"{value:,.{places}f}"


def fmt_pct(value: Decimal, signed: bool = True) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".") if value == value.quantize(Decimal("0.1")) else f"{value:.2f}"
    if signed and value > 0:
        text = "+" + text
    return text + "%"


def _mid(interval: Interval) -> Decimal:
    if interval.low == -INF or interval.high == INF:
        return interval.low if interval.high == INF else interval.high
    return (interval.low + interval.high) / 2


def _subject(commodity: str, partner: str, period: str) -> str:
    to = "" if partner == WORLD else f" to {partner}"
    return f"{COMMODITY_LABEL.get(commodity, commodity)} exports{to} in {period}"


# --------------------------------------------------------------------------------------------- derived rows


_FORMULA_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def rests_on(row: Row, claim: Claim) -> bool:
    """True when a derived row's formula uses the claim's own number (3188 / (1 - 0.381) for '38.1% lower')."""
    if not row.derived or row.formula is None or claim.value is None:
        return False
    v = abs(claim.value)
    targets = {v, v / 100, 1 + v / 100, 1 - v / 100, (v * claim.scale) if claim.scale != 1 else v}
    for number in _FORMULA_NUMBER.findall(row.formula):
        if Decimal(number) in targets:
            return True
    return False


def _usable(rows: Iterable[Row], claim: Claim) -> list[Row]:
    return [r for r in rows if not rests_on(r, claim)]


# --------------------------------------------------------------------------------------------- levels


def _value_interval(row: Row) -> Interval:
    return exact(row.value, half_unit(format(row.value, "f")))


def _distinct(rows: list[Row]) -> list[tuple[Decimal, list[Row]]]:
    grouped: dict[Decimal, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row.value, []).append(row)
    return sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def level_candidates(ds: Dataset, commodity: str, partner: str, period: Period, claim: Claim) -> tuple[list[Candidate], list[Candidate]]:
    """(first-hand, derived) evidence for a tonnage level, summing months where no total is published."""
    rows = ds.rows(commodity, partner, str(period), "quantity")
    reported = [r for r in rows if not r.derived]
    first = [Candidate(_value_interval(group[0]), tuple(group), "published", f"{fmt_number(value)} t")
             for value, group in _distinct(reported)]
    if not first and not period.is_month:
        summed = _sum_months(ds, commodity, partner, period, derived=False)
        if summed is not None:
            first.append(summed)
    derived = [Candidate(_value_interval(group[0]), tuple(group), "derived", f"{fmt_number(value)} t (derived)")
               for value, group in _distinct(_usable([r for r in rows if r.derived], claim))]
    return first, derived


def _sum_months(ds: Dataset, commodity: str, partner: str, period: Period, *, derived: bool) -> Candidate | None:
    low = high = Decimal(0)
    used: list[Row] = []
    for month in period.months():
        rows = [r for r in ds.rows(commodity, partner, str(month), "quantity") if derived or not r.derived]
        if not rows:
            return None
        row = next((r for r in rows if r.canonical), rows[0])
        interval = _value_interval(row)
        low, high = low + interval.low, high + interval.high
        used.append(row)
    total = sum((r.value for r in used), Decimal(0))
    return Candidate(Interval(low, high), tuple(used), "recomputed",
                     f"{fmt_number(total)} t (sum of {len(used)} months)")


def month_level(ds: Dataset, commodity: str, partner: str, month: Month) -> Row | None:
    """The canonical level of one month: reported first, derived as a fallback."""
    rows = ds.rows(commodity, partner, str(month), "quantity")
    if not rows:
        return None
    return next((r for r in rows if r.canonical and not r.derived), None) or next(
        (r for r in rows if not r.derived), rows[0])


# --------------------------------------------------------------------------------------------- changes


def _published(ds: Dataset, claim: Claim, partner: str, period: Period, metric: str,
               convert: Callable[[Interval], Interval] = lambda i: i, unit: str = "%") -> tuple[list[Candidate], list[Candidate]]:
    rows = ds.rows(claim.commodity or "", partner, str(period), metric)
    first, derived = [], []
    for value, group in _distinct(rows):
        label = (fmt_pct(value) if unit == "%" else fmt_number(value)) + (" published" if not group[0].derived else " (derived)")
        if group[0].derived:
            usable = _usable(group, claim)
            if usable:
                derived.append(Candidate(convert(_value_interval(usable[0])), tuple(usable), "derived", label))
        else:
            first.append(Candidate(convert(_value_interval(group[0])), tuple(group), "published", label))
    return first, derived


def _recomputed_changes(levels: tuple[list[Candidate], list[Candidate]], bases: tuple[list[Candidate], list[Candidate]],
                        combine: Callable[[Interval, Interval], Interval | None], describe: Callable[[Candidate, Candidate, Interval], str]
                        ) -> tuple[list[Candidate], list[Candidate]]:
    first, derived = [], []
    for (lv, lv_derived), (bv, bv_derived) in product(
        [(c, False) for c in levels[0]] + [(c, True) for c in levels[1]],
        [(c, False) for c in bases[0]] + [(c, True) for c in bases[1]],
    ):
        interval = combine(lv.interval, bv.interval)
        if interval is None:
            continue
        candidate = Candidate(interval, lv.rows + bv.rows, "derived" if (lv_derived or bv_derived) else "recomputed",
                              describe(lv, bv, interval))
        (derived if (lv_derived or bv_derived) else first).append(candidate)
    return first, derived


def _change_label(level: Candidate, base: Candidate, interval: Interval) -> str:
    return f"{fmt_pct(_mid(interval))} ({level.label.split(' (')[0]} vs {base.label.split(' (')[0]})"


def change_candidates(ds: Dataset, claim: Claim, partner: str, period: Period, base: Period) -> tuple[list[Candidate], list[Candidate]]:
    commodity = claim.commodity or ""
    first: list[Candidate] = []
    derived: list[Candidate] = []
    metric = None
    if base == period.shift(-12):
        metric = "yoy_pct"
    elif base == period.shift(-1) and period.is_month:
        metric = "mom_pct"
    if metric:
        f, d = _published(ds, claim, partner, period, metric)
        first += f
        derived += d
    levels = level_candidates(ds, commodity, partner, period, claim)
    bases = level_candidates(ds, commodity, partner, base, claim)
    f, d = _recomputed_changes(levels, bases, change_interval, _change_label)
    return first + f, derived + d


def multiple_candidates(ds: Dataset, claim: Claim, partner: str, period: Period, base: Period,
                        other: str | None = None) -> tuple[list[Candidate], list[Candidate]]:
    """A multiple of the same destination's base period, or of `other` destination's level in `base`."""
    commodity = claim.commodity or ""
    first: list[Candidate] = []
    derived: list[Candidate] = []
    if other is None and base == period.shift(-1) and period.is_month:
        def to_multiple(i: Interval) -> Interval:
            return Interval(1 + i.low / 100, 1 + i.high / 100)
        first, derived = _published(ds, claim, partner, period, "mom_pct", to_multiple)
    levels = level_candidates(ds, commodity, partner, period, claim)
    bases = level_candidates(ds, commodity, other or partner, base, claim)

    def label(lv: Candidate, bv: Candidate, i: Interval) -> str:
        return f"{_mid(i):.2f} times ({lv.label.split(' (')[0]} vs {bv.label.split(' (')[0]})"

    f, d = _recomputed_changes(levels, bases, ratio_interval, label)
    return first + f, derived + d


def share_candidates(ds: Dataset, claim: Claim, partner: str, period: Period) -> tuple[list[Candidate], list[Candidate]]:
    commodity = claim.commodity or ""
    first, derived = _published(ds, claim, partner, period, "share_pct")
    levels = level_candidates(ds, commodity, partner, period, claim)
    totals = level_candidates(ds, commodity, WORLD, period, claim)

    def share(level: Interval, total: Interval) -> Interval | None:
        ratio = ratio_interval(level, total)
        return None if ratio is None else Interval(ratio.low * 100, ratio.high * 100)

    def label(lv: Candidate, tv: Candidate, i: Interval) -> str:
        return f"{fmt_pct(_mid(i), signed=False)} ({lv.label.split(' (')[0]} of {tv.label.split(' (')[0]})"

    f, d = _recomputed_changes(levels, totals, share, label)
    return first + f, derived + d


# --------------------------------------------------------------------------------------------- judging


def _decide(claim: Claim, stated: Interval, first: list[Candidate], derived: list[Candidate], settings: Settings,
            unit: str, subject: str) -> Outcome:
    for tier in (first, derived):
        if not tier:
            continue
        meeting = [c for c in tier if stated.meets(c.interval)]
        if meeting:
            best = meeting[0]
            others = [c for c in tier if not stated.meets(c.interval)]
            conflict = None
            if others:
                conflict = f"other evidence gives {others[0].label} ({others[0].basis})"
            rows = [r for c in meeting for r in c.rows]
            return Outcome("supported", f"The data give {best.label} for {subject} ({best.basis}); "
                           f"the claim's {claim.text!r} covers {stated.describe(unit)}.", best.basis, best.label,
                           rows=rows, conflict=conflict)
        nearest = min(tier, key=lambda c: stated.distance(c.interval))
        near = claim.value is not None and claim.precision is not None and claim.hedge is None and is_near_miss(
            claim.value * claim.scale, claim.precision * claim.scale, nearest.interval, settings)
        size = "a near miss (off by one unit of the last digit)" if near else "a material error"
        rows = [r for c in tier for r in c.rows]
        return Outcome("refuted", f"The data give {nearest.label} for {subject}, not {claim.text!r}: {size}.",
                       nearest.basis, nearest.label, error="near_miss" if near else "material", rows=rows)
    return Outcome("unverifiable", f"The dataset has no figure that could check {subject}.",
                   unverifiable_reason="not_covered")


def _unverifiable(reason: str, why: str) -> Outcome:
    return Outcome("unverifiable", reason, unverifiable_reason=why)


def _stated(claim: Claim, settings: Settings) -> Interval:
    value = claim.value or Decimal(0)
    half = claim.precision if claim.precision is not None else Decimal("0.5")
    return claim_interval(value * claim.scale, half * claim.scale, claim.hedge, settings)


def verify_level(ds: Dataset, claim: Claim, partner: str, period: Period, settings: Settings) -> Outcome:
    first, derived = level_candidates(ds, claim.commodity or "", partner, period, claim)
    subject = _subject(claim.commodity or "", partner, str(period))
    outcome = _decide(claim, _stated(claim, settings), first, derived, settings, " t", subject)
    if claim.scale != 1 and outcome.verdict != "unverifiable":
        outcome.reason += f" ({fmt_number(claim.value or Decimal(0))} {claim.unit} = {fmt_number((claim.value or Decimal(0)) * claim.scale, 1)} t.)"
    return outcome


def verify_average(ds: Dataset, claim: Claim, partner: str, period: Period, settings: Settings) -> Outcome:
    """'over 400 tons per month in 2024': the period's total divided by its number of months."""
    months = Decimal(len(period.months()))
    first, derived = level_candidates(ds, claim.commodity or "", partner, period, claim)

    def per_month(tier: list[Candidate]) -> list[Candidate]:
        return [Candidate(c.interval.scaled(1 / months), c.rows, c.basis,
                          f"{fmt_number((_mid(c.interval) / months).quantize(Decimal(1)))} t a month "
                          f"({c.label.split(' (')[0]} over {months} months)") for c in tier]

    subject = f"the monthly average of {_subject(claim.commodity or '', partner, str(period))}"
    return _decide(claim, _stated(claim, settings), per_month(first), per_month(derived), settings, " t", subject)


def verify_change(ds: Dataset, claim: Claim, partner: str, period: Period, base: Period | None, settings: Settings) -> Outcome:
    stated = _stated(claim, settings)
    if base is None:
        # The article gives no base: check month-on-month and year-on-year, and say which one held.
        bases = [period.shift(-12)] if not period.is_month else [period.shift(-1), period.shift(-12)]
    else:
        bases = [base]
    first: list[Candidate] = []
    derived: list[Candidate] = []
    for b in bases:
        f, d = change_candidates(ds, claim, partner, period, b)
        first += f
        derived += d
    base_text = " or ".join(str(b) for b in bases)
    subject = f"the change in {_subject(claim.commodity or '', partner, str(period))} against {base_text}"
    return _decide(claim, stated, first, derived, settings, "%", subject)


def verify_multiple(ds: Dataset, claim: Claim, partner: str, period: Period, base: Period | None, settings: Settings) -> Outcome:
    if base is None:
        return _unverifiable("The claim names no base period to compare with.", "unresolved")
    other = claim.partners[1] if claim.partners and len(claim.partners) == 2 and claim.partners[0] == partner else None
    first, derived = multiple_candidates(ds, claim, partner, period, base, other)
    against = f"exports to {other} in {base}" if other else str(base)
    subject = f"{_subject(claim.commodity or '', partner, str(period))} against {against}"
    return _decide(claim, _stated(claim, settings), first, derived, settings, " times", subject)


def verify_share(ds: Dataset, claim: Claim, partner: str, period: Period, settings: Settings) -> Outcome:
    if partner == WORLD:
        return _unverifiable("The claim does not say whose share it is.", "unresolved")
    first, derived = share_candidates(ds, claim, partner, period)
    subject = f"{partner}'s share of {COMMODITY_LABEL.get(claim.commodity or '', '')} exports in {period}"
    return _decide(claim, _stated(claim, settings), first, derived, settings, "%", subject)


TOP_POSITIONS = 5
"""'Among the top buyers' holds for any of the first TOP_POSITIONS places."""


def verify_rank(ds: Dataset, claim: Claim, partner: str, period: Period, settings: Settings) -> Outcome:
    if partner == WORLD or claim.value is None:
        return _unverifiable("The claim does not name which destination holds the rank.", "unresolved")
    every = _EVERY_MONTH.search(claim.sentence)
    if not period.is_month and every:
        count = word_to_number(every.group("n") or "")
        if count is not None and 1 < count < len(period.months()):
            period = Period(period.end.shift(1 - int(count)), period.end)  # "in all four months" of the brief: the last four
        return _rank_in_every_month(ds, claim, partner, period, settings)
    commodity = claim.commodity or ""
    position = int(claim.value)
    rows = [r for r in ds.rows(commodity, partner, str(period), "rank") if not r.derived]
    subject = f"{partner}'s rank among destinations of {COMMODITY_LABEL.get(commodity, commodity)} exports in {period}"
    if rows:
        ranks = sorted({int(r.value) for r in rows})
        holds = [r for r in rows if (int(r.value) <= TOP_POSITIONS if claim.hedge == "among" else int(r.value) == position)]
        if holds:
            return Outcome("supported", f"Published rankings put {partner} at No. {int(holds[0].value)} ({subject}).",
                           "published", f"No. {int(holds[0].value)}", rows=holds)
        return Outcome("refuted", f"Published rankings put {partner} at No. {ranks[0]}, not No. {position} ({subject}).",
                       "published", f"No. {ranks[0]}", error="material", rows=rows)
    holders = [r for other in ds.partners(commodity, period) if other != partner
               for r in ds.rows(commodity, other, str(period), "rank") if not r.derived and int(r.value) == position]
    if holders and claim.hedge != "among":
        return Outcome("refuted", f"Published rankings put {holders[0].partner} at No. {position} in {period}, not {partner}.",
                       "published", f"No. {position}: {holders[0].partner}", error="material", rows=holders)
    ahead = _destinations_ahead(ds, commodity, partner, period)
    limit = TOP_POSITIONS if claim.hedge == "among" else position
    if ahead is not None and len(ahead[1]) >= limit:
        own, rows = ahead
        basis: Basis = "derived" if any(r.derived for r in (own, *rows)) else "recomputed"
        names = ", ".join(f"{r.partner} ({fmt_number(r.value)} t)" for r in rows[:limit])
        return Outcome("refuted", f"At least {len(rows)} destinations took more than {partner}'s {fmt_number(own.value)} t "
                       f"in {period}: {names}; so {partner} ranked below No. {limit}.", basis,
                       f"below No. {len(rows)}", error="material", rows=[own, *rows])
    return _unverifiable(f"No published ranking covers {subject}.", "not_covered")


_EVERY_MONTH = re.compile(r"\b(?:(?:each|every)\s+(?:of\s+the\s+)?|all\s+(?:the\s+)?)(?:(?P<n>[\w-]+)\s+)?(?:[\w-]+\s+)?months?\b", re.I)
"""A rank held over a span month by month ('the biggest destination in each of the seven months from June to
December'), not a rank of the span's total."""


def _rank_in_every_month(ds: Dataset, claim: Claim, partner: str, period: Period, settings: Settings) -> Outcome:
    """Refuted by any month with another rank, supported when every month holds it."""
    outcomes = [verify_rank(ds, claim, partner, Period(month, month), settings) for month in period.months()]
    refuted = next((o for o in outcomes if o.verdict == "refuted"), None)
    if refuted is not None:
        return refuted
    if all(o.verdict == "supported" for o in outcomes):
        return Outcome("supported", f"Published rankings put {partner} at No. {int(claim.value or 0)} in every month of "
                       f"{period}.", "published", None, rows=[r for o in outcomes for r in o.rows])
    missing = next(str(month) for month, o in zip(period.months(), outcomes, strict=True) if o.verdict != "supported")
    return _unverifiable(f"No published ranking covers {partner}'s rank in {missing}, a month of {period}.", "not_covered")


def _destinations_ahead(ds: Dataset, commodity: str, partner: str, period: Period) -> tuple[Row, list[Row]] | None:
    """A destination's level and the levels of the destinations known to have taken more, most first: with no
    published ranking, enough of them refute a claimed rank. Aggregates (the EU, Europe) are not destinations."""
    own = _level_row(ds, commodity, partner, period)
    if own is None:
        return None
    others = [row for other in ds.partners(commodity, period) if other not in (partner, *AGGREGATES)
              if (row := _level_row(ds, commodity, other, period)) is not None and row.value > own.value]
    return own, sorted(others, key=lambda r: -r.value)


def _level_row(ds: Dataset, commodity: str, partner: str, period: Period) -> Row | None:
    if period.is_month:
        return month_level(ds, commodity, partner, period.end)
    rows = ds.rows(commodity, partner, str(period), "quantity")
    return next((r for r in rows if not r.derived), rows[0] if rows else None)


def _series_values(ds: Dataset, commodity: str, partner: str, months: list[Month]) -> dict[Month, Row] | None:
    values: dict[Month, Row] = {}
    for month in months:
        row = month_level(ds, commodity, partner, month)
        if row is None:
            return None
        values[month] = row
    return values


def verify_extreme(ds: Dataset, claim: Claim, partner: str, period: Period, settings: Settings) -> Outcome:
    """'The highest since January': the month against every month of the window. Where the data lack some months
    inside the window, a known month that beats the claimed one still refutes it; a record, or a window reaching
    back before the data, cannot be checked."""
    if claim.window is None:
        return _unverifiable("The window of this extreme (a record, or a span before the dataset starts) cannot be checked.",
                             "not_covered")
    commodity = claim.commodity or ""
    window = Period.parse(claim.window)
    subject = _subject(commodity, partner, str(period))
    own = month_level(ds, commodity, partner, period.end)
    if own is None:
        return _unverifiable(f"The dataset has no level for {subject}.", "not_covered")
    months = [m for m in window.months() if m != period.end]
    known = {m: row for m in months if (row := month_level(ds, commodity, partner, m)) is not None}
    high = claim.direction != "low"
    place = int(claim.value or 1)  # "the second-highest": one month of the window beat it, and only one
    word = "highest" if high else "lowest"
    beaten = [(m, r) for m, r in known.items() if ((r.value > own.value) if high else (r.value < own.value))]
    rivals = [(m, r) for m, r in known.items() if ((r.value >= own.value) if high else (r.value <= own.value))]
    rows = [own, *known.values()]
    basis: Basis = "derived" if any(r.derived for r in rows) else "recomputed"
    complete = len(known) == len(months)
    if place > 1:
        return _ranked_extreme(claim, own, beaten, complete, place, basis, rows, subject)
    if rivals and (complete or period.is_month and _within_data(ds, commodity, partner, window)):
        month, row = rivals[0]
        return Outcome("refuted", f"{month} ({fmt_number(row.value)} t) was at least as {'high' if high else 'low'} as "
                       f"{period.end} ({fmt_number(own.value)} t), so {period.end} was not the {word} of {claim.window}.",
                       basis, f"{month}: {fmt_number(row.value)} t", error="material", rows=rows if complete else [own, row])
    if not complete:
        return _unverifiable(f"The dataset lacks some months of {claim.window} needed to check {subject}.", "not_covered")
    return Outcome("supported", f"{period.end} ({fmt_number(own.value)} t) is the {word} month of {claim.window} for "
                   f"{subject}.", basis, f"{fmt_number(own.value)} t", rows=rows)


def _ranked_extreme(claim: Claim, own: Row, beaten: list[tuple[Month, Row]], complete: bool, place: int, basis: Basis,
                    rows: list[Row], subject: str) -> Outcome:
    """'The second-highest of the year': exactly place - 1 months of the window beat the month."""
    if len(beaten) >= place or complete and len(beaten) != place - 1:
        return Outcome("refuted", f"{len(beaten)} month(s) of {claim.window} beat {own.period} "
                       f"({fmt_number(own.value)} t), so it was not No. {place}.", basis,
                       f"No. {len(beaten) + 1}", error="material", rows=rows)
    if not complete:
        return _unverifiable(f"The dataset lacks some months of {claim.window} needed to check {subject}.", "not_covered")
    return Outcome("supported", f"{own.period} ({fmt_number(own.value)} t) is No. {place} of {claim.window} for {subject}.",
                   basis, f"No. {place}: {fmt_number(own.value)} t", rows=rows)


def _within_data(ds: Dataset, commodity: str, partner: str, window: Period) -> bool:
    """Whether a window starts no earlier than the series' first month in the data (its gaps are then inside it)."""
    months = ds.months.get((commodity, partner), [])
    return bool(months) and Month.parse(months[0]) <= window.start


def _monthly_change_sign(ds: Dataset, commodity: str, partner: str, month: Month, yoy: bool) -> tuple[int, list[Row]] | None:
    metric = "yoy_pct" if yoy else "mom_pct"
    base = month.shift(-12 if yoy else -1)
    level, base_level = month_level(ds, commodity, partner, month), month_level(ds, commodity, partner, base)
    if level is not None and base_level is not None and level.value != base_level.value:
        return (1 if level.value > base_level.value else -1), [level, base_level]
    published = [r for r in ds.rows(commodity, partner, str(month), metric) if not r.derived]
    if published and published[0].value != 0:
        return (1 if published[0].value > 0 else -1), published[:1]
    return None


def verify_level_streak(ds: Dataset, claim: Claim, partner: str, period: Period, level: tuple[Decimal, Decimal]
                        ) -> Outcome:
    """'The sixth straight month above 5.4kt': each of the last n months on the side of the level the extractor read
    (`direction` down: below it; 'has not dipped below 5,000 t' is up), at the level's rounding (a month of 5,380 t
    is not shown to be below '5.4kt')."""
    value, half = level
    side = "below" if claim.direction == "down" else "above"
    months = [period.end.shift(-i) for i in range(int(claim.value or 0))]
    values = _series_values(ds, claim.commodity or "", partner, months)
    subject = _subject(claim.commodity or "", partner, f"the {len(months)} months to {period.end}")
    if values is None:
        return _unverifiable(f"The dataset lacks some of the months needed to check {subject}.", "not_covered")
    rows = list(values.values())
    basis: Basis = "derived" if any(r.derived for r in rows) else "recomputed"
    breaking = [(m, r) for m, r in values.items()
                if (r.value <= value - half if side == "above" else r.value >= value + half)]
    if breaking:
        month, row = breaking[0]
        return Outcome("refuted", f"{month} ({fmt_number(row.value)} t) was not {side} {fmt_number(value)} t, which "
                       f"breaks the claimed streak.", basis, f"{month}: {fmt_number(row.value)} t", error="material",
                       rows=rows)
    low = min(r.value for r in rows) if side == "above" else max(r.value for r in rows)
    return Outcome("supported", f"Every one of {subject} was {side} {fmt_number(value)} t (the "
                   f"{'lowest' if side == 'above' else 'highest'} was {fmt_number(low)} t).", basis,
                   f"{'lowest' if side == 'above' else 'highest'} {fmt_number(low)} t", rows=rows)


_YEAR_AGO_AFTER = re.compile(r"\s+(?:above|over|below|under)\s+(?:the\s+)?(?:year[\s-](?:earlier|ago)|a\s+year\s+(?:earlier|ago|before)|"
                             r"last\s+year(?:'s|’s))", re.I)
"""After a streak that compares each month with the same month a year before ('third straight month above the
year-earlier level')."""


_ENDED_BY = re.compile(r"\b(?:after|end(?:s|ed|ing)?|snap(?:s|ped|ping)|break(?:s|ing)?|broke)\s+(?:a\s+run\s+of\s+)?"
                       r"(?:\w+\s+){0,3}$", re.I)
"""Before a streak that the claim's month ended ('the first rise after three ...', 'breaks a run of two ...'): the
streak runs to the month before."""


def verify_streak(ds: Dataset, claim: Claim, partner: str, period: Period, settings: Settings) -> Outcome:
    if claim.value is None:
        return _unverifiable("The length of the streak could not be read.", "unresolved")
    level = streak_level(claim.text)
    if level is not None:
        return verify_level_streak(ds, claim, partner, period, level)
    n = int(claim.value)
    commodity = claim.commodity or ""
    direction = -1 if claim.direction == "down" else 1
    yoy = bool(re.search(r"year[\s-]on[\s-]year|y/y|yoy|annual", claim.sentence, re.I)
               or _YEAR_AGO_AFTER.match(claim.sentence, claim.sentence.find(claim.text) + len(claim.text)))
    end = period.end
    first_in = claim.rule == "streak.first_in"
    if claim.rule == "streak.after" or _ENDED_BY.search(claim.sentence[: max(0, claim.sentence.find(claim.text))]):
        end = end.shift(-1)
    months = [end.shift(-i) for i in range(n)]
    expected = [direction] * n
    if first_in:
        expected = [direction] + [-direction] * (n - 1)
    rows: list[Row] = []
    for month, want in zip(months, expected, strict=True):
        found = _monthly_change_sign(ds, commodity, partner, month, yoy)
        if found is None:
            return _unverifiable(f"The dataset lacks the months needed to check a streak ending {end}.", "not_covered")
        sign, used = found
        rows += used
        if sign != want:
            what = "rose" if sign > 0 else "fell"
            return Outcome("refuted", f"{_subject(commodity, partner, str(month))} {what} "
                           f"{'year on year' if yoy else 'from the month before'}, which breaks the claimed streak.",
                           "recomputed", f"{month} {what}", error="material", rows=rows)
    return Outcome("supported", f"Every month of the streak ending {end} moved as claimed "
                   f"({'year on year' if yoy else 'month on month'}).", "recomputed", None, rows=rows)


# --------------------------------------------------------------------------------------------- entry point


_LEVEL_KINDS = ("quantity", "cumulative_quantity")
_CHANGE_KINDS = ("mom_pct", "yoy_pct", "pct_change", "cumulative_yoy_pct")


def _scope_outcome(claim: Claim, ds: Dataset) -> Outcome | None:
    if not claim.in_scope:
        return _unverifiable(f"Out of the dataset's scope: {claim.scope_note or 'not China export data'}.", "out_of_scope")
    if claim.kind in ("price", "value_usd", "other"):
        return _unverifiable("Out of the dataset's scope: not an export tonnage, change, rank or share.", "out_of_scope")
    if claim.commodity == "other":
        series = "another series (e.g. Bloomberg's 'rare earth products' or magnet alloys)"
        return _unverifiable(f"The claim is about {series}, which is never mixed with customs magnets or rare earths.",
                             "excluded_series")
    if claim.commodity is None or claim.period is None:
        return _unverifiable("The commodity or period could not be resolved from the text.", "unresolved")
    partner = claim.partner or WORLD
    if not ds.covers(claim.commodity, partner):
        return _unverifiable(f"The dataset has no {COMMODITY_LABEL[claim.commodity]} export figures for {partner}.",
                             "not_covered")
    return None


def verify_claim(ds: Dataset, claim: Claim, settings: Settings) -> CheckedClaim:
    outcome = _scope_outcome(claim, ds)
    if outcome is None:
        partner = claim.partner or WORLD
        period = Period.parse(claim.period or "")
        base = Period.parse(claim.base_period) if claim.base_period else None
        outcome = _dispatch(ds, claim, partner, period, base, settings)
        if outcome.verdict == "refuted" and claim.context_partner and ds.covers(claim.commodity, claim.context_partner):
            alternative = _dispatch(ds, claim, claim.context_partner, period, base, settings)
            if alternative.verdict == "supported":
                claim = claim.model_copy(update={"partner": claim.context_partner})
                outcome = replace(alternative, reason=f"Read as exports to {claim.partner}, which the article was "
                                                      f"about before this sentence: {alternative.reason}")
    return CheckedClaim(
        **claim.model_dump(),
        verdict=outcome.verdict,  # type: ignore[arg-type]
        reason=outcome.reason,
        expected=outcome.expected,
        basis=outcome.basis,
        error=outcome.error,  # type: ignore[arg-type]
        unverifiable_reason=outcome.unverifiable_reason,  # type: ignore[arg-type]
        conflict=outcome.conflict,
        rows=[_evidence(r) for r in _unique(outcome.rows)],
    )


def _dispatch(ds: Dataset, claim: Claim, partner: str, period: Period, base: Period | None, settings: Settings) -> Outcome:
    kind = claim.kind
    if kind in _LEVEL_KINDS:
        return verify_level(ds, claim, partner, period, settings)
    if kind == "average_quantity":
        return verify_average(ds, claim, partner, period, settings)
    if kind in _CHANGE_KINDS:
        return verify_change(ds, claim, partner, period, base, settings)
    if kind == "multiple":
        return verify_multiple(ds, claim, partner, period, base, settings)
    if kind == "share_pct":
        return verify_share(ds, claim, partner, period, settings)
    if kind == "rank":
        return verify_rank(ds, claim, partner, period, settings)
    if kind == "extreme":
        return verify_extreme(ds, claim, partner, period, settings)
    if kind == "streak":
        return verify_streak(ds, claim, partner, period, settings)
    return _unverifiable("Out of the dataset's scope.", "out_of_scope")


def _unique(rows: list[Row]) -> list[Row]:
    seen: set[int] = set()
    out = []
    for row in rows:
        if row.line not in seen:
            seen.add(row.line)
            out.append(row)
    return out


@lru_cache(maxsize=ROW_CACHE_SIZE)
def _evidence(row: Row) -> Evidence:
    """Evidence is frozen, so one per row is shared by every claim that cites it; a worker's report then pickles
    (and the parent unpickles) each row once per chunk instead of once per citation."""
    return Evidence(commodity=row.commodity, partner=row.partner, period=row.period, metric=row.metric, value=row.value,
                    unit=row.unit, source_url=row.source_url, derived=row.derived, formula=row.formula, line=row.line)


# --------------------------------------------------------------------------------------------- internal consistency

def _stated_level(claim: CheckedClaim) -> Interval:
    value = (claim.value or Decimal(0)) * claim.scale
    return exact(value, (claim.precision or Decimal("0.5")) * claim.scale)


def _internal(change: CheckedClaim, level: CheckedClaim, base: CheckedClaim, settings: Settings) -> CheckedClaim:
    """Check a change against the two levels the same sentence gives ('from 46 tons in May to 353 tons in June')."""
    if not base.value:
        return change
    ratio = (level.value or Decimal(0)) * level.scale / (base.value * base.scale)
    if change.kind == "multiple":
        computed = ratio_interval(_stated_level(level), _stated_level(base))
        label = f"{ratio:.2f} times"
    else:
        computed = change_interval(_stated_level(level), _stated_level(base))
        label = fmt_pct(((ratio - 1) * 100).quantize(Decimal("0.01")))
    if computed is None:
        return change
    note = f"the article's own figures give {label} ({level.text} vs {base.text})"
    holds = _stated(change, settings).meets(computed)
    if change.verdict == "unverifiable" and change.unverifiable_reason in ("not_covered", "unresolved"):
        verdict = "supported" if holds else "refuted"
        reason = (f"The dataset has no figure for this change, but {note}, which "
                  f"{'agrees with' if holds else 'contradicts'} {change.text!r}.")
        return change.model_copy(update={"verdict": verdict, "reason": reason, "basis": "internal", "expected": label,
                                         "unverifiable_reason": None, "error": None if holds else "material"})
    if not holds:
        conflict = f"{change.conflict}; {note}" if change.conflict else note
        return change.model_copy(update={"conflict": conflict})
    return change


def check_internal_consistency(claims: list[CheckedClaim], settings: Settings) -> list[CheckedClaim]:
    """Where an article states both levels and the change between them, check that arithmetic too."""
    levels = {(c.sentence, c.commodity, c.partner, c.period): c for c in claims
              if c.kind in _LEVEL_KINDS and c.in_scope and c.value is not None and c.hedge is None}
    out = []
    for claim in claims:
        if claim.kind in (*_CHANGE_KINDS, "multiple") and claim.in_scope:
            level = levels.get((claim.sentence, claim.commodity, claim.partner, claim.period))
            base = levels.get((claim.sentence, claim.commodity, claim.partner, claim.base_period or ""))
            if level is not None and base is None and claim.base_period is None:
                # "from 20 tons in May to 40 tons in June, a 100% increase": the other level is the base
                others = [c for key, c in levels.items() if key[:3] == (claim.sentence, claim.commodity, claim.partner)
                          and c.period != claim.period]
                base = others[0] if len(others) == 1 else None
            if level is not None and base is not None:
                claim = _internal(claim, level, base, settings)
        out.append(claim)
    return out


def verify_claims(ds: Dataset, claims: list[Claim], settings: Settings) -> list[CheckedClaim]:
    """Verify every claim of one article against the dataset, then against the article's own figures."""
    return check_internal_consistency([verify_claim(ds, claim, settings) for claim in claims], settings)
