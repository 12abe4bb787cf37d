"""Numbers are intervals: the rounding interval of a written figure, opened by its hedge, and the test that a
claim's interval meets the evidence's. One table-driven place for the rules in gold/README.md."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from checker.report import Settings

INF = Decimal("Infinity")


@dataclass(frozen=True)
class Interval:
    low: Decimal
    high: Decimal
    low_open: bool = False
    high_open: bool = False

    def meets(self, other: Interval) -> bool:
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low and (self.high_open or other.low_open):
            return False
        if other.high == self.low and (other.high_open or self.low_open):
            return False
        return True

    def distance(self, other: Interval) -> Decimal:
        """0 when they meet, else the gap between them."""
        if self.meets(other):
            return Decimal(0)
        return other.low - self.high if self.high < other.low else self.low - other.high

    def scaled(self, factor: Decimal) -> Interval:
        return Interval(self.low * factor, self.high * factor, self.low_open, self.high_open)

    def describe(self, unit: str = "") -> str:
        lo = "(" if self.low_open else "["
        hi = ")" if self.high_open else "]"
        return f"{lo}{_fmt(self.low)}, {_fmt(self.high)}{hi}{unit}"


def _fmt(value: Decimal) -> str:
    if value in (INF, -INF):
        return "∞" if value > 0 else "-∞"
    return f"{value:.4f}".rstrip("0").rstrip(".")


def exact(value: Decimal, half: Decimal) -> Interval:
    return Interval(value - half, value + half)


def claim_interval(value: Decimal, half: Decimal, hedge: str | None, settings: Settings) -> Interval:
    """The values a stated figure allows. For falls the hedge applies to the size of the fall."""
    sign = Decimal(-1) if value < 0 else Decimal(1)
    size = abs(value)
    if hedge in ("nearly", "almost"):
        magnitude = Interval(size * (1 - settings.nearly_slack), size + half)
    elif hedge in ("over", "more than"):
        magnitude = Interval(size, INF, low_open=True)
    elif hedge == "less than":
        magnitude = Interval(-INF, size, high_open=True)
    elif hedge in ("about", "roughly"):
        width = max(size * settings.about_slack, half)
        magnitude = Interval(size - width, size + width)
    else:
        magnitude = Interval(size - half, size + half)
    if sign > 0:
        return magnitude
    return Interval(-magnitude.high, -magnitude.low, magnitude.high_open, magnitude.low_open)


def ratio_interval(numerator: Interval, denominator: Interval) -> Interval | None:
    """numerator / denominator for positive intervals; None when the denominator can be zero."""
    if denominator.low <= 0:
        return None
    return Interval(numerator.low / denominator.high, numerator.high / denominator.low)


def change_interval(level: Interval, base: Interval) -> Interval | None:
    """Percentage change from base to level: 619 t over 353 t, each +/-0.5, is +74.96% ... +75.74%."""
    ratio = ratio_interval(level, base)
    if ratio is None:
        return None
    return Interval((ratio.low - 1) * 100, (ratio.high - 1) * 100)


def is_near_miss(claimed: Decimal, half: Decimal, evidence: Interval, settings: Settings) -> bool:
    """Refuted by no more than one unit of the last written digit ('15%' against +15.7%)."""
    unit = half * 2 * settings.near_miss_units
    widened = Interval(claimed - half - unit, claimed + half + unit)
    return widened.meets(evidence)
