"""The interval and hedge judge at each boundary (gold/README.md, 'Numbers are intervals' and 'Hedges')."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from checker.judge import Interval, change_interval, claim_interval, exact, is_near_miss
from checker.report import Settings
from claims.numbers import half_unit

S = Settings()


@pytest.mark.parametrize("written, half", [
    ("75.5", D("0.05")), ("3,188", D("0.5")), ("660", D("0.5")), ("22,000", D(500)), ("5,600", D(50)),
    ("50", D("0.5")), ("6,149.95", D("0.005")), ("38.563.6", D("0.05")),
])
def test_half_unit_of_written_figure(written: str, half: D) -> None:
    assert half_unit(written) == half


@pytest.mark.parametrize("value, hedge, evidence, holds", [
    (D("75.5"), None, D("75.45"), True),       # lower edge of [75.45, 75.55]
    (D("75.5"), None, D("75.55"), True),       # upper edge
    (D("75.5"), None, D("75.56"), False),
    (D("75.5"), None, D("75.44"), False),
    (D("76"), None, D("75.53"), True),         # 76 covers [75.5, 76.5]
    (D("75"), "nearly", D("67.5"), True),      # [0.9 v, v + half]
    (D("75"), "nearly", D("67.4"), False),
    (D("75"), "nearly", D("75.5"), True),
    (D("75"), "nearly", D("75.6"), False),
    (D("7"), "over", D("7.01"), True),         # (v, inf)
    (D("7"), "over", D("7"), False),
    (D("7"), "over", D("6.9"), False),
    (D("0.1"), "less than", D("0.09"), True),  # (-inf, v)
    (D("0.1"), "less than", D("0.1"), False),
    (D("100"), "about", D("110"), True),       # v +/- max(10%, half)
    (D("100"), "about", D("110.1"), False),
    (D("100"), "about", D("90"), True),
    (D("-19"), "nearly", D("-18.9"), True),    # for falls the hedge applies to the size of the fall
    (D("-19"), "nearly", D("-19.6"), False),
    (D("-19"), "nearly", D("-17.0"), False),
])
def test_claim_interval_against_a_point(value: D, hedge: str | None, evidence: D, holds: bool) -> None:
    half = half_unit(format(abs(value), "f"))
    stated = claim_interval(value, half, hedge, S)
    assert stated.meets(Interval(evidence, evidence)) is holds


def test_change_interval_carries_level_rounding() -> None:
    # 619 t over 353 t, each +/- 0.5, is +74.96% ... +75.74% (gold/README.md)
    change = change_interval(exact(D(619), D("0.5")), exact(D(353), D("0.5")))
    assert change is not None
    assert round(change.low, 2) == D("74.96")
    assert round(change.high, 2) == D("75.74")


def test_change_interval_refuses_zero_base() -> None:
    assert change_interval(exact(D(10), D("0.5")), exact(D(0), D("0.5"))) is None


def test_open_ends_do_not_meet_at_the_boundary() -> None:
    assert not Interval(D(7), D("Infinity"), low_open=True).meets(Interval(D(5), D(7)))
    assert Interval(D(7), D("Infinity")).meets(Interval(D(5), D(7)))


@pytest.mark.parametrize("claimed, truth, near", [
    (D(15), D("15.7"), True),    # one unit of the last digit
    (D(15), D("16.4"), True),
    (D(15), D("16.6"), False),
    (D("75.5"), D("75.62"), True),
    (D("75.5"), D("75.8"), False),
])
def test_near_miss_is_one_unit_of_the_last_digit(claimed: D, truth: D, near: bool) -> None:
    half = half_unit(format(claimed, "f"))
    assert is_near_miss(claimed, half, Interval(truth, truth), S) is near
