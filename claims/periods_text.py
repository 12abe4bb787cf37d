"""Period mentions in text ("in June", "June 2024", "the first half", "from January to July", "a year earlier"),
resolved against the article's reporting month."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from typing import Literal

from claims.lexicon import needles
from claims.numbers import word_to_number
from claims.periods import Month, Period

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
MONTH_PATTERN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|"
    r"JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
    r"JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC|(?<=FROM\s)MAY|(?<=SINCE\s)MAY|(?<=IN\s)MAY|(?<=VS\s)MAY|"
    r"MAY(?=\s+(?:19|20)\d\d))\.?"
)
"""A month's name, abbreviated or not, in capitals too ('CHINA JUN EXPORTS'); 'MAY' in capitals only after a word
that makes it a date ('FROM MAY') or before a year, since a headline in capitals uses it as a verb."""
_MONTH = MONTH_PATTERN
_YEAR = r"(?:19|20)\d{2}"
_DASH = r"\s?(?:-|–|—|-?to-?|through|until|and)\s?"

MentionKind = Literal["month", "range", "year", "yoy", "mom", "reporting"]


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    kind: MentionKind
    period: Period | None
    """None for relative mentions ('a year earlier'), resolved against the claim's period."""
    base: bool = False
    """True when the mention is the thing compared against ('from May', 'than June 2024')."""
    lead_start: int | None = None
    """For a base: where the words that make it one begin ('from' in 'from May')."""
    months_after: int = 1
    """For a period that follows the one named before it: how many months later ('the following month' 1, 'a year
    later' 12)."""

    @property
    def lead(self) -> int:
        """Where the mention begins with its lead words, if it has any."""
        return self.lead_start if self.lead_start is not None else self.start


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def resolve_month(month: int, year: int | None, reporting: Month) -> Month:
    """A month named without a year is its latest occurrence not after the reporting month's successor."""
    if year is not None:
        return Month(year, month)
    latest = reporting.shift(1)
    candidate = Month(latest.year, month)
    return candidate if candidate <= latest else Month(latest.year - 1, month)


_BASE_LEAD = (
    r"(?:from|vs\.?|versus|compared\s+(?:to|with)|than|over|against|on|above|below|under|ahead\s+of|behind|short\s+of|relative\s+to|"
    r"times|fold|double|twice|triple|treble|quadruple|(?<!first\s)(?<!second\s)half(?:\s+of)?(?!\s+(?:in|during|for)\b)|"
    r"in\s+comparison\s+(?:to|with)|"
    r"what\s+(?:it|they|the\s+\w+|[A-Z]\w+)\s+(?:had\s+)?(?:bought|took|taken|received|imported|got|shipped))"
    r"(?:\s+(?:(?:the\s+|its\s+|their\s+)?(?:figure|level|volume|total|exports?|shipments?|pace(?:\s+set)?)|those|that)\s+(?:for|of|in))?"
)

_MONTH_NEEDLES = needles("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_FIRST = "JFMASOND"
"""The first letters of `_MONTH`: a pattern that starts with a month name looks ahead for one of them first, which
spares `re` trying the whole alternation at every position of the text."""
_PATTERNS: list[tuple[str, re.Pattern[str] | None, re.Pattern[str]]] = [
    # (name, lower-case words one of which every match contains: the pattern is skipped without them, pattern)
    ("month_list", _MONTH_NEEDLES, re.compile(
        rf"(?=[{_MONTH_FIRST}])\b(?P<m1>{_MONTH})(?:,\s+{_MONTH})+,?\s+and\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?\b")),
    ("range_months", _MONTH_NEEDLES, re.compile(
        rf"(?=[FfBb{_MONTH_FIRST}])\b(?:[Ff]rom\s+|[Bb]etween\s+)?(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?{_DASH}(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR})|\s+(?P<last>last\s+year))?\b")),
    ("first_half", needles("half", "1h", "h1", "midyear", "mid-year"), re.compile(
        rf"\b(?:the\s+)?(?:first[\s-]half|1H|H1|mid-?year|half[\s-]year\s+(?:mark|point))(?:(?P<yy>\d\d)\b|(?:\s+of)?(?:\s+(?:the\s+year|this\s+year|(?P<last>last\s+year)|(?P<y>{_YEAR})))?\b)", re.I)),
    ("second_half", needles("half", "2h", "h2"), re.compile(
        rf"\b(?:the\s+)?(?:second[\s-]half|2H|H2)(?:(?P<yy>\d\d)\b|(?:\s+of)?(?:\s+(?:the\s+year|this\s+year|(?P<last>last\s+year)|(?P<y>{_YEAR})))?\b)", re.I)),
    ("first_n_months", needles("first", "month total", "month tally", "month period", "month shipments", "month exports",
                               "month volume"), re.compile(
        rf"\b(?:(?:the\s+)?first\s+(?P<n>\w+)\s+months?(?:\s+of)?(?:\s+(?:the\s+year|this\s+year|(?P<last>last\s+year)|(?P<y>{_YEAR})))?|"
        rf"(?P<n2>\w+)[\s-]month\s+(?:total|tally|period|shipments|exports|volumes?)(?:\s+(?:of|for)\s+(?P<y2>{_YEAR}))?)\b",
        re.I)),
    ("trailing_year", needles("12 months", "twelve months"), re.compile(
        r"\b(?:over|in|during|for|across)\s+the\s+(?:past\s+|last\s+|previous\s+|preceding\s+)?(?:12|twelve)\s+months\b", re.I)),
    ("first_quarters", needles("quarters"), re.compile(
        rf"\b(?:the\s+)?first\s+(?P<n>\w+)\s+quarters(?:\s+of)?(?:\s+(?:the\s+year|this\s+year|(?P<y>{_YEAR})))?\b", re.I)),
    ("quarter", needles("quarter", "q1", "q2", "q3", "q4"), re.compile(
        rf"\b(?:(?:the\s+)?(?P<nth>first|second|third|fourth)[\s-]quarter|Q(?P<q>[1-4])|(?P<q2>[1-4])Q(?=\d\d\b))"
        rf"(?:(?P<yy>\d\d)\b|(?:\s+of)?(?:\s+(?:the\s+year|this\s+year|(?P<y>{_YEAR})))?\b)", re.I)),
    ("through_month", needles("through", "up", "end", "year"), re.compile(rf"\b(?:through(?:\s+the\s+end\s+of)?|up\s+to|(?:to|at|by|as\s+of|as\s+late\s+as)\s+the\s+end\s+of|in\s+the\s+year\s+(?:through|to))\s+(?P<m>{_MONTH})"
                                 rf"(?:\s+(?P<y>{_YEAR}))?\b", re.I)),
    ("year_end_month", needles("final month of", "last month of", "closing month of"), re.compile(
        rf"\bthe\s+(?:final|last|closing)\s+month\s+of\s+(?:(?P<y>{_YEAR})|the\s+year|(?P<last>last\s+year))\b", re.I)),
    ("month_year_before", _MONTH_NEEDLES, re.compile(
        rf"(?=[{_MONTH_FIRST}])\b(?P<m>{_MONTH})\s+(?:of\s+)?(?:(?P<last>last\s+year)|the\s+(?:previous|prior)\s+year|the\s+year\s+before|a\s+year\s+(?:ago|earlier|before))\b(?!['’]s)")),
    ("last_year", needles("last"), re.compile(r"(?:^(?=last)|(?<=[.:;,]\s)(?=last)|\b(?:in|for|during|(?:all|the\s+whole)\s+of)\s+|(?=last)(?<!\bthan\s)(?<!\bfrom\s)"
                             r"(?<!\bon\s)(?<!\bvs\s)(?<!\bwith\s)(?<!\bto\s)(?<!\bof\s)(?<!\bover\s)(?<!\bperiod\s)(?<!\bmonth\s)"
                             r"(?<!\bmonths\s)(?<!\btime\s)(?<!\bstretch\s)(?<!\bspan\s)(?<!\bwindow\s)(?<=\w\s))"
                             r"last\s+year(?:['’]s(?!\s+(?:pace|levels?|figures?|rate)\b)|\b(?!['’]s))", re.I)),
    ("ytd", needles("year", "ytd", "far"), re.compile(
        r"\b(?:year[- ]to[- ]date|so\s+far\s+this\s+year|(?:for\s+)?the\s+year\s+so\s+far|YTD|this\s+year(?![’']s))\b", re.I)),
    ("same_period", needles("same", "corresponding", "comparable"), re.compile(
        rf"\b(?:the\s+)?(?:same|corresponding|comparable)\s+(?P<unit>period|month|time|months|stretch|span|window|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months)\s+(?:of\s+|in\s+)?(?:last\s+year|a\s+year\s+(?:earlier|ago)|the\s+previous\s+year|the\s+prior\s+year|(?P<y>{_YEAR}))", re.I)),
    ("yoy_relative", needles("year", "month"), re.compile(
        r"\b(?:(?:from|than|on|over)\s+)?(?:a\s+year\s+(?:earlier|ago|before|prior)|the\s+year\s+(?:before|earlier)|"
        r"on\s+the\s+year|last\s+year(?:'s|’s)?(?:\s+(?:pace|level|figure|levels))?|the\s+previous\s+year|the\s+prior\s+year)\b", re.I)),
    ("mom_relative", needles("month"), re.compile(
        r"\b(?:(?:from|than|over|on)\s+)?(?:the\s+previous\s+month|a\s+month\s+(?:earlier|ago|before)|the\s+prior\s+month|"
        r"the\s+month\s+(?:before|earlier)|one\s+month\s+to\s+the\s+next)\b", re.I)),
    ("last_month", needles("last"), re.compile(r"\blast\s+month\b", re.I)),
    ("year_later", needles("year later", "months later"), re.compile(r"\b(?:a\s+year|twelve\s+months|12\s+months)\s+later\b", re.I)),
    ("following_month", needles("following", "next", "subsequent", "later"), re.compile(
        r"\b(?:the\s+)?(?:following|next|subsequent)\s+month\b|\ba\s+month\s+later\b", re.I)),
    ("full_year", needles("year", "annual"), re.compile(r"\b(?:for\s+the\s+(?:full\s+|whole\s+)?year(?:\s+as\s+a\s+whole)?|full[\s-]year|"
                                                        r"the\s+whole\s+year|the\s+year\s+as\s+a\s+whole|annual\s+total|"
                                                        r"(?:over|across|throughout)\s+the\s+(?:course\s+of\s+the\s+|full\s+|whole\s+|entire\s+)?year"
                                                        r"(?![\s-]+(?:earlier|before|ago|prior|to|on|over)\b))\b", re.I)),
    ("month", _MONTH_NEEDLES, re.compile(rf"(?=[{_MONTH_FIRST}])(?<!\d\s)\b(?P<m>{_MONTH})(?!\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![.,]\d)(?!\s*(?:%|per|tons?|tonnes?|t\b)))"
                         rf"(?:(?:'s|’s)|\s+(?:of\s+)?(?P<y>{_YEAR})\b|(?:-|\s?['’])(?P<yy>\d\d)\b(?![-/.,]?\d)|(?![\w’']))")),
    ("fiscal_year", needles("fy"), re.compile(r"\bFY\s?(?P<yy>(?:20)?\d\d)\b")),
    ("year", needles("19", "20"), re.compile(rf"(?<![\d/.,-])(?P<y>{_YEAR})(?![\d%]|[.,]\d|\s?(?:t\b|tons|tonnes))")),
]

_BASE_BEFORE = re.compile(
    rf"(?:{_BASE_LEAD}\s+(?:(?:in|during|for)\s+)?(?:the\s+|its\s+|their\s+|last\s+)?(?:same\s+\w+\s+(?:of|in)\s+)?(?:(?:equivalent|corresponding|comparable)\s+)?|\b(?:from|against|compared\s+(?:with|to)|vs\.?|versus|(?:than|compared\s+(?:with|to)|vs\.?|versus)\s+the)\s+[\d,.]+\s*(?:metric\s+)?(?:tons?|tonnes?|t)\s+(?:(?:shipped|exported|sent|sold|recorded|delivered|received|imported|bought|taken)\s+)?(?:in|for|during|of)\s+)$",
    re.I)
_QUARTERS = {"two": 2, "three": 3}


_MONTH_NAME = re.compile(_MONTH)


def _consecutive(months: list[int]) -> bool:
    return all(later == earlier % 12 + 1 for earlier, later in pairwise(months))


def months_named(text: str) -> int:
    """How many month names a period mention spells out ('April, May and June': 3)."""
    return len(_MONTH_NAME.findall(text))


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _short_year(text: str | None) -> int | None:
    """'25' (in 'Jan-25', '1H25', 'FY25') -> 2025."""
    return 2000 + int(text[-2:]) if text else None


EARLY_MONTHS = 3
"""Up to this data month, a full year named without its year is the year before: early in a year articles report the
last one's results, later they look ahead to the current one ('full-year shipments could finish near 63,000 t')."""


def _last_year(reporting: Month) -> int:
    """'Last year' in an article: the year before publication (the month after the reporting month)."""
    return reporting.shift(1).year - 1


def _cumulative(months: int, year: int | None, reporting: Month, default_year: int | None = None) -> Period:
    y = year if year is not None else (default_year or reporting.year)
    return Period(Month(y, 1), Month(y, months))


def _mention(name: str, m: re.Match[str], reporting: Month, default_year: int | None = None
             ) -> tuple[MentionKind, Period | None] | None:
    g = m.groupdict()
    if name == "month_list":  # "October, November and December": a span only when the months follow one another
        if not _consecutive([month_number(n) for n in _MONTH_NAME.findall(m.group(0))]):
            return None
        name = "range_months"
    if name == "range_months":
        y2 = _year(g.get("y2")) or _year(g.get("y1")) or (_last_year(reporting) if g.get("last") else default_year)
        end = resolve_month(month_number(g["m2"]), y2, reporting)
        y1 = _year(g.get("y1")) or end.year
        start = Month(y1, month_number(g["m1"]))
        if start > end:
            start = Month(end.year - 1, start.month)
        return "range", Period(start, end)
    if name in ("first_half", "second_half"):
        year = _year(g.get("y")) or _short_year(g.get("yy")) or (_last_year(reporting) if g.get("last") else None)
        first_half = _cumulative(6, year, reporting, default_year)
        return "range", first_half if name == "first_half" else Period(first_half.start.shift(6), first_half.end.shift(6))
    if name == "first_n_months":  # "the first eight months of 2025", "the eight-month total"
        n = word_to_number(g.get("n") or g.get("n2") or "")
        if n is None or not 1 < n <= 12:
            return None
        last = _last_year(reporting) if g.get("last") else None  # "the first nine months of last year"
        return "range", _cumulative(int(n), last or _year(g.get("y") or g.get("y2")), reporting, default_year)
    if name == "first_quarters":
        n = _QUARTERS.get(g["n"].lower())
        return ("range", _cumulative(3 * n, _year(g.get("y")), reporting, default_year)) if n else None
    if name == "quarter":
        number = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get((g.get("nth") or "").lower()) or int(
            g.get("q") or g.get("q2") or 1)
        first = _cumulative(3, _year(g.get("y")) or _short_year(g.get("yy")), reporting, default_year)
        return "range", Period(first.start.shift(3 * (number - 1)), first.end.shift(3 * (number - 1)))
    if name == "through_month":
        end = resolve_month(month_number(g["m"]), _year(g.get("y")), reporting)
        return "range", Period(Month(end.year, 1), end)
    if name == "year_end_month":  # "the final month of 2024": December
        year = _year(g.get("y")) or (_last_year(reporting) if g.get("last") else default_year or reporting.year)
        return "month", Period.month(year, 12)
    if name == "last_year":
        return "year", Period.year(_last_year(reporting))
    if name == "full_year":  # in March 2025 "full-year exports were 55,431 tonnes" is 2024's; in December, this year's
        return "year", Period.year(default_year or (reporting.year - 1 if reporting.month <= EARLY_MONTHS else reporting.year))
    if name == "ytd":
        return "range", Period(Month(reporting.year, 1), reporting)
    if name == "trailing_year":  # "over the past 12 months": the twelve months to the latest reported one
        return "range", Period(reporting.shift(-11), reporting)
    if name == "same_period":  # "the same seven months of 2023": January to July 2023
        year = _year(g.get("y"))
        months = word_to_number(re.sub(r"\s+months$", "", g["unit"].lower())) if g["unit"].lower().endswith(" months") else None
        if year and months is not None and 1 < months <= 12:
            return "yoy", _cumulative(int(months), year, reporting)
        return "yoy", (Period.year(year) if year else None)
    if name == "yoy_relative":
        return "yoy", None
    if name == "mom_relative":
        return "mom", None
    if name == "last_month":
        return "reporting", Period(reporting, reporting)
    if name in ("following_month", "year_later"):  # after the one named before it: set by _following_months
        return "month", None
    if name == "month_year_before":  # "November last year": last year is the year before publication
        if g.get("last"):
            month = Month(_last_year(reporting), month_number(g["m"]))
        else:  # "June of the year before": a year before the June under discussion
            month = resolve_month(month_number(g["m"]), default_year, reporting).shift(-12)
        return "month", Period(month, month)
    if name == "fiscal_year":  # customs data run by calendar year: "FY25" is 2025
        return "year", Period.year(_short_year(g["yy"]) or reporting.year)
    if name == "month":
        written = _year(g.get("y")) or _short_year(g.get("yy"))  # "June 2025", "Jan-25"
        if written is None and _LAST_BEFORE.search(m.string, max(0, m.start() - 5), m.start()):
            written = _last_year(reporting)  # "last July": July of the year before publication
        month = resolve_month(month_number(g["m"]), written, reporting)
        if month > reporting and default_year and Month(default_year, month.month) <= reporting:
            month = Month(default_year, month.month)  # no data yet for a month after the reporting month
        return "month", Period(month, month)
    if name == "year":
        year = int(g["y"])
        if year == reporting.year and reporting.month < 12:
            return "range", Period(Month(year, 1), reporting)  # "2025 exports" before the year is over: year to date
        return "year", Period.year(year)
    return None


_LAST_BEFORE = re.compile(r"\blast\s+$", re.I)


BASE_LEVEL_VERB = re.compile(r"\s+(?:was|were|had\s+been|stood\s+at|came\s+in\s+at)\s+[~≈]?(?=\d)")
"""After a month in parentheses that gives the base's level, up to the figure: '↓ 5.2% MoM (September was 5,774 t)'."""


def find_periods(text: str, reporting: Month, default_year: int | None = None,
                 only: frozenset[str] | None = None, section_year: int | None = None) -> list[PeriodMention]:
    """Every period mention in `text`, longest first where they overlap, in text order; `only` limits the
    patterns to those names. A month named without a year takes `section_year` (from a heading such as
    '2023 IN REVIEW') unless the text names another year before it."""
    taken: list[tuple[int, int]] = []
    out: list[PeriodMention] = []
    lower = text.lower()
    for name, words, pattern in _PATTERNS:
        if only is not None and name not in only or words is not None and not words.search(lower):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if name == "month" and m.group("m") == "May" and _may_is_verb(text, m.start()):
                continue
            if name == "ytd" and _MONTH_OF_THIS_YEAR.search(text, max(0, m.start() - 12), m.start()):
                continue  # "June this year" is June: the month pattern dates it
            found = _mention(name, m, reporting, default_year)
            if found is None:
                continue
            kind, period = found
            window = max(0, m.start() - 60)
            lead = _BASE_BEFORE.search(text[window: m.start()])
            base = bool(lead) and not _loose_lead(lead.group(0), text[window: m.start()])
            lead_start = window + lead.start() if base and lead else m.start()
            if name not in ("range_months", "full_year", "trailing_year"):  # "over the year" is the year itself, not a base
                base = base or m.group(0).lower().startswith(("from", "than", "vs", "versus", "compared", "over", "on "))
            base = base or (text[m.start() - 1: m.start()] == "(" and BASE_LEVEL_VERB.match(text, m.end()) is not None)
            taken.append((m.start(), m.end()))
            out.append(PeriodMention(m.start(), m.end(), kind, period, base, lead_start if base else None,
                                     months_after=12 if name == "year_later" else 1))
    out = _year_of_a_spans_total(text, _year_to_date_of_a_month_end(text, out))
    return _following_months(_years_carried(text, sorted(out, key=lambda p: p.start), reporting, section_year))


_WHOLE_YEAR_LEAD = re.compile(r"\b(?:all|whole|full|entire|end|since|before|after|until)\s+(?:of\s+)?(?:the\s+)?(?:year\s+)?$", re.I)


_FULL_YEAR_WORDS = re.compile(r"\b(?:full[\s-]year|whole\s+year|entire\s+year|year\s+as\s+a\s+whole|annual)\b", re.I)


def years_of_a_span(text: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
    """In a sentence about one span of months, a bare year is that span in that year: 'the seven-month total fell to
    27,897 tonnes in 2025, 15% down on 2024' is January-July 2025 against January-July 2024. A span without its
    own year takes the year of the first 'in 2025' that is not a base. 'All of 2024' and '2024's level' stay years."""
    bare = [p for p in mentions if p.period is not None and _BARE_YEAR.fullmatch(text, p.start, p.end)
            and not _WHOLE_YEAR_LEAD.search(text, max(0, p.start - 30), p.lead) and text[p.end:p.end + 1] not in "'’"]
    spans = {(p.period.start.month, p.period.end.month) for p in mentions
             if p.kind == "range" and p.period is not None and not _BARE_YEAR.fullmatch(text, p.start, p.end)}
    if not bare or len(spans) != 1 or any(_FULL_YEAR_WORDS.search(text, p.start, p.end) for p in mentions):
        return mentions  # "For the full year, 1.3% less than in 2024, as ... cut second-quarter shipments": years
    first, last = spans.pop()
    if first > last:
        return mentions
    own = next((p.period.end.year for p in bare if not p.base and _IN_YEAR.search(text, 0, p.start)), None)
    out = []
    for p in mentions:
        if p in bare:
            year = p.period.end.year
            p = replace(p, kind="range", period=Period(Month(year, first), Month(year, last)))
        elif p.kind == "range" and own is not None and p.period is not None and not names_its_year(text, p):
            p = replace(p, period=Period(Month(own, first), Month(own, last)))
        out.append(p)
    return out


_BARE_YEAR = re.compile(_YEAR)
_IN_YEAR = re.compile(r"\b(?:in|for|during)\s+$", re.I)


def _following_months(mentions: list[PeriodMention]) -> list[PeriodMention]:
    """'131 tonnes in June but ... the following month, to 232 tonnes': the month after the last month named before
    it; with none named, it stays unresolved."""
    out: list[PeriodMention] = []
    for p in mentions:
        if p.kind == "month" and p.period is None:
            named = [q.period for q in out if q.kind == "month" and q.period is not None and not q.base]
            later = named[-1].end.shift(p.months_after) if named else None
            p = replace(p, period=Period(later, later) if later else None)
        out.append(p)
    return out


_WRITTEN_YEAR = re.compile(rf"{_YEAR}|(?:\bFY\s?|\b-|['’])\d\d\b")
"""A year written out with a period: '2025', 'FY25', 'Jun-25', "Oct '24"."""


def names_its_year(text: str, mention: PeriodMention) -> bool:
    """Whether a period mention writes its year ('June 2025', 'Jun-25'), rather than leaving it to be inferred."""
    return _WRITTEN_YEAR.search(text, mention.start, mention.end) is not None
WINDOW_START = re.compile(
    r"\b(?:since|before|ahead\s+of|after|until|till|began|begun|started|starting)\s+(?:in\s+)?(?:the\s+(?:end|start)\s+of\s+)?"
    r"(?:an?\s+(?:weak|strong|slow|soft|poor|record|bumper|dismal|quiet|busy|brief)\s+|the\s+)?$",
    re.I)
"""Words before a period that make it the edge of a span ('since January', 'until May'), not a period figures are
about."""


_RELATIVE_YEAR = re.compile(r"\b(?:last|previous|prior)\s+year|\byear\s+before", re.I)
_TO_DATE = re.compile(r"to[\s-]date|so\s+far|\bytd\b", re.I)


def _years_carried(text: str, mentions: list[PeriodMention], reporting: Month, year: int | None = None
                   ) -> list[PeriodMention]:
    """A month named without a year takes the year of a period named before it in the same text that is not a base
    ('from June to November 2024 they held steady, and December came in at 3,326 tonnes': December 2024), or else
    `year`."""
    out = []
    for p in mentions:
        written = names_its_year(text, p)
        if p.kind in ("month", "range") and (_RELATIVE_YEAR.search(text, p.start, p.end)
                                             or _LAST_BEFORE.search(text, max(0, p.start - 5), p.start)):
            out.append(p)  # "October last year", "last July", "January-October last year" are dated already
            continue
        if p.kind == "month" and not written and year is not None and p.period is not None:
            month = Month(year, p.period.end.month)
            if month <= reporting.shift(1):
                p = replace(p, period=Period(month, month))
        elif (p.kind == "range" and not written and year is not None and p.period is not None
              and p.period.start.year == p.period.end.year != year and not _TO_DATE.search(text, p.start, p.end)):
            moved = Period(Month(year, p.period.start.month), Month(year, p.period.end.month))
            if moved.end <= reporting:  # "What the numbers say: 2023" ... "between January and June": of 2023
                p = replace(p, period=moved)
        elif (written and not p.base and p.period is not None and p.kind in ("month", "range")
              and not WINDOW_START.search(text, max(0, p.start - 60), p.start)):
            year = p.period.end.year
        elif p.kind == "year" and p.period is not None and _OPENING_IN.fullmatch(text, 0, p.start):
            year = p.period.end.year  # "In 2024 the highest monthly figure came in May": May 2024
        out.append(p)
    return out


_OPENING_IN = re.compile(r"\W*(?:in|during|throughout)\s+", re.I)
"""Before a year that opens a sentence and dates what it goes on to say."""


CALENDAR_PATTERNS = frozenset({"fiscal_year", "month_list", "range_months", "first_half", "second_half", "first_n_months", "first_quarters", "quarter",
                               "through_month", "year_end_month", "month", "year"})
"""The patterns that can name a month or a range of months with its year ('June 2025', 'H1 2025', 'the January–May
total of 2024', where a bare year joins the span before it). The others either cannot overlap a month name or name
its year only relatively ('November last year'), so leaving them out changes nothing about the months with a written
year that these find."""


_TOTAL_OF = re.compile(r"\s+(?:total|figure|tally|volume|level|run)\s+(?:of|for|in)\s+")


def _year_of_a_spans_total(text: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
    """'the January–May total of 2024': the year is the span's, which keeps its role (a base here); the year is not
    a period of its own."""
    out: list[PeriodMention] = []
    for p in sorted(mentions, key=lambda p: p.start):
        span = out[-1] if out else None
        if (span is not None and span.kind == "range" and span.period is not None and p.kind == "year"
                and p.period is not None and _BARE_YEAR.fullmatch(text, p.start, p.end)
                and _TOTAL_OF.fullmatch(text, span.end, p.start) and not re.search(r"(?:19|20)\d\d", text[span.start:span.end])):
            out[-1] = replace(span, end=p.end, period=span.period.shift(12 * (p.period.end.year - span.period.end.year)))
        else:
            out.append(p)
    return out


def _year_to_date_of_a_month_end(text: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
    """'At the end of July the year-to-date shortfall was 15%': the year to date is the one that ended in July, so
    the month's end dates the figure and the 'year-to-date' right after it is dropped."""
    ends = [p for p in mentions if p.kind == "range" and re.match(r"(?:at|by|as)\b", text[p.start:p.end], re.I)]
    if not ends:
        return mentions
    return [p for p in mentions if not (p.kind == "range" and re.fullmatch(r"year[- ]to[- ]date|YTD", text[p.start:p.end], re.I)
                                        and any(0 <= p.start - e.end <= 40 and not re.search(r"[.;]", text[e.end:p.start])
                                                for e in ends))]


_FIGURE_AHEAD = re.compile(r"[\d%]|\b(?:half|third|quarter|fifth|tenth|twice|double|times|fold|percent|cent)\b", re.I)
"""A figure before a base word, in digits or in words ('more than a quarter above those of November 2024', 'up
fifty-six percent on September')."""
_CHANGE_NOUN = re.compile(r"\b(?:increase|rise|gain|jump|growth|fall|drop|decline|decrease|change)\s+$", re.I)


def _loose_lead(lead: str, before: str) -> bool:
    """'over', 'on' and 'against' name a base only after a figure ('a 4.8% rise over ...') or a change label ('Change
    on October:') or a change noun ('the increase on October'), not 'Over the first ...'; 'Against' or 'Set against'
    opening a sentence is a base ('Against November of last year, shipments were up ...'), after a label too
    ('REPORTER: Against ...')."""
    word = lead.strip().split()[0].lower()
    ahead = before[: len(before) - len(lead)]
    if lead.strip().startswith("Against") and (not ahead.strip(" \t-*•>") or ahead.rstrip().endswith(":")):
        return False
    if re.search(r"\b(?:Set|Measured)\s+$", ahead) and word == "against":
        return False  # "Set against May, ..."
    if _CHANGE_NOUN.search(ahead) and word != "over":
        return False  # "The increase on October was 12 per cent", but "growth over the first ten months"
    return (word in ("over", "on", "against", "above", "below", "under") and not _FIGURE_AHEAD.search(ahead)
            and not _CHANGE_LABEL.search(ahead))


_MONTH_OF_THIS_YEAR = re.compile(rf"\b(?:{_MONTH}|earlier|later)\s+$", re.I)
"""Before 'this year': a month that 'this year' only dates ('June this year'), or a time within it ('earlier this
year'), so it is not the year to date."""

_CHANGE_LABEL = re.compile(r"(?:^|[-*•|:]\s*)(?:change|chg\.?)\s*$", re.I)
"""'Change on October: +12.4%': a label that makes the period after it a base."""


def _may_is_verb(text: str, start: int) -> bool:
    """'May' at a sentence start followed by a verb-like word ("May rise") is rare; 'may' lowercase never matches."""
    after = text[start + 3: start + 20].lstrip()
    return after[:3].lower() in ("be ", "hav") if after else False


def reporting_month(published: date) -> Month:
    """The data month an article published on `published` most likely reports: the month before."""
    return Month(published.year, published.month).shift(-1)
