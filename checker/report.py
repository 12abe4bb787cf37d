"""The output contract: one Report, rendered by every format. Bump SCHEMA_VERSION on any change."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claims.model import Claim

SCHEMA_VERSION = 1

Verdict = Literal["supported", "refuted", "unverifiable"]
Basis = Literal["recomputed", "published", "derived", "internal"]
ErrorSize = Literal["near_miss", "material"]
UnverifiableReason = Literal["out_of_scope", "not_covered", "unresolved", "excluded_series"]


class Evidence(BaseModel):
    """A dataset row used for a verdict, with its source."""

    model_config = ConfigDict(frozen=True)

    commodity: str
    partner: str
    period: str
    metric: str
    value: Decimal
    unit: str
    source_url: str
    derived: bool = False
    formula: str | None = None
    line: int


class CheckedClaim(Claim):
    verdict: Verdict
    reason: str
    """One sentence for a reporter: what was compared with what."""
    expected: str | None = None
    """What the data gives, formatted in the claim's unit; None when unverifiable."""
    basis: Basis | None = None
    error: ErrorSize | None = None
    """For refuted claims: a near miss (one unit of the last digit) or a material error."""
    unverifiable_reason: UnverifiableReason | None = None
    conflict: str | None = None
    """Where recomputation and a published figure disagree, both are named here."""
    rows: list[Evidence] = Field(default_factory=list)


class Summary(BaseModel):
    claims: int = 0
    supported: int = 0
    refuted: int = 0
    unverifiable: int = 0


class Settings(BaseModel):
    """The tolerances a verdict depends on, printed with every report."""

    about_slack: Decimal = Decimal("0.10")
    """'about', 'roughly', 'around', 'some': v +/- max(10% of v, half a unit)."""
    nearly_slack: Decimal = Decimal("0.10")
    """'nearly', 'almost': [0.9 v, v + half a unit]."""
    near_miss_units: Decimal = Decimal("1")
    """A refuted figure within this many units of its last digit is a near miss."""


class SeriesPoint(BaseModel):
    model_config = ConfigDict(frozen=True)  # one point is shared by every report that charts its series

    period: str
    value: Decimal


class Series(BaseModel):
    """Monthly tonnages of one series a claim touches, for the report's small charts."""

    commodity: str
    partner: str
    points: list[SeriesPoint] = Field(default_factory=list)
    claimed: list[SeriesPoint] = Field(default_factory=list)
    """Levels the article states for this series (the claimed points to mark)."""


class DocumentReport(BaseModel):
    path: str
    published: date | None = None
    published_source: str | None = None
    """Where the article date came from: option, front matter, meta, dateline or data."""
    claims: list[CheckedClaim] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
    warnings: list[str] = Field(default_factory=list)
    series: list[Series] = Field(default_factory=list)
    text: str | None = Field(default=None, exclude=True)
    """The article text, for the HTML report's highlights; not part of the JSON output."""


class Report(BaseModel):
    schema_version: Literal[1] = SCHEMA_VERSION
    dataset: str
    dataset_sha256: str
    settings: Settings = Field(default_factory=Settings)
    documents: list[DocumentReport] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)
    """One line per input that could not be checked."""


def summarise(claims: list[CheckedClaim]) -> Summary:
    counts = {"supported": 0, "refuted": 0, "unverifiable": 0}
    for claim in claims:
        counts[claim.verdict] += 1
    return Summary(claims=len(claims), **counts)
