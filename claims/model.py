"""The Claim: one numeric statement found in an article, with its subject, period and base resolved."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

ClaimKind = Literal[
    "quantity",
    "cumulative_quantity",
    "average_quantity",
    "mom_pct",
    "yoy_pct",
    "pct_change",
    "cumulative_yoy_pct",
    "multiple",
    "rank",
    "extreme",
    "streak",
    "share_pct",
    "price",
    "value_usd",
    "other",
]
Hedge = Literal["nearly", "almost", "over", "more than", "less than", "about", "roughly", "among"]
CommodityName = Literal["rare_earth_magnets", "rare_earths", "other"]
SERIES: tuple[str, ...] = ("rare_earth_magnets", "rare_earths")
"""The two series the dataset holds; "other" is everything else."""
Unit = Literal["t", "kg", "short_ton", "%", "times", "rank", "usd", "count", "none"]


class Claim(BaseModel):
    """One numeric claim. Offsets are character offsets into the decoded article text."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    line: int
    col: int
    text: str
    """The quote: exactly the article text between start and end."""
    sentence: str
    kind: ClaimKind
    value: Decimal | None = None
    """The number as written, signed (falls negative), in the unit written."""
    decimals: int = 0
    """Digits after the point as written; with `precision_digits` it sets the rounding interval."""
    precision: Decimal | None = None
    """Half-width of the rounding interval of the number as written (0.5 for '3,188', 500 for '22,000')."""
    hedge: Hedge | None = None
    unit: Unit = "none"
    scale: Decimal = Decimal(1)
    """Multiplier from the written unit to the dataset unit (kg -> t is 0.001)."""
    commodity: CommodityName | None = None
    partner: str | None = None
    period: str | None = None
    base_period: str | None = None
    window: str | None = None
    """For extremes and streaks: the months compared."""
    context_partner: str | None = None
    """For a figure whose sentence names no destination before it: the destination the article was last about,
    in an earlier paragraph ('August eased to 590 tonnes' in a story about US shipments). The verifier reads the
    figure as that destination's only when the whole flow refutes it."""
    partners: list[str] | None = None
    """For a rank list: the partners in printed order (this claim is about `partner`). For a multiple of another
    destination in the same period ('four times as much as Japan'): [partner, that destination]."""
    direction: Literal["high", "low", "up", "down"] | None = None
    """For extremes and streaks."""
    in_scope: bool = True
    """False for numbers that are not China export data (tariffs, prices, global shares, counts)."""
    scope_note: str | None = None
    rule: str
    """The id of the extraction rule that found it."""
