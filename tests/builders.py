"""Hand-built CheckedClaims for the renderer and browser tests."""

from __future__ import annotations

from decimal import Decimal

from checker.report import CheckedClaim, Series, SeriesPoint


def checked(text: str, quote: str, verdict: str, *, occurrence: int = 0, **fields: object) -> CheckedClaim:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    before = text[:start]
    defaults: dict[str, object] = {
        "reason": f"{verdict} because of the data",
        "kind": "quantity",
        "rule": "test",
    }
    defaults.update(fields)
    return CheckedClaim(
        start=start,
        end=start + len(quote),
        line=before.count("\n") + 1,
        col=start - (before.rfind("\n") + 1) + 1,
        text=quote,
        sentence=quote,
        verdict=verdict,
        **defaults,
    )


def world_magnet_series(*claimed: SeriesPoint) -> Series:
    """World magnet tonnages for June and July 2025, with the points an article claims."""
    return Series(
        commodity="rare_earth_magnets",
        partner="World",
        points=[
            SeriesPoint(period="2025-06", value=Decimal(3188)),
            SeriesPoint(period="2025-07", value=Decimal(5577)),
        ],
        claimed=list(claimed),
    )
