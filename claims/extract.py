"""Turn an article into Claims: a spaCy pipeline finds sentences, countries and numeric mentions; the resolver
attaches each mention's subject (commodity, partner), period and base from the sentence and the article.

Find, then resolve: the `factcheck_mentions` component only finds (rule id + span); `resolve_claims` reads context.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import cached_property, lru_cache

from claims.fast_spacy import import_spacy

spacy = import_spacy()

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.lang.en import English
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from checker.countries import (
    BUYER_NOUNS,
    DEMONYMS,
    RECEIVING_VERBS,
    USER_NOUNS,
    alpha_3_codes,
    display_name,
    normalise,
    surface_forms,
)
from claims import lexicon as lx
from claims.model import SERIES, Claim, ClaimKind, Hedge
from claims.numbers import (
    ORDINALS,
    STREAK_LEVEL_AFTER,
    STREAK_LEVEL_BEFORE,
    as_digits,
    half_unit,
    parse_number,
    word_to_number,
)
from claims.periods import Month, Period
from claims.periods_text import (
    BASE_LEVEL_VERB,
    CALENDAR_PATTERNS,
    MONTH_PATTERN,
    WINDOW_START,
    PeriodMention,
    find_periods,
    months_named,
    names_its_year,
    reporting_month,
    years_of_a_span,
)
from claims.rules import HEDGE_WORD, LIST_ITEM_GAP, RULES, Rule

if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)


_TEXT_KEY = "factcheck.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc and kept: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def make_doc(nlp: Language, text: str) -> Doc:
    """The tokenised doc of `text`, knowing its own text (a doc's tokens always join back to the input)."""
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT_KEY] = text
    return doc


@dataclass(frozen=True)
class Mention:
    rule: Rule
    start: int
    end: int
    groups: dict[str, str | None]


# --------------------------------------------------------------------------------------------- pipeline


_BLOCK_START = re.compile(r"^\s*(?:[-*•|#>]|\d+[.)]\s|\(?[a-h]\)\s)")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•]|\d+[.)]|\(?[a-h]\))\s")
"""A bullet, a numbered item or a lettered one ('(a) Germany: 1,288 tonnes')."""


def _hard_break(previous_line: str, next_line: str) -> bool:
    """A line break ends a sentence unless it only wraps a paragraph (Markdown and plain-text soft wraps)."""
    previous_line = previous_line.rstrip()
    if not previous_line or not next_line.strip() or _BLOCK_START.match(next_line) or _BLOCK_START.match(previous_line):
        return True
    if _TABLE_ROW.match(next_line) or _TABLE_ROW.match(previous_line):
        return True
    if previous_line.endswith((".", "!", "?", ":", ";", "|")) or _CAPITALS_LABEL.match(next_line):
        return True
    return len(previous_line) < 50


_CAPITALS_LABEL = re.compile(r"[ \t]*[A-Z][A-Z0-9 .&/'-]{1,30}:\s")
"""A line that opens with a label in capitals ('GERMANY: 1,118t, No.1 again') starts an item of its own."""


_ITEM_NUMBER = re.compile(r"[ \t]*\d+[.)][ \t]+\S")


def _keep_item_marker(sent_starts: list[int], i: int, starts: list[int], first_word: int) -> None:
    """'1. Germany - 1,116 t' is one item: no sentence starts between the number and the first word after it."""
    j = i + 1
    while j < len(sent_starts) and starts[j] < first_word:
        sent_starts[j] = NOT_START
        j += 1


@Language.component("factcheck_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Headlines, bullets and table rows stand alone; a soft-wrapped paragraph stays one run of sentences.

    Only tokens right after a line break or a bullet are touched, found from the token offsets. The decisions are
    written back in one `Doc.from_array`: setting `Token.is_sent_start` one token at a time checks the whole doc
    for a parse each time, which made a long file quadratic."""
    text = doc_text(doc)
    if len(doc) < 2:
        return doc
    table = doc.to_array([IDX, LENGTH, SENT_START]).astype("int64")
    starts = table[:, 0].tolist()
    sent_starts = table[:, 2].tolist()
    candidates = sorted({bisect_right(starts, m.start()) for m in re.finditer(r"\n|•", text)} - {0, len(doc)})
    if first_item := _ITEM_NUMBER.match(text):
        _keep_item_marker(sent_starts, 0, starts, len(first_item[0]))
    for i in candidates:
        begin, length = starts[i - 1], int(table[i - 1, 1])
        previous_text = text[begin: begin + length]
        if previous_text == "•":
            sent_starts[i] = START
            continue
        if "\n" not in text[begin: starts[i]]:
            continue
        newline = text.rfind("\n", 0, starts[i])
        line_start = text.rfind("\n", 0, newline) + 1
        next_end = text.find("\n", starts[i])
        previous_line = text[line_start:newline]
        next_line = text[newline + 1: next_end if next_end >= 0 else len(text)]
        if _hard_break(previous_line, next_line):
            sent_starts[i] = START
            item = _ITEM_NUMBER.match(next_line)
            if item:
                _keep_item_marker(sent_starts, i, starts, newline + 1 + len(item[0]))
        elif not previous_text.isspace():
            sent_starts[i] = NOT_START
    _rows_whole(sent_starts, text, starts)
    _units_end_sentences(sent_starts, text, starts)
    _numbers_whole(sent_starts, text, starts)
    _abbreviations_whole(sent_starts, text, starts)
    _footnotes_end_sentences(sent_starts, text, starts)
    table[:, 2] = sent_starts
    doc.from_array([SENT_START], table[:, 2:].astype("uint64"))
    return doc


START, NOT_START = 1, -1
"""Token.sent_start values as `Doc.to_array` gives them."""


_UNIT_AT_THE_END = re.compile(r"\d\s?(?:t|kt|mt)\.[ \t]+(?=[A-Z])")


def _units_end_sentences(sent_starts: list[int], text: str, starts: list[int]) -> None:
    """'... that month's 6,217 t. Over January to May, ...': a unit's dot ends the sentence; spaCy's English
    exceptions keep 't.' as one token, as for an initial, and the sentencizer does not split after it. Only in
    prose: in a short item ('Germany: 1,119 t. Still #1') the fragment after the dot is about the item's subject."""
    for m in _UNIT_AT_THE_END.finditer(text):
        if len(text[text.rfind("\n", 0, m.start()) + 1: m.start()].split()) < 10:
            continue
        i = bisect_left(starts, m.end())
        if i < len(sent_starts) and starts[i] == m.end():
            sent_starts[i] = START


_FOOTNOTE_MARKS = re.compile(r"(?<=[.!?])(?:\[\d{1,3}\])+[ \t]+(?=[A-Z])")


def _footnotes_end_sentences(sent_starts: list[int], text: str, starts: list[int]) -> None:
    """'... in 2022.[9] In 2024 ...': a footnote mark after a sentence's full stop ends that sentence; the next one
    starts after it."""
    if "[" not in text:
        return
    for m in _FOOTNOTE_MARKS.finditer(text):
        first, after = bisect_left(starts, m.start()), bisect_left(starts, m.end())
        if after < len(sent_starts) and starts[after] == m.end():
            for i in range(first, after):
                sent_starts[i] = NOT_START
            sent_starts[after] = START


def _numbers_whole(sent_starts: list[int], text: str, starts: list[int]) -> None:
    """'No. 3' does not end a sentence after 'No.' ('the No. 3 buyer')."""
    if "No." not in text:
        return
    for m in re.finditer(r"\bNo\.\s?(?=\d)", text):
        i = bisect_left(starts, m.end())
        if i < len(sent_starts) and starts[i] == m.end():
            sent_starts[i] = NOT_START


_ABBREVIATION = re.compile(r"\b[A-Za-z]{1,5}\.[ \t]+(?=[a-z])")


def _abbreviations_whole(sent_starts: list[int], text: str, starts: list[int]) -> None:
    """A short word with a dot before a lower-case word is an abbreviation, not a sentence end ('excl. magnets',
    'approx. half', 'vs. a year earlier')."""
    for m in _ABBREVIATION.finditer(text):
        i = bisect_left(starts, m.end())
        if i < len(sent_starts) and starts[i] == m.end():
            sent_starts[i] = NOT_START


def _rows_whole(sent_starts: list[int], text: str, starts: list[int]) -> None:
    """A table row is one sentence, whatever its cells hold ('| South Korea | n.a. | 854 |')."""
    if "|" not in text:
        return
    for row in _TABLE_LINES.finditer(text):
        first = bisect_left(starts, row.start())
        for i in range(first + 1, bisect_left(starts, row.end())):
            sent_starts[i] = NOT_START


@Language.component("factcheck_mentions")
def find_mentions(doc: Doc) -> Doc:
    """Numeric mentions per rule, non-overlapping; earlier rules win ties."""
    found: list[Mention] = []
    text = doc_text(doc)
    lower = text.lower()
    for rule in RULES:
        for m in rule_matches(rule, text, lower):
            if m.end() > m.start():
                start, end = m.span("span") if "span" in rule.pattern.groupindex else m.span()
                found.append(Mention(rule, start, end, m.groupdict()))
    doc._.mentions = _non_overlapping(found)
    return doc


NEEDLE_REACH = 200
"""How far a match may extend on either side of its needle: the longest any rule allows for ordinary words is
about 150 characters (rank.list); the longest in our corpora is 55."""


def rule_matches(rule: Rule, text: str, lower: str) -> Iterator[re.Match[str]]:
    """`rule.pattern.finditer(text)`, run only in windows around the rule's needles when it has some.

    Python's `re` tries a pattern at every position; most rules start with a word alternation, which `re` cannot
    skip ahead to, so a scan over a whole article costs far more than finding a few literal words first."""
    if not rule.needles or len(lower) != len(text):  # a few characters change length when lower-cased
        yield from rule.pattern.finditer(text)
        return
    hits = sorted(_occurrences(lower, rule.needles))
    for start, end in _windows(hits, len(text)):
        for m in rule.pattern.finditer(text, start, end):
            i = bisect_left(hits, m.start() - 2)  # or just outside it, for a needle in a lookaround ("(?<=;\s)")
            if i < len(hits) and hits[i] <= m.end():  # a match without a needle is a window-edge artefact
                yield m


def _occurrences(lower: str, needles: tuple[str, ...]) -> Iterator[int]:
    for needle in needles:
        at = lower.find(needle)
        while at >= 0:
            yield at
            at = lower.find(needle, at + 1)


def _windows(hits: list[int], size: int) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for hit in hits:
        start, end = max(0, hit - NEEDLE_REACH), min(size, hit + NEEDLE_REACH)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


_RULE_ORDER = {rule.id: i for i, rule in enumerate(RULES)}


def _non_overlapping(found: list[Mention]) -> list[Mention]:
    """Keep mentions in rule order, dropping any that overlaps one already kept (kept spans stay sorted)."""
    starts: list[int] = []
    kept: list[Mention] = []
    for mention in sorted(found, key=lambda m: (_RULE_ORDER[m.rule.id], m.start)):
        i = bisect_right(starts, mention.start)
        if i > 0 and kept[i - 1].end > mention.start:
            continue
        if i < len(kept) and kept[i].start < mention.end:
            continue
        starts.insert(i, mention.start)
        kept.insert(i, mention)
    return kept


_THE_FORMS = ("US", "U.S.", "EU", "Netherlands", "United States", "UK", "U.K.")
"""Names that also match with their article ('the US'), so that 'the' is part of the destination's span."""


class CountryFinder:
    """Destinations named in a doc, in `doc.spans["countries"]`, each span's id its display name: country names and
    aliases ('South Korea', 'the US', 'SOUTH KOREA' on a line in capitals), ISO three-letter codes right before a
    figure ('VNM 340t'), and demonyms before a buyer word or '-bound' ('German buyers', 'Dutch-bound'). Where two
    overlap, the first longest wins.

    Phrase matching only: a token pattern per demonym made spaCy's `Matcher` try every pattern at every token."""

    def __init__(self, nlp: Language) -> None:
        self.names = PhraseMatcher(nlp.vocab)
        self.demonyms = PhraseMatcher(nlp.vocab)
        self.capitals = PhraseMatcher(nlp.vocab)
        for form, name in surface_forms().items():
            self.names.add(name, [nlp.make_doc(form)] + ([nlp.make_doc(f"the {form}")] if form in _THE_FORMS else []))
            if len(form) > 3 and form.upper() != form:
                self.capitals.add(name, [nlp.make_doc(form.upper())])
        self.codes = PhraseMatcher(nlp.vocab)
        for code, name in alpha_3_codes().items():
            self.codes.add(name, [nlp.make_doc(code)])
        for demonym, code in DEMONYMS.items():
            self.demonyms.add(display_name(code), [nlp.make_doc(demonym)])
            if demonym.endswith("an"):  # "The Koreans were the number-two buyer": a people for its country
                self.names.add(display_name(code), [nlp.make_doc(f"{the} {demonym}s") for the in ("the", "The")])

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        found = {Span(doc, start, end, label="COUNTRY", span_id=strings[key]) for key, start, end in self.names(doc)}
        text = doc_text(doc)
        for key, start, end in self.capitals(doc):  # "UNITED STATES" as a heading, not "HONG KONG -" in a dateline
            span = Span(doc, start, end, label="COUNTRY", span_id=strings[key])
            line_start = text.rfind("\n", 0, span.start_char) + 1
            line = text[line_start: _line_end(text, span.end_char)]
            label = not text[line_start: span.start_char].strip() and text[span.end_char: span.end_char + 1] == ":"
            if label or not any(ch.islower() for ch in line):  # "GERMANY: 1,118t, No.1 again" is a label too
                found.add(span)
        for key, start, end in self.codes(doc):  # "VNM 340t", "KOR #3": a code before its figure, not "ARE" in prose
            span = Span(doc, start, end, label="COUNTRY", span_id=strings[key])
            if _FIGURE_NEXT.match(text, span.end_char):
                found.add(span)
        for key, start, end in self.demonyms(doc):
            if tail := _buyer_tail(doc, end):
                found.add(Span(doc, start, end + tail, label="COUNTRY", span_id=strings[key]))
        doc.spans["countries"] = filter_spans(sorted(found))
        return doc


_FIGURE_NEXT = re.compile(r"[ \t]*[:=]?[ \t]*[#~≈+\-−]?\d")
"""What follows a country code that stands for a destination: its figure or rank ('VNM 340t', 'KOR #3')."""


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _buyer_tail(doc: Doc, end: int) -> int:
    """How many tokens after a demonym make it a destination: 1 for a buyer word or for an industry that receives
    ('Vietnamese manufacturers received'), 2 for '-bound', else 0."""
    if end < len(doc) and doc[end].lower_ in BUYER_NOUNS:
        return 1
    if end + 1 < len(doc) and doc[end].lower_ in USER_NOUNS and doc[end + 1].lower_ in RECEIVING_VERBS:
        return 1
    return 2 if end + 1 < len(doc) and doc[end].orth_ == "-" and doc[end + 1].lower_ == "bound" else 0


@Language.factory("factcheck_countries")
def _country_finder(nlp: Language, name: str) -> CountryFinder:
    return CountryFinder(nlp)


class _Defaults(English.Defaults):  # type: ignore[misc]
    suffixes = [r"\[\d{1,3}\]", *English.Defaults.suffixes]
    """A footnote marker glued to a word ("South Korea[12]") is its own token, so the country is still found. Set
    here rather than on a built tokenizer, which would load its 1,347 special cases a second time."""


class _English(English):  # type: ignore[misc]
    Defaults = _Defaults


@lru_cache(maxsize=1)
def build_pipeline() -> Language:
    nlp = _English()
    nlp.max_length = 50_000_000  # no parser or NER here; input size is bounded by the reader's --max-bytes
    for form in ("U.S.", "U.K.", "E.U."):
        nlp.tokenizer.add_special_case(f"{form}-bound", [{"ORTH": form}, {"ORTH": "-bound"}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("factcheck_line_breaks")
    nlp.add_pipe("factcheck_countries")
    nlp.add_pipe("factcheck_mentions")
    return nlp


# --------------------------------------------------------------------------------------------- context


@dataclass
class Context:
    """What carries from sentence to sentence: the article's reporting month and the last subject and period."""

    reporting: Month
    commodity: str | None = None
    dominant_commodity: str | None = None
    """The series the article is about: the one its lede (the first sentence of the story with figures) names, until
    then the one it names most often."""
    topic_commodity: str | None = None
    """The series the article is about at this point: its dominant one, or the one named by the last heading, or
    early in the last paragraph-opening sentence without figures. A sentence that names the other series otherwise
    changes `commodity` only until the end of its paragraph."""
    period: Period | None = None
    month_period: Period | None = None
    """The month of the last figure that was about one month."""
    span_in_passing: bool = False
    """Whether `period` is a span of months named in a list item, or after its paragraph's first sentence ('In
    cumulative terms, ... during January-October'): an aside that the next item or paragraph does not inherit; it
    goes back to `month_period`."""
    last_period: Period | None = None
    """The last period a sentence was about, kept across paragraphs ('In the same period of 2024, ...')."""
    section_period: Period | None = None
    """The period a heading names on its own ('## August'), for every paragraph under it until the next heading."""
    section_partner: str | None = None
    """The destination a heading names on its own ('UNITED STATES', '## Germany'), for the bullets and rows under it
    that name none."""
    list_partner: str | None = None
    """The one destination a list's lead-in names ('Shipments to the US (tonnes):'), for its items that name none."""
    section_year: int | None = None
    """The year a heading names ('RARE EARTHS: 2023 IN REVIEW'), for months named without one under it."""
    titled: bool = False
    """Whether the article's first heading, its title, has been read: a title's series ('China's rare-earth
    exports, question by question') does not set the topic, which the article's dominant series gives."""
    story_started: bool = False
    """Whether a sentence of prose has been read: a heading after it names a section of the story, not site furniture
    ('### Chart 1 · Rare earths, monthly exports' under a lede without figures)."""
    last_figure_period: Period | None = None
    """The period of the last figure of the last sentence with figures, which 'The figure was ...' refers back to."""
    partner: str | None = None
    """The destination of the last figure (or name) of the last sentence that had one, which 'It' refers back to."""
    subject_partner: str | None = None
    """The destination of that sentence's first figure (or name), its subject, which 'Its intake' refers back to."""
    previous_destination: str | None = None
    """The destination the previous sentence was about, when it is in the same paragraph of prose and named one."""
    earlier_destination: str | None = None
    """The last destination the article was about, across paragraphs, until a sentence turns to the whole flow."""
    line_starts: list[int] = field(default_factory=list)
    section_numbers: frozenset[int] = frozenset()
    """Where the numbers of numbered items that are not places in a ranking stand ('4. The United States ranked
    second.' in a list of numbered sections)."""


@dataclass(frozen=True)
class TableHeader:
    """A table's header row (and title line), read once for all its rows."""

    text: str
    countries: list[tuple[int, int, str]]
    """(start, end, display name), offsets relative to the header's text."""
    periods: list[PeriodMention]


@dataclass(frozen=True)
class Sentence:
    start: int
    text: str
    periods: list[PeriodMention]
    countries: list[tuple[int, int, str]]
    """(start, end, display name), offsets relative to the sentence."""
    numbers: list[tuple[int, int]] = field(default_factory=list)
    """Spans of the numeric mentions in the sentence."""
    extremes: list[tuple[int, int]] = field(default_factory=list)
    """Spans of the extreme and streak mentions: a period inside one ('the largest monthly volume of 2025') is its
    window, not the period of a figure next to it."""
    header: TableHeader | None = None
    """For a table row: the table's header row, which names the unit, period or destination of its columns."""

    @cached_property
    def goes_on(self) -> bool:
        """It names nothing that makes it about the whole flow, so it may go on about an earlier destination."""
        return _goes_on(self.text)


_TABLE_ROW = re.compile(r"^(?:[ \t]*\||[^|\n]+\|[^|\n]*\|)")
"""A table row: a line that opens with '|', or one with at least two cell borders inside it ('Mar | 4,710 | 4,446'),
as plain-text tables and Markdown tables without outer pipes are written."""
_TABLE_LINES = re.compile(_TABLE_ROW.pattern + ".*$", re.M)
"""Every table row of a text, whole."""
_TONNAGE_HEADER = re.compile(r"\b(?:tonnes|tons|tonnage|volume|\(t\)|t|metric\s+tons)\b", re.I)


def _table_headers(text: str) -> dict[int, tuple[int, int]]:
    """Line start of every Markdown table row below a header -> the span of its header (with the table's title):
    one pass over the lines, however long the tables."""
    headers: dict[int, tuple[int, int]] = {}
    if "|" not in text:
        return headers
    header: tuple[int, int] | None = None
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if not _TABLE_ROW.match(line):
            header = None
        elif header is None:
            header = _with_caption(text, (line_start, line_end))
        else:
            headers[line_start] = header
        line_start = line_end + 1
    return headers


_CAPTION = re.compile(r"\n?([^\n|]{3,120})\n(?:[ \t]*\n)?$")


def _with_caption(text: str, header: tuple[int, int]) -> tuple[int, int]:
    """The header line, and the title line just above the table when there is one ('US-bound magnet exports, 2025',
    an HTML <caption>): it names the destination or year of the whole table as much as the header does."""
    above = _CAPTION.search(text, max(0, header[0] - 125), header[0])
    if above is None or above.group(1).rstrip().endswith((".", "!", "?")):
        return header
    if above.start(1) > 0 and text[above.start(1) - 1] != "\n":  # the end of a longer line, not a title
        return header
    return above.start(1), header[1]


def _all_countries(doc: Doc) -> list[tuple[int, int, str]]:
    """Every destination named in the doc, in text order: (start, end, display name); China itself left out."""
    text = doc_text(doc)
    out = []
    for span in doc.spans.get("countries", []):
        if text[max(0, span.start_char - 5): span.start_char].endswith(("Sino-", "Sino–")):
            continue
        name = normalise(span.id_) or span.id_
        if name != "China":
            out.append((span.start_char, span.end_char, name))
    return sorted(out)


def _within(items: list[tuple[int, int, str]], starts: list[int], start: int, end: int) -> list[tuple[int, int, str]]:
    """Items lying inside [start, end), offsets made relative to `start`."""
    lo, hi = bisect_right(starts, start - 1), bisect_right(starts, end - 1)
    return [(a - start, b - start, name) for a, b, name in items[lo:hi] if b <= end]


def _line_col(ctx: Context, offset: int) -> tuple[int, int]:
    line = bisect_right(ctx.line_starts, offset)
    return line, offset - ctx.line_starts[line - 1] + 1


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]


# --------------------------------------------------------------------------------------------- helpers


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in lx.CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    right_m = lx.CLAUSE_BREAK.search(text, end)
    return left, (right_m.start() if right_m else len(text))


_AFTER_A_FIGURE = re.compile(r"(?:\d|%|\bper\s?cent|\bpercent|\btimes)\s*$", re.I)
"""Before 'below' or 'over': then it compares a figure with the next one ('4.3% below the 4,775 tons'), not a hedge."""


def _hedge(text: str, start: int) -> Hedge | None:
    before = text[max(0, start - 40): start]
    trimmed = lx.HEDGE_GAP.sub("", before)
    for candidate in (before, trimmed):
        for pattern, hedge in lx.HEDGES:
            found = pattern.search(candidate)
            if found and not _AFTER_A_FIGURE.search(candidate, 0, found.start()):
                return hedge  # type: ignore[return-value]
    verb_gap = re.search(r"\b(nearly|almost|roughly|about|around|over|more\s+than|some)\s+\w+\s+(?:by\s+)?$", before, re.I)
    if verb_gap and lx.UP_WORDS.search(before[verb_gap.start():]) or verb_gap and lx.DOWN_WORDS.search(before[verb_gap.start():]):
        word = verb_gap.group(1).lower()
        return {"more than": "more than", "around": "about", "some": "about"}.get(word, word)  # type: ignore[return-value]
    return None


_ASIDE = re.compile(r"\([^()]*\)|—[^—]*—|\s–\s[^–]*\s–\s|\s--\s.*?\s--\s")
"""An aside in parentheses or between a pair of dashes ('rare earths — the oxides customs counts apart from magnets —')."""


def _without_asides(text: str) -> str:
    """Asides blanked out, same length ('the 17-element category (not the magnets themselves)')."""
    return _ASIDE.sub(lambda m: " " * len(m.group(0)), text)


def _commodity(text: str) -> str | None:
    """The series a stretch of text names: magnets, rare earths, another series, or None."""
    if not lx.COMMODITY_NEEDLES.search(text.lower()):
        return None
    text = _without_asides(text)
    if re.search(r"\brare[\s-]earth\s+products\b", text, re.I):
        return "other"
    positions = _series_named(text)
    return max(positions)[1] if positions else None


def _series_named(text: str) -> list[tuple[int, str]]:
    """Where `text` names the magnet or the rare-earth series as the flow it counts, not one it sets aside or a
    policy's object."""
    positions = []
    for pattern, name in ((lx.MAGNETS, "rare_earth_magnets"), (lx.RARE_EARTHS, "rare_earths")):
        for m in pattern.finditer(text):
            if not _SET_ASIDE.search(text, max(0, m.start() - 40), m.start()) and not _POLICY_ON.search(
                    text, max(0, m.start() - 60), m.start()) and not _UNDER_POLICY.match(text, m.end()) \
                    and not _COUNTED_APART.match(text, m.end()):
                positions.append((m.start(), name))
    return positions


_SET_ASIDE = re.compile(r"\b(?:than|not|without|unlike|instead\s+of|made\s+(?:from|of|with)|containing|that\s+contain|as\s+opposed\s+to|other\s+than|apart\s+from|"
                        r"separately\s+from|distinct\s+from|excluding|excl\.|except|not\s+counting)\s+"
                        r"(?:the\s+|their\s+)?(?:[\w-]+\s+){0,4}$", re.I)
"""Words that set a series aside, compare with it or name it as a material, up to four words before it ('Rare earths,
the raw materials rather than the finished magnets, ...', 'a rougher year than magnets', 'permanent magnets made from
rare earths', 'magnets containing seven medium and heavy rare earths')."""


_POLICY_NOUN = r"(?:licen[cs](?:e|es|ing)|requirements?|controls?|curbs|restrictions?|bans?|rules?|regime)"
_POLICY_ON = re.compile(rf"\b{_POLICY_NOUN}\s+"
                        r"(?:on|for|over|covering)\s+(?:exports\s+of\s+)?(?:the\s+|seven\s+)?(?:of\s+the\s+)?(?:[\w-]+\s+(?:and\s+)?){0,3}$", re.I)
"""Words that make a series the object of a policy, not the flow a figure counts ('fell by more than half in April,
the first month of Beijing's licensing requirement for medium and heavy rare earths')."""
_UNDER_POLICY = re.compile(r"\s+(?:(?:were|was|are|is|now)\s+)?(?:(?:put|placed|brought|kept)\s+)?(?:under|subject\s+to)\s+"
                           rf"(?:(?:new|export|tighter|stricter|its|the)\s+)*{_POLICY_NOUN}\b", re.I)
"""The same after the series ('Beijing put seven heavy rare earths under licensing')."""
_COUNTED_APART = re.compile(r"\s+(?:are|is)\s+(?:not\s+(?:included|counted)|(?:counted|reported|recorded|tracked|listed)\s+"
                            r"(?:elsewhere|separately|apart|under\s+(?:a\s+|an\s+)?(?:different|separate|another|their\s+own)))\b", re.I)
"""After a series that a sentence says is counted somewhere else: it is not the flow the text goes on about ('the line
spans 17 elements; finished magnets are counted elsewhere')."""


def _dominant_commodity(text: str) -> str | None:
    """The series an article is mostly about: the one it names most often as the flow it counts ('Rare earths, NOT
    magnets' names rare earths only), or on a tie the first one named (the headline's)."""
    named = sorted(_series_named(text))
    if not named:
        return None
    magnets = sum(1 for _, name in named if name == "rare_earth_magnets")
    earths = len(named) - magnets
    if magnets != earths:
        return "rare_earth_magnets" if magnets > earths else "rare_earths"
    return named[0][1]


def _nearest_commodity(sentence: str, start: int, ctx: Context) -> str | None:
    before = _commodity(sentence[:start])
    if before:
        return before
    whole = _commodity(sentence)
    return whole or ctx.commodity


_CUE_WORDS = re.compile(r"^(?:y/y|m/m|q/q|yoy|mom|qoq|quarter[\s-]on[\s-]quarter|quarter[\s-]over[\s-]quarter|year[\s-]on[\s-]year|month[\s-]on[\s-]month|year[\s-]over[\s-]year|"
                        r"month[\s-]over[\s-]month|on[\s-]year|monthly|annual|yearly|sequential|per|in|a|an|the)$", re.I)


def _stated_gap(text: str, end: int, sentence: Sentence, base: Period | None) -> int:
    """12 or 1 when 'y/y' or 'm/m' stands between a change and the base month it names, else 0."""
    if base is None:
        return 0
    named = [p for p in sentence.periods if p.start >= end and p.base and p.period == base]
    if not named:
        return 0
    between = text[end:named[0].lead]
    if re.search(r"[,;]", between):
        return 0  # "(+22.6% y/y), a shade below July's level": the base month belongs to another clause
    if lx.YOY_CUES.search(between):
        return 12
    return 1 if lx.MOM_CUES.search(between) else 0


def _listed_direction(sentence: Sentence, start: int) -> int:
    """'fell 93% from a year earlier, to 46 tonnes, and 81% from April': a change listed after another with 'and'
    and no direction word of its own moves the same way."""
    text = sentence.text
    earlier = [(s, e) for s, e in sentence.numbers if e <= start and text[s:e].rstrip().endswith("%")]
    if not earlier or not re.search(r"\band(?:\s+by)?\s*$", text[:start]):
        return 0
    s, e = earlier[-1]
    between = text[e:start]
    if lx.UP_WORDS.search(between) or lx.DOWN_WORDS.search(between) or re.search(r"[;.]", between):
        return 0
    return _direction(text, s, e, text[s] if text[s] in "↑↓+-–−" else None)


def _direction(text: str, start: int, end: int, sign: str | None) -> int:
    """+1 for a rise, -1 for a fall, 0 when the text gives no direction.

    Order: an arrow or sign; the word right after the number ('38.1% lower', '46% increase'); the nearest
    direction word before it in the same clause ('rising 157.5%').
    """
    if sign in ("↑", "+"):
        return 1
    if sign in ("↓", "-", "–", "−"):
        return -1
    words = re.findall(r"[\w/-]+", text[end: end + 40])
    for word in words[:3]:
        if _CUE_WORDS.match(word):
            continue
        if lx.DOWN_WORDS.fullmatch(word):
            return -1
        if lx.UP_WORDS.fullmatch(word):
            return 1
        break
    left, _ = _clause_bounds(text, start, end)
    comma = text.rfind(",", left, start)
    before = _without_hedge(text[max(left, comma + 1 if comma >= 0 else 0, start - 45): start])
    ups = [m.end() for m in lx.UP_WORDS.finditer(before)]
    downs = [m.end() for m in lx.DOWN_WORDS.finditer(before)]
    if ups or downs:
        return 1 if max(ups or [-1]) > max(downs or [-1]) else -1
    return 0


def _without_hedge(before: str) -> str:
    """The text before a number without the hedge that ends it: the 'more' of 'fell by more than 90%' and the 'less'
    of 'rose less than 2%' give no direction."""
    for pattern, _ in lx.HEDGES:
        if hedge := pattern.search(before):
            return before[:hedge.start()]
    return before


# --------------------------------------------------------------------------------------------- periods


def _without_bases(sentence: Sentence, start: int, end: int) -> str:
    """The text from `start` to `end` with base periods and their lead words blanked ('eased 3.4% from July to 5,792
    tonnes in August': 'from July' does not stand between the change and August)."""
    out = sentence.text[start:end]
    for q in sentence.periods:
        if q.base and start <= q.start and q.end <= end:
            s0 = max(start, q.lead)
            out = out[:s0 - start] + " " * (q.end - s0) + out[q.end - start:]
    return _without_codes(out)


_CODE_ASIDE = re.compile(r"\((?:HS|CN|HTS)\s?[\d.]+\)")
"""A tariff code in brackets ('(HS 8505.11)'), which says what the goods are, not a new figure or clause."""


def _without_codes(text: str) -> str:
    return _CODE_ASIDE.sub(lambda m: " " * len(m.group(0)), text)


_TONNES = r"(?:metric\s+)?(?:tonnes|tons|t)\b"
"""The unit of a level after its number, as the patterns that look for a level in a clause read it."""
_A_TONNAGE = re.compile(rf"\d\s?{_TONNES}")
"""A level in tonnes somewhere in a stretch of text ('1,288 tonnes', '854t')."""


_RESULT_LEVEL = re.compile(
    r"^[^,;]*?\bto\s+(?:about\s+|around\s+|nearly\s+|some\s+)?[\d.,]+\s*(?:million\s+)?(?:metric\s+)?(?:tons?|tonnes?|t|kg)"
    r"\s+(?:(?:in|during|for)\s+(?:the\s+)?)?$", re.I)
"""'rose 84.5% to 854 tonnes in September', 'dropped 20.3% to 5,933 tons over the year': the period after the result
level is the change's too."""


def _period_for(sentence: Sentence, start: int, end: int, ctx: Context, *, exclude: PeriodMention | None = None,
                level: bool = False, numeric: bool = True, inside: bool = False) -> tuple[Period | None, PeriodMention | None]:
    """The period a number at [start, end) is about: the nearest non-base mention, preferring one just after.

    For a level, a base mention counts too when nothing stands between ('vs May: 150 tons')."""
    respective = _respective_period(sentence, start)
    if respective is not None:
        return respective, None
    owner = next((p for p in sentence.periods if level and p.period is not None and 0 <= start - p.end <= 1
                  and sentence.text[p.start:p.end].endswith(("'s", "’s"))), None)
    if owner is not None:
        return owner.period, owner  # "Adding March's 4,710 tonnes puts the first quarter at ...": March's
    best: tuple[int, PeriodMention] | None = None
    weak: tuple[int, PeriodMention] | None = None
    """A mention after a comma belongs to the next clause; it is used only when nothing else gives the period."""
    for p in sentence.periods:
        if p is exclude or p.period is None or p.kind == "yoy" or (start <= p.start < end and not inside):
            continue
        if _starts_a_window(sentence, p) and not start <= p.start < end:
            continue  # "619 tonnes, the most since January and 75.5% more than in June" is not January's
        if (aside := _relative_aside(sentence.text, p)) and not aside[0] <= start < aside[1]:
            continue  # "Vietnam, which had been the largest buyer in May, slipped to third with 340 tonnes"
        if any(s <= p.start < e and not s <= start < e for s, e in sentence.extremes):
            continue  # "656 tonnes, the largest monthly volume of 2025": 2025 is the extreme's window
        if p.base and not (level and (p.end <= start and start - p.end <= 3 or p.start >= end and p.start - end < 15)):
            continue
        if p.end <= start and sentence.text.endswith("in ", 0, p.start) and _RECEIVED_IN.search(
                sentence.text, max(0, p.start - 80), p.start):
            continue  # "... the 172 tonnes India received in June and placed the country fifth": June is the 172's
        if p.start >= end:
            distance = p.start - end
            after_base = exclude is not None and end <= exclude.start and exclude.end <= p.start
            between = _without_bases(sentence, exclude.end if after_base else end, p.start)  # type: ignore[union-attr]
            if re.search(r"[.;→]|\b(?:from|than|vs|compared|since|after)\b", between, re.I):
                continue  # "Jul 5,577 t → Aug 6,146 t": an arrow leads to the next figure's month
            if numeric and any(end <= s and e <= p.start for s, e in sentence.numbers) and not _RESULT_LEVEL.search(between):
                continue
            if _has_own_figure(sentence.text, p):
                continue  # "January came in at 6,023 tonnes and February at 4,740": February has its own figure
            if _OWN_FIGURE.match(sentence.text, p.end - 2):
                continue  # "... to 4,416 tonnes and December's 3,326 tonnes": December's is the next figure's
            if "," in between:
                if weak is None or distance < weak[0]:
                    weak = (distance, p)
                continue
        else:
            distance = (start - p.end) * 2 + 10
            if any(p.end <= s and e <= start for s, e in sentence.numbers) and ctx.period is not None and p.kind != "range":
                distance += 40
        if best is None or distance < best[0]:
            best = (distance, p)
    if best is not None:
        return _in_cumulative_column(sentence, start, _in_column_year(sentence, start, best[1])), best[1]
    same = _same_period_in(sentence, start, ctx)
    if same is not None:
        return same, None
    if sentence.header:
        column = _column_span(sentence, start)
        in_column = [p for p in sentence.header.periods if column and column[0] <= p.start < column[1]]
        if in_column and all(p.base for p in in_column):  # "| Oct 2025 (t) | Change on Oct 2024 |": the column's left
            in_column = [p for p in sentence.header.periods if column and p.end <= column[0] and not p.base][-1:]
        for p in in_column or sentence.header.periods:
            if p.period is not None and not p.base and p.kind in ("month", "range", "year"):
                if p.period.is_month and _CUMULATIVE_ROW.search(_row_label(sentence)):
                    return Period(Month(p.period.end.year, 1), p.period.end), None  # "| Cumulative since January |"
                return _in_cumulative_column(sentence, start, p.period), None
    if ctx.last_figure_period is not None and _THE_FIGURE.match(sentence.text):
        return ctx.last_figure_period, None
    if weak is not None and (ctx.period is None or _FRONTED_LEVEL.fullmatch(sentence.text, 0, start)):
        return weak[1].period, weak[1]
    return ctx.period or ctx.section_period or Period(ctx.reporting, ctx.reporting), None


_FRONTED_LEVEL = re.compile(r"\W*At\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|just\s+over\s+|over\s+)?[~≈]?", re.I)
"""Before a level that opens its sentence ahead of its subject: 'At 1,118 tonnes, the October figure was ...'."""


_RELATIVE_OPENS = re.compile(r",\s+(?:which|who|when)\s+[^,;.\d]*$", re.I)


def _relative_aside(text: str, p: PeriodMention) -> tuple[int, int] | None:
    """Where the relative or when-clause without figures, set off by commas, that holds the mention lies ('Vietnam,
    which had been the largest buyer in May, slipped to third', 'In June, when the rules introduced in April bit
    hardest, ...'), else None. One with a figure ('India, which had bought 418 tons in July, 60% more than ...') dates
    what follows it."""
    opens = _RELATIVE_OPENS.search(text, 0, p.start)
    closes = re.match(r"[^,;.\d]*,", text[p.end:])
    return (opens.start(), p.end + closes.end()) if opens and closes else None


def _has_own_figure(text: str, p: PeriodMention) -> bool:
    """'... and February at 4,740', '... and August to 4,732 tonnes': the period opens an elliptic clause with a
    figure of its own."""
    return bool(re.match(r"\s+(?:at|to)\s+[~≈]?\d", text[p.end:]) and re.search(r"\band\s+$", text[:p.start]))


_THE_FIGURE = re.compile(r"\W*(?:the|that|this)\s+(?:(?:cumulative|monthly|latest|new|headline)\s+)?"
                         r"(?:figure|number|total|volume|level)\b", re.I)
"""A sentence that opens by pointing back at one figure ('The figure was 60% higher than a year earlier')."""


def _month_before(sentence: Sentence, start: int) -> Period | None:
    """The last single month named before `start` that is not itself a base."""
    months = [p.period for p in sentence.periods if p.end <= start and not p.base and p.kind == "month"]
    return months[-1] if months else None


def _same_period_in(sentence: Sentence, start: int, ctx: Context) -> Period | None:
    """'In the same period of 2024, exports came to 8,800 tons': the period under discussion, moved to that year."""
    reference = ctx.period or ctx.last_period
    for p in sentence.periods:
        if p.end <= start and p.kind == "yoy" and not p.base and p.period is not None and p.period.is_year:
            if reference is None:
                return None
            shift = 12 * (p.period.end.year - reference.end.year)
            return Period(reference.start.shift(shift), reference.end.shift(shift))
    return None


_BASE_LEVEL = re.compile(r"\s*(?:(?:more|less|higher|lower|greater|bigger|smaller|fewer)\s+)?(?:below|above|under|over|than|from|on|"
                         r"against|vs\.?|versus)\s+(?:the\s+)?", re.I)
"""Between a change and the level it is measured against: '4.3% below the 4,775 tons exported in August 2023'."""


_CHANGE_OF = re.compile(r"\s+(?:(?:increase|rise|decline|drop|growth|gain|fall|decrease|jump|surge|contraction)\s+of|"
                        r"(?:increased|decreased|rose|fell|grew|dropped|declined|climbed|jumped|up|down)(?:\s+by)?)"
                        r"(?:\s+(?:about|nearly|almost|roughly|around|some|over|more\s+than|less\s+than))?\s*$", re.I)
_CUES = ((lx.YOY_CUES, "yoy"), (lx.MOM_CUES, "mom"), (lx.QOQ_CUES, "qoq"))


def _bound_cue(before: str) -> list[tuple[int, str]]:
    """'a year-on-year increase of 19 percent and a month-on-month rise of 9 percent', 'compared to the same period
    of last year increased 11%, ring ratio increased 2%': a cue right before the change word is this figure's,
    whatever follows it."""
    noun = _CHANGE_OF.search(before)
    if noun is None:
        return []
    lead = before[: noun.start()]
    return [(-1, kind) for pattern, kind in _CUES if any(m.end() == len(lead) for m in pattern.finditer(lead))]


_COMPARISON_SUMMED = re.compile(r",\s+(?:a|an)\s+[\w-]+(?:\s+[\w-]+)??(?:\s+of)?(?:\s+(?:about|around|roughly|some|nearly|almost|"
                                r"over|more\s+than))?\s*", re.I)
"""Between a level's base and the change that sums the comparison up: '5,774 t in September against 6,146 t in
August, a decline of 6.1%'."""


def _base_for(sentence: Sentence, start: int, end: int, period: Period | None) -> tuple[Period | None, str | None]:
    """The base of a change at [start, end): an explicit 'from May', or a relative y/y or m/m cue."""
    window_end = min(len(sentence.text), end + 70)
    for p in sentence.periods:
        if p.start >= end and p.start <= window_end and (p.base or p.kind in ("yoy", "mom")):
            between = sentence.text[end:p.start]
            if re.search(r"[.;]|,\s+(?:and|but|while|whereas)\s+(?:against|compared|versus|vs\.?|from|on)\b", between) or any(
                    end <= s and e <= p.start and not _BASE_LEVEL.fullmatch(sentence.text, end, s)
                    for s, e in sentence.numbers):
                continue
            if re.search(r"[,)]", between) and (lx.YOY_CUES.search(between) or lx.MOM_CUES.search(between)):
                continue  # "(+22.6% y/y), a shade below July's level": the cue is the change's base, not July
            if p.kind == "yoy":
                return _year_before(period, p.period), "yoy"
            if p.kind == "mom":
                return (period.shift(-1) if period else None), "mom"
            if p.period is not None:
                return _explicit_base(period, p.period), None
    left, right = _clause_bounds(sentence.text, start, end)
    after = sentence.text[end: min(right, end + 45)]
    before = sentence.text[max(left, start - 40): start]
    cues = [(m.start(), kind) for pattern, kind in _CUES for m in pattern.finditer(after)]
    if not cues:
        for p in reversed(sentence.periods):
            lead = sentence.text[max(0, p.start - 30): p.start]
            if p.end <= start and (p.base or p.kind == "yoy") and (re.search(
                    r"\b(?:compared\s+(?:with|to)|against|relative\s+to|in\s+comparison\s+(?:with|to)|"
                    r"(?:change|chg\.?)\s+(?:on|from|over|vs\.?))\s+(?:the\s+)?$", lead, re.I
            ) or _COMPARISON_SUMMED.fullmatch(sentence.text, p.end, start)) and not any(
                    p.end <= s and e <= start for s, e in sentence.numbers):
                if p.kind == "yoy":  # "Compared with the same month last year, volumes were up 5%"
                    return _year_before(period, p.period), "yoy"
                if p.period is not None:
                    return _explicit_base(period, p.period), None  # "Compared with July 2024, volumes were 5.7% higher"
    labels = [kind for pattern, kind in _CUES for m in pattern.finditer(before) if not before[m.end():].strip(" :")]
    if labels and all("," in after[:at] for at, _ in cues):
        cues = [(0, labels[0])]  # "month on month −6.1%, year on year +17.5%": the label right before the figure
    cues += _bound_cue(before)
    cues += [(1000 + len(before) - m.end(), kind) for pattern, kind in _CUES for m in pattern.finditer(before)]
    if not cues and sentence.header and (named := _column_base(sentence, start)) is not None:
        return _explicit_base(period, named), None  # "| Change on December 2024 |" over the row's figure
    if not cues and sentence.header:
        heading = _column_heading(sentence, start)
        for scope in (_row_label(sentence), *((heading, sentence.header.text) if heading else (sentence.header.text,))):
            cues = [(2000, kind) for pattern, kind in _CUES[:2] for _ in pattern.finditer(scope)]  # y/y, m/m columns
            if cues:
                break
    if not cues:
        return None, None
    kind = min(cues)[1]
    if kind == "yoy":
        return _year_before(period, None), "yoy"
    if kind == "qoq":  # "a 9.0% QoQ decline" in the first quarter: against the fourth quarter before it
        return (period.shift(-len(period.months())) if period else None), "qoq"
    return (period.shift(-1) if period else None), "mom"


_CUMULATIVE_ROW = re.compile(r"\b(?:cumulative|year[\s-]to[\s-]date|ytd|since\s+january|so\s+far\s+this\s+year)\b", re.I)
"""A table row of running totals under month columns ('| Cumulative since January (tonnes) | 38,563.6 |')."""


def _row_label(sentence: Sentence) -> str:
    """The first cell of a table row ('Exports (tonnes)' in '| Exports (tonnes) | 5,994.3 | 5,792 |'), else ''."""
    if sentence.header is None or "|" not in sentence.text:
        return ""
    cells = sentence.text.split("|")
    return cells[1] if sentence.text.lstrip().startswith("|") else cells[0]


def _in_cumulative_column(sentence: Sentence, start: int, period: Period | None) -> Period | None:
    """A month's row in a column of running totals ('| Aug-25 | 6,146 | ... | 34,043 |' under 'YTD t'): January to
    that month."""
    if period is None or not period.is_month or not _CUMULATIVE_ROW.search(_column_heading(sentence, start) or ""):
        return period
    return Period(Month(period.end.year, 1), period.end)


def _column_heading(sentence: Sentence, start: int) -> str | None:
    """The header cell above a table cell ('y/y' over '+31.4%')."""
    return _column_heading_at(sentence.header.text, sentence.text.count("|", 0, start)) if sentence.header else None


_YEAR_CELL = re.compile(r"\s*(?P<y>(?:19|20)\d\d)\s*(?:\((?:t|tonnes|tons)\))?\s*")


def _in_column_year(sentence: Sentence, start: int, mention: PeriodMention) -> Period | None:
    """The period a row's label names ('Mar'), in the year the column heading above the cell gives ('| Month |
    2024 | 2023 |'), unless the label writes a year of its own."""
    heading = _column_heading(sentence, start)
    year = _YEAR_CELL.fullmatch(heading) if heading else None
    period = mention.period
    if year is None or period is None or names_its_year(sentence.text, mention):
        return period
    return period.shift(12 * (int(year["y"]) - period.end.year))


def _column_span(sentence: Sentence, start: int) -> tuple[int, int] | None:
    """Where, in the header's text, the header cell above a table cell lies: the cell after as many '|' as the
    row has before the figure."""
    if sentence.header is None:
        return None
    return _header_cell(sentence.header.text, sentence.text.count("|", 0, start))


def _header_cell(header: str, column: int) -> tuple[int, int] | None:
    """Where the `column`-th cell of a header row lies, counting the cells after as many '|'."""
    text = header.rstrip()
    row_start = text.rfind("\n") + 1
    bars = [i for i in range(row_start, len(text)) if text[i] == "|"]
    edges = list(zip([row_start - 1, *bars], [*bars, len(text)], strict=True))
    return (edges[column][0] + 1, edges[column][1]) if column < len(edges) else None


def _column_heading_at(header: str, column: int) -> str | None:
    """The text of the `column`-th cell of a header row."""
    span = _header_cell(header, column)
    return header[span[0]:span[1]] if span else None


def _column_base(sentence: Sentence, start: int) -> Period | None:
    """The base period the header cell above a table cell names ('Change on November', 'vs Dec 2024')."""
    column = _column_span(sentence, start)
    if sentence.header is None or column is None:
        return None
    named = [p for p in sentence.header.periods if column[0] <= p.start < column[1] and p.base and p.period is not None]
    return named[0].period if named else None


def _year_before(period: Period | None, stated: Period | None) -> Period | None:
    """The period a year-on-year comparison is against: the same months in the year the base names ('the same
    period of 2023', 'the same seven months of 2023'), else a year earlier."""
    if period is None:
        return stated
    if stated is not None and not period.is_year and period.start.year == period.end.year:
        return Period(Month(stated.start.year, period.start.month), Month(stated.start.year, period.end.month))
    return period.shift(-12)


def _explicit_base(period: Period | None, base: Period) -> Period:
    if period is not None and base.is_year and not period.is_year:
        return Period(Month(base.start.year, period.start.month), Month(base.start.year, period.end.month))
    return base


def _change_kind(period: Period | None, base: Period | None) -> ClaimKind:
    if period is None or base is None:
        return "pct_change"
    cumulative = not period.is_month
    if base == period.shift(-12):
        return "cumulative_yoy_pct" if cumulative else "yoy_pct"
    if base == period.shift(-1) and not cumulative:
        return "mom_pct"
    return "pct_change"


# --------------------------------------------------------------------------------------------- subjects


_DATED_ANAPHORA = re.compile(r"\W*the\s+(?:January|February|March|April|May|June|July|August|September|October|"
                             r"November|December|monthly|latest)\s+(?:figure|total|volume|level|amount)\b", re.I)
"""'The September total' right after a sentence about one destination's flow, in the same paragraph, is that flow's;
opening a paragraph, it is the whole flow's."""
_OPENING_PHRASE = r"(?:in|by|during|for|over|across|back\s+in)\s+[^,]{1,30}?,?\s+"
"""A phrase that opens a sentence before its subject: 'In 2023, ', 'In October '."""
_ANAPHORA = re.compile(rf"^\W*(?:{_OPENING_PHRASE}|"  # "In 2023, it was", "In May it took"
                       r"(?:a\s+(?:month|year)\s+(?:later|earlier|before)|the\s+(?:next|following|previous)\s+month|then),?\s+)?"
                       r"(?:this|that|it|its|these|those|they|their|the\s+(?:country|nation|figure|increase|rise|jump|surge|drop|decline|"
                       r"volume|total|shipments?|amount))\b|\b(?:exports|shipments|sales|volumes?|deliveries)\s+there\b",
                       re.I)


def _respective_partner(sentence: Sentence, start: int) -> str | None:
    """'Vietnam and India took 444 and 416 tonnes respectively': the k-th figure goes to the k-th country."""
    text = sentence.text
    resp = text.find("respectively", start)
    if resp < 0:
        return None
    countries_before = [c for c in sentence.countries if c[1] <= start]
    if not countries_before:
        return None
    run = [n for n in sentence.numbers if countries_before[-1][1] <= n[0] < resp]
    names = [c[2] for c in countries_before][-len(run):] if run else []
    if len(run) < 2 or len(names) != len(run):
        return None
    for i, (s, _e) in enumerate(run):
        if s == start:
            return names[i]
    return None


def _respective_period(sentence: Sentence, start: int) -> Period | None:
    """'In April and May exports came to 2,626 and 1,238 tonnes respectively': the k-th figure is the k-th month's."""
    text = sentence.text
    resp = text.find("respectively", start)
    if resp < 0:
        return None
    before = [(p, p.period) for p in sentence.periods if p.end <= start and p.period is not None and not p.base]
    if not before:
        return None
    months: list[Period] = []
    for p, period in before:
        if p.kind == "range" and months_named(text[p.start:p.end]) > 2:
            months += [Period(month, month) for month in period.months()]  # "April, May and June"
        elif p.kind == "range" and re.search(r"\band\b", text[p.start:p.end]):
            months += [Period(period.start, period.start), Period(period.end, period.end)]  # "April and May"
        else:
            months.append(period)
    run = [n for n in sentence.numbers if before[-1][0].end <= n[0] < resp]
    if len(run) < 2 or len(months) < len(run):
        return None
    for i, (s, _e) in enumerate(run):
        if s == start:
            return months[len(months) - len(run) + i]
    return None


_WHOLE_FLOW = re.compile(r"\b(?:China(?:'s|’s)|China\s+(?:exported|shipped|sold)|all\s+(?:markets|destinations|buyers|"
                         r"countries)|altogether|in\s+all|combined|the\s+world|abroad|overseas)\b", re.I)
"""Words that make a sentence about China's exports as a whole, not one destination."""


_NEW_CLAUSE = re.compile(r"\b(?:as|while|whereas|but|although|though|after|before|when|with|and\s+(?:those|that|shipments|exports))\b",
                         re.I)
"""A word that starts another clause: 'fell 6.1% in September as shipments to Korea surged' is not about Korea, nor
'about 600 tons and those to Vietnam to nearly 390 tons' about Vietnam."""


_WHOLE_FLOW_CLAUSE = re.compile(
    r"\b(?:as|while|whereas|but|although|though)\b[^,;]*?\b(?:China(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:exports|shipments|sales)|"
    r"(?:exports|shipments|sales)\s+to\s+all\s+(?:markets|destinations|countries)|total\s+(?:exports|shipments|sales))\b",
    re.I)
"""A clause about China's exports as a whole, between a country and a number: the number is the whole flow's."""


_WHOLE_FLOW_WHICH = re.compile(r"\bChina(?:'s|’s)\s+(?:total|overall|entire|worldwide|global)\s+(?:[\w-]+\s+){0,3}?"
                               r"(?:exports|shipments|sales)\b[^,;]*,\s+which\b[^,;]*$", re.I)
"""'Korea took about 14% of China's total magnet exports for the month, which fell 3.2%': the relative clause is
about the whole flow."""


def _goes_on(text: str) -> bool:
    """A sentence that names no destination and nothing that makes it the whole flow goes on about the previous
    sentence's destination ('February brought 405 tonnes' after '877 tonnes to the US in January'). The whole flow
    as a share's denominator ('a 12.1 per cent share of China's overall shipments') does not count."""
    text = _DENOMINATOR.sub(" ", text)
    return not lx.OVERALL.search(text) and not _WHOLE_FLOW.search(text)


_DENOMINATOR = re.compile(r"(?:%|\bper\s?cent|\bshare)\s+of\s+(?:the\s+)?(?:China(?:'s|’s)\s+)?(?:[\w-]+\s+){0,3}?"
                          r"(?:exports|shipments|sales|total|volume)\b|\b(?:among|of)\s+China(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:customers|buyers|destinations|markets|importers|clients)\b", re.I)
"""The whole flow as a share's denominator, or as the field a rank is counted in ('fourth place among China's
customers'): neither makes the sentence about the whole flow."""


def _referred_partner(ctx: Context, sentence: Sentence, start: int) -> str | None:
    """The previous sentence's destination, when a sentence that names none before `start` points back to its
    subject ('It was ...', 'Its August intake ...', 'Shipments there ...')."""
    if ctx.partner and not any(c[0] < start for c in sentence.countries) and _ANAPHORA.search(sentence.text):
        if ctx.subject_partner and _POSSESSIVE_OPENING.match(sentence.text):
            return ctx.subject_partner  # "Germany led, ahead of Vietnam. Its intake peaked at 1,346 t": Germany's
        return ctx.partner
    return None


_POSSESSIVE_OPENING = re.compile(rf"\W*(?:{_OPENING_PHRASE})?(?:its|their)\b", re.I)


_TO_ALL = re.compile(r"\s+(?:(?:of\s+)?(?:magnets|rare\s+earths)\s+)?(?:(?:to|for|across)\s+all\s+(?:destinations|markets|"
                     r"countries|buyers)|worldwide)\b", re.I)
"""Right after a figure, the words that make it the whole flow's ('6,150 tonnes to all destinations')."""


def _partner_for(sentence: Sentence, start: int, end: int, ctx: Context | None = None) -> str:
    """The destination a number is about: 'to X' just after it, else the nearest country before it, else the
    previous sentence's destination when this one refers back to it ('This represents ...'), else World."""
    text = sentence.text
    respective = _respective_partner(sentence, start)
    if respective:
        return respective
    if not sentence.countries and sentence.header and (column := _column_partner(sentence, start)):
        return column
    if _CHINAS_OWN.search(text, max(0, start - 40), start) or _TO_ALL.match(text, end):
        return "World"  # "7.3% of China's 5,774 tonnes of magnet exports", "6,150 tonnes to all destinations"
    reach = 45 + sum(len(code.group(0)) for code in _CODE_ASIDE.finditer(text, end, end + 90))
    after = [c for c in sentence.countries if end <= c[0] <= end + reach]
    for c in after:
        gap = _without_codes(text[end:c[0]])
        if re.search(r"\b(?:to|for|into|in)\s+(?:the\s+)?$", gap) and not re.search(r"[.;,\d]", gap) and not _NEW_CLAUSE.search(gap):
            return c[2]
        if re.fullmatch(r"\s*(?:that\s+|which\s+|what\s+)?(?:the\s+)?", gap, re.I) and _RECEIVED.match(text, c[1]):
            return c[2]  # "the 172 tonnes India received in June"
    none_before = not any(c[0] < start for c in sentence.countries)
    if ctx is not None and (referred := _referred_partner(ctx, sentence, start)):
        return referred  # "It was the second consecutive monthly decline ... with U.S. officials": its subject's
    if none_before and ctx is not None and ctx.previous_destination and _DATED_ANAPHORA.match(text):
        return ctx.previous_destination  # "... to the U.S. last month. The September total was ...": the same flow's
    if not sentence.countries and (section := _section_partner(ctx, text)):
        return section  # "* May: 46 tons" under "UNITED STATES"
    if (not sentence.countries and ctx is not None and ctx.previous_destination and sentence.goes_on
            and _commodity(text) in (None, ctx.commodity)):  # a sentence that turns to the other series starts afresh
        return ctx.previous_destination
    before = [c for c in sentence.countries if c[1] <= start and not _in_aside(text, c, start)]
    compared = _compared_with(sentence, start)
    if compared and len(compared) < len(before) and before[-1] == compared[-1]:
        before = [c for c in before if c not in compared]
    if before:
        c = before[-1]
        if _ALL_BUT.search(text, max(0, c[0] - 60), c[0]):
            return f"World excluding {c[2]}"  # "Shipments to all destinations other than the United States"
        gap = text[c[1]:start]
        if re.search(r",\s+(?:\w+ing|with)\b[^,]*$", gap) and before[0] is not c:
            return before[0][2]  # "Germany overtook the US ..., taking 764 tonnes": the subject takes it
        if len(before) == 2 and re.fullmatch(r",[^,]*", text[before[0][1]:c[0]]) and gap.lstrip().startswith(","):
            return before[0][2]  # "Japan, in a quarrel over remarks about Taiwan, bought 305 tonnes": an aside's
        whole = _OF_THE_TOTAL.sub(" ", gap)  # "the country's share of China's total": the total is the denominator
        if (lx.OVERALL.search(whole) and re.search(r"\b(?:while|whereas|but|overall|total)\b", whole, re.I)
                and not _OWN_TOTAL.match(gap)):  # but "| EU-27 total | 2,460 |", "United States, 2025 total: 5,933 t"
            return "World"
        if _WHOLE_FLOW_CLAUSE.search(gap) or _WHOLE_FLOW_WHICH.search(gap):
            return "World"  # "The US slipped to third even as China's exports to all markets rose to 6,150 tonnes"
        return c[2]
    return _section_partner(ctx, text) or "World"  # "* July: 418 tons, ... for Indian customers" under "INDIA"


_OWN_TOTAL = re.compile(r"[\s,]*(?:(?:19|20)\d\d\s+|full[\s-]year\s+|annual\s+|cumulative\s+)?(?:total|overall)\b", re.I)
"""Right after a destination: its own total ('| EU-27 total | 2,460 |', 'United States, 2025 total: 5,933 tons')."""


_ALL_BUT = re.compile(r"\b(?:(?:destinations|markets|countries|buyers|customers|the\s+world|everywhere)\s+(?:else\s+)?"
                      r"(?:other\s+than|except(?:\s+for)?|excluding|apart\s+from|besides|bar)|(?:exports|shipments|sales|"
                      r"volumes?)\s+(?:excluding|except\s+(?:for|to)|other\s+than\s+to))\s+(?:the\s+)?$", re.I)
"""Before a destination that is left out of the flow ('all destinations other than the United States', 'exports
excluding the US'): the figure is the rest of the world's."""


_ALL_DESTINATIONS = re.compile(rf"{lx.OVERALL.pattern}|\b(?:all\s+(?:markets|countries)|world)\b", re.I)
"""A column heading for the whole flow: the words that make a sentence about it, and 'World' or 'All markets'."""


def _column_partner(sentence: Sentence, start: int) -> str | None:
    """The destination a table's header gives a cell: the one its column heading names ('| Month | All destinations
    (t) | Germany (t) |'), else the one the whole header names, unless the column is the whole flow's."""
    assert sentence.header is not None
    span = _column_span(sentence, start)
    if span is not None:
        named = [name for s, _e, name in sentence.header.countries if span[0] <= s < span[1]]
        if named:
            return named[0]
        if _ALL_DESTINATIONS.search(sentence.header.text, span[0], span[1]):
            return "World"
    names = {name for _s, _e, name in sentence.header.countries}
    return names.pop() if len(names) == 1 else None


_PREVIOUS_MONTH = re.compile(r"\b(?:prev|prev\.|previous|prior)(?:\s+month)?\s*[:=]?\s*[~≈]?$", re.I)
"""Right before a level in shorthand: the month before the one the line is about ('vs prev 46t')."""


def _described_partner(sentence: Sentence, end: int) -> str | None:
    """The destination the words after a figure's label name, before any comma ('**5,933** — tonnes the US took
    across the year')."""
    return next((name for start, _end, name in sentence.countries
                 if end <= start <= end + 45 and not re.search(r"[,;.]", sentence.text[end:start])), None)


def _section_partner(ctx: Context | None, text: str) -> str | None:
    """The destination of the heading above, unless the sentence turns to the whole flow ('overall', 'in total')."""
    return (ctx.list_partner or ctx.section_partner) if ctx is not None and not lx.OVERALL.search(text) else None


_COMPARISON = re.compile(r"\b(?:behind|ahead\s+of|after|trailing|than)\s+(?:only\s+)?(?:the\s+)?$", re.I)
_LIST_GAP = re.compile(r"\s*(?:,|;|and|,\s*and|;\s*and)\s*(?:the\s+)?")


_RECEIVED = re.compile(rf"\s+(?:had\s+|has\s+)?(?:{'|'.join(RECEIVING_VERBS)})\b")
"""After a destination that a level is about: 'the 172 tonnes India received'."""
_RECEIVED_IN = re.compile(rf"\d\s*{_TONNES}\s+(?:that\s+|which\s+)?(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?"
                          + _RECEIVED.pattern + r"\s+in\s+$")
"""Before the month of such a level: 'the 172 tonnes India received in June'."""


def _listed_together(text: str, countries: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The last countries of `countries` that form one list in `text` ('Vietnam and India', 'Japan; the US')."""
    first = len(countries) - 1
    while first > 0 and _LIST_GAP.fullmatch(text, countries[first - 1][1], countries[first][0]):
        first -= 1
    return countries[first:]


def _compared_with(sentence: Sentence, start: int) -> list[tuple[int, int, str]]:
    """The countries of a comparison that closes before a figure, its subject's next verb following ('The US slipped
    to fourth, behind Germany, South Korea and Vietnam, and accounted for 7.3%'): they are not what the figure is
    about."""
    text = sentence.text
    listed: list[tuple[int, int, str]] = []
    for c in sentence.countries:
        if c[1] > start:
            break
        if _COMPARISON.search(text, max(0, c[0] - 20), c[0]):
            listed = [c]
        elif listed and _LIST_GAP.fullmatch(text, listed[-1][1], c[0]):
            listed.append(c)
        else:
            listed = []
    return listed if listed and re.match(r",\s+and\s", text[listed[-1][1]:start]) else []


_CHINAS_OWN = re.compile(r"\bChina(?:'s|’s)\s+(?:(?:total|overall|entire|nearly|almost|about|roughly|some)\s+)?"
                         r"(?:(?:magnet|rare[\s-]earths?)\s+)?(?:(?:exports|shipments)\s+of\s+)?$", re.I)
_ASIDE_OPENS = re.compile(r",\s+(?i:whose|which|who|where)\b[^,;]*$|\b[A-Z][\w.]*,\s+(?:our|its|their|his|her)\s[^,;]*$")
"""A relative clause ('Japan, whose carmakers ...') or an appositive after a name ('Germany, our closest partner in
Europe, ...')."""


def _in_aside(text: str, country: tuple[int, int, str], start: int) -> bool:
    """The country is named in a relative clause or an appositive that closes before the figure ('Japan, whose
    carmakers own stakes in India's largest car makers, took 226 tonnes'): the figure belongs to the subject."""
    return bool(_ASIDE_OPENS.search(text, 0, country[0])) and "," in text[country[1]:start]


_OF_CHINAS_EXPORTS = re.compile(r"\W*of\s+(?:China(?:'s|’s)|its)\s+(?:worldwide|global|overseas|total)\s+"
                                r"(?:[\w-]+\s+){0,2}?(?:exports|shipments|sales)\b", re.I)
"""'12% of China's worldwide magnet exports': a destination's share of China's exports, not of a world market."""

_OF_THE_TOTAL = re.compile(r"\b(?:of\s+(?:the\s+)?(?:China(?:'s|’s)\s+)?(?:overall\s+)?|in\s+)total\b", re.I)
"""'of China's total' (a share's denominator) and 'in total' (a destination's own sum): no turn to the whole flow."""

_IMPORTS_FROM_CHINA = re.compile(r"\b(?:imported|imports?)\b[^.;]{0,60}?\bfrom\s+China\b", re.I)
"""A buyer's own import figure ('Korea imported 612 tons of magnets from China'), which China's customs do not give."""

_FORECAST = re.compile(r"\b(?:expects?|expected|expecting|forecasts?|forecasting|projects?|projected|predicts?|predicted|"
                       r"could|would|will|might|likely\s+to|set\s+to|on\s+track\s+to|targets?|targeting|anything|if)\b", re.I)
"""Words before a figure in its clause that make it a forecast or a condition ('could exceed 60,000 tons in 2026',
'Anything above 3,000 tonnes in December would lift ...')."""


_EXPECTED_FIGURE = re.compile(r"(?<!\bas\s)\b(?:expected|forecast|predicted|projected|anticipated|estimated)\s+(?:(?:magnet|rare[\s-]earth)\s+)?"
                             r"(?:exports|shipments|volumes?|sales|a\s+(?:figure|total|level|reading))\s+(?:of\s+)?"
                             r"(?:(?:around|about|roughly|some|near|nearly|close\s+to)\s+)?$", re.I)
"""What someone expected a figure to be, even for a month now reported ('traders expected magnet exports of around
6,000 t'): a forecast, not the data."""


def _reported(period: Period | None, chosen: PeriodMention | None, sentence: Sentence, start: int, ctx: Context
              ) -> Period | None:
    """A figure stated as fact for a month after the reporting month, named without its year, is a year earlier:
    that month has no data yet ('6,357 tonnes in January' in an article of 21 January 2026). Forecast words ('could
    reach 6,000 tonnes in August') keep the month ahead."""
    if (period is None or chosen is None or not period.is_month or period.end <= ctx.reporting
            or names_its_year(sentence.text, chosen)):
        return period
    left, _ = _clause_bounds(sentence.text, start, start)
    if _FORECAST.search(sentence.text, max(left, start - 80), start):
        return period
    return period.shift(-12)


def _not_yet_reported(period: Period | None, ctx: Context) -> bool:
    return period is None or period.end > ctx.reporting


_A_MONTH_PRODUCED = re.compile(rf"(?:^|[.;:,]\s+)(?:the\s+(?:previous|following|next)\s+month|{MONTH_PATTERN}(?:\s+(?:19|20)\d\d)?)"
                               r"(?:,[^,]{1,40},)?\s+(?:had\s+)?produced\s+[^.;]{0,25}$", re.I)
"""A month as the subject of 'produced': the month yielded an export figure, no one produced the magnets."""


_MONEY = re.compile(r"(?:[$€£¥]|\b(?:USD|EUR|CNY|RMB|GBP|JPY)\s?)\d|\d\s*(?:million|billion|bn)?\s*(?:dollars|euros|yuan|yen|pounds)\b|"
                    r"\b(?:revenue|turnover|profits?|earnings|EBITDA)\b", re.I)


def _money_subject(text: str, left: int, start: int) -> bool:
    """An amount of money, or what a company earns, earlier in a change's clause and no tonnage: the change is the
    money's ('Revenue of EUR 61.4 million in the quarter, up 18% on a year earlier')."""
    return _MONEY.search(text, left, start) is not None and _A_TONNAGE.search(text, left, start) is None


def _scope(text: str, start: int, end: int, kind: str, future: bool = False) -> tuple[bool, str | None]:
    """Whether a figure is China export data the dataset could check; `future` when its period is not yet reported,
    so that forecast words before it make it a forecast."""
    left, right = _clause_bounds(text, start, end)
    before = text[max(left, start - 50): start]
    after = text[end: min(right, end + 50)]
    if kind != "tonnage" and (lx.TARIFF.search(after[:30]) or lx.TARIFF.search(before[-25:])):
        return False, "a tariff or duty, not export data"  # a weight is never a duty rate ('5,933 tons amid the tariff row')
    paren = re.search(r"\(\s*$", text[:start])
    if kind == "pct" and paren and re.search(r"\$|\b(?:yuan|dollars|USD)\b", text[max(0, paren.start() - 25):paren.start()], re.I):
        return False, "the change of a dollar value, not of export tonnage"
    if kind == "pct" and (lx.PRICE.search(before[-35:]) or re.match(r"^\s*(?:in\s+)?(?:value|price)", after)
                          or _money_subject(text, left, start)):
        return False, "a price or value change, not export tonnage"
    of_the_series = (kind == "tonnage" and re.match(r"\W*of\s+them\b", after)  # "58,142 tonnes of them"
                     or _OF_CHINAS_EXPORTS.match(after))  # "12% of China's worldwide magnet exports"
    global_share = lx.GLOBAL_SHARE.search(after[:45])
    if kind == "tonnage" and global_share and global_share.group(0).lower() == "worldwide":
        global_share = None  # "1,238 tonnes, worldwide": what China shipped to all destinations
    supplier = re.search(r"\b(?:accounting\s+for|accounts\s+for|controls?|produc\w+|supplies|supplying|refines?|mines?)\s+"
                         r"(?:about\s+|over\s+|nearly\s+|roughly\s+|an\s+estimated\s+|more\s+than\s+|some\s+)?$", before, re.I)
    if supplier and _A_MONTH_PRODUCED.search(text, max(0, start - 90), start):
        supplier = None  # "January 2025, before the controls, produced 6,357 tonnes": a month's export figure
    if global_share and not of_the_series or supplier:
        return False, "a global market or production share, which customs export data cannot check"
    if _IMPORTS_FROM_CHINA.search(text, max(left, start - 80), min(right, end + 60)):
        return False, "another country's import statistics, not China's customs export data"
    if (future and _FORECAST.search(text, max(left, start - 80), start)
            or _EXPECTED_FIGURE.search(text, max(left, start - 80), start)):
        return False, "a forecast or expectation, not reported data"
    reach = 45 if kind == "tonnage" else 30  # "6,000 tonnes a year of domestic magnet capacity"
    own = after[:reach].split(",")[0]  # "up 26%, the demand from wind power is strong": demand is the next clause's
    clause = _NEW_CLAUSE.search(own)  # "6,000 tons in December as global demand stays firm": so is this one
    own = own[: clause.start()] if clause else own
    if lx.NON_EXPORT.search(own) and not re.search(r"\bexport", own, re.I):
        return False, "not a figure about China's exports"
    return True, None


# --------------------------------------------------------------------------------------------- claims


def _claim(ctx: Context, sentence: Sentence, start: int, end: int, **fields: object) -> Claim:
    while start < end and (sentence.text[start].isspace() or sentence.text[start] in "*_"):
        start += 1  # Markdown emphasis ("**5,952**") is not part of a quote
    while end > start and (sentence.text[end - 1].isspace() or sentence.text[end - 1] in ".,;:*_"):
        end -= 1
    abs_start, abs_end = sentence.start + start, sentence.start + end
    line, col = _line_col(ctx, abs_start)
    if fields.get("commodity") in SERIES and (column := _column_series(sentence, start)):
        fields["commodity"] = column  # "| Rare earths (t) | Magnets (t) |": each column its own series
    return Claim(start=abs_start, end=abs_end, line=line, col=col, text=sentence.text[start:end],
                 sentence=sentence.text.strip(), **fields)  # type: ignore[arg-type]


def _column_series(sentence: Sentence, start: int) -> str | None:
    """The series the header cell above a table cell names, else the nearest cell to its left that names one ('|
    Magnets (t) | Change | Rare earths (t) | Change |': each change is its series')."""
    if sentence.header is None:
        return None
    column = sentence.text.count("|", 0, start)
    for left in range(column, 0, -1):
        heading = _column_heading_at(sentence.header.text, left)
        series = _commodity(heading) if heading else None
        if series in SERIES:
            return series
    return None


def _extend_change_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Quote the direct qualifier: 'a 46% increase from June', 'rising 157.5% from May'."""
    left = re.search(r"(?:\b(?:a|an)\s+)?(?:\b[\w-]+\s+(?:by\s+)?)?$", text[max(0, start - 25):start])
    new_start = start - len(left.group(0)) if left and (lx.UP_WORDS.search(left.group(0)) or lx.DOWN_WORDS.search(left.group(0)) or re.match(r"\s*an?\s", left.group(0))) else start
    right = re.match(
        r"^(?:\s+(?:[\w-]+\s+){0,2}?(?:increase|rise|jump|drop|decline|decrease|dip|fall|surge|gain|growth|upsurge|rebound|"
        r"lower|higher|up|down|y/y|m/m|yoy|mom|year[\s-]on[\s-]year|month[\s-]on[\s-]month|year[\s-]over[\s-]year|"
        r"month[\s-]over[\s-]month)\b)?",
        text[end:end + 70], re.I)
    new_end = end + (len(right.group(0)) if right else 0)
    return new_start, new_end


def _extend_to_base(sentence: Sentence, number_end: int, end: int) -> int:
    """Quote through a base named right after the change: '... from the same period in 2024'."""
    for p in sentence.periods:
        if p.start >= number_end and (p.base or p.kind in ("yoy", "mom")):
            gap = sentence.text[number_end:p.start]
            if len(gap) <= 40 and not re.search(r"[,.;\d(]", gap):
                return max(end, p.end)
            break
    return end


_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "tenth": 10}
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def _fraction_value(fraction: str) -> Decimal:
    """'a quarter' -> 25, 'two-thirds' -> 66.7, 'three quarters' -> 75, 'half' -> 50 (per cent)."""
    words = fraction.lower().replace("-", " ").split()
    denominator = _DENOMINATORS[words[-1].removesuffix("s")]
    numerator = _NUMERATORS.get(words[0], 1) if len(words) > 1 else 1
    value = Decimal(100 * numerator) / denominator
    return value.quantize(Decimal(1) if value == value.to_integral_value() else Decimal("0.1"))


def _fraction_share(ctx: Context, sentence: Sentence, m: Mention, value: Decimal) -> Claim:
    """'about a fifth of the total': a share of about that many per cent."""
    text = sentence.text
    return _claim(ctx, sentence, m.start, m.end, kind="share_pct", value=value, precision=Decimal("0.5"),
                  hedge=_hedge(text, m.start) or "about", unit="%", commodity=_nearest_commodity(text, m.start, ctx),
                  partner=_partner_for(sentence, m.start, m.end, ctx),
                  period=str(_period_for(sentence, m.start, m.end, ctx)[0]), rule=m.rule.id)


_SHARE_BEFORE = re.compile(r"\bshare\b[^.;%]{0,50}$", re.I)
"""'the US share stays close to its 2025 average of about a tenth': the fraction is a share, not a multiple."""


def _year_after_base_year(sentence: Sentence, ctx: Context) -> tuple[Period, Period] | None:
    """For a change whose sentence names no period but a whole year as its base ('Change on 2024: −1.3%'): the year
    after it (to date, when that is the reporting year) and the same months of the base year."""
    named = [p for p in sentence.periods if p.period is not None]
    base = named[0].period if len(named) == 1 and named[0].base and named[0].kind == "year" else None
    if base is None or not base.is_year:
        return None  # "... than in the same month of 2023" names a month, and "a year earlier" no year
    year = base.end.year + 1
    last = min(Month(year, 12), ctx.reporting)
    if last.year != year:
        return None
    return Period(Month(year, 1), last), Period(Month(year - 1, 1), Month(year - 1, last.month))


def _pct_claims(ctx: Context, sentence: Sentence, m: Mention) -> list[Claim]:
    text = sentence.text
    if m.groups.get("frac"):
        value = _fraction_value(m.groups["frac"])
        if m.rule.id == "share.fraction":
            return [_fraction_share(ctx, sentence, m, value)]
        # a change written as a fraction ("up by more than a quarter") is a change of about that many per cent
        number_start = text.lower().rindex(m.groups["frac"].lower(), m.start, m.end)
        precision, decimals = Decimal("0.5"), 0
        hedge: Hedge | None = _hedge(text, number_start) or "about"
    else:
        number_start = m.start
        written = as_digits(m.groups["num"] or "0")  # "fifty-six percent" too
        value = parse_number(written)
        precision = half_unit(written)
        decimals = len(written.split(".")[1]) if "." in written else 0
        hedge = _hedge(text, m.start - (1 if m.groups.get("sign") else 0)) or ("about" if m.groups.get("approx") else None)
    commodity = _nearest_commodity(text, m.start, ctx)
    partner = _partner_for(sentence, m.start, m.end, ctx)
    period, chosen = _period_for(sentence, m.start, m.end, ctx)
    period = _reported(period, chosen, sentence, m.start, ctx)
    in_scope, note = _scope(text, m.start, m.end, "pct", _not_yet_reported(period, ctx))
    start, end = _extend_change_span(text, m.start, m.end)
    end = _extend_to_base(sentence, m.end, end)
    common = dict(value=value, decimals=decimals, precision=precision, hedge=hedge, unit="%", rule=m.rule.id)
    if in_scope and _POINTS.search(text, m.start, m.end):
        in_scope, note = False, "a difference in percentage points between two rates or shares"
    if not in_scope:
        return [_claim(ctx, sentence, start, end, kind="other", commodity="other", partner=None, period=None,
                       in_scope=False, scope_note=note, **common)]
    after = text[m.end: m.end + 60]
    share_before = re.search(r"\b(?:share|proportion|accounting\s+for|accounted\s+for|making\s+up|made\s+up)\b|"
                             r"(?:%|per\s?cent)\s+of\s+", text[: m.start], re.I)
    continued_share = bool(share_before) and bool(re.search(
        r"(?:\bup\s+from|\bdown\s+from|\bfrom|\bstood\s+at|\bat|\band|\bwas|\bwere|\bwith)\s*"
        r"(?:(?:around|about|roughly|nearly|almost|some|just\s+(?:over|under))\s*)?$", text[: m.start], re.I))
    column = _column_heading(sentence, m.start) or ""
    changed = (re.match(r"\s*(?:more|less|higher|lower|above|below|up|down|m/m|y/y|mom|yoy)\b", after, re.I)  # "4.8% more than"
               or m.groups.get("sign") in ("+", "↑", "↓"))  # "+57.5% m/m": a share has no sign
    if not changed and (lx.SHARE_CUES.search(after) or continued_share or _SHARE_COLUMN.search(column)
            or re.search(r"\b(?:share|proportion)\b", text[max(0, m.start - 40): m.start], re.I)):
        if not re.search(r"\b(?:increase|rise|growth|decline|drop|fall)\b", text[max(0, m.start - 20): m.end + 15], re.I):
            return [_claim(ctx, sentence, start, end, kind="share_pct", commodity=commodity, partner=partner,
                           period=str(period) if period else None, **common)]
    direction = _direction(text, number_start, m.end, m.groups.get("sign")) or _listed_direction(sentence, number_start)
    base, cue = _base_for(sentence, m.start, m.end, period)
    if chosen is None and (years := _year_after_base_year(sentence, ctx)) is not None:
        period, base = years  # "Change on 2024: −1.3%" in a line that names no period: this year against that one
    gap = _stated_gap(text, m.end, sentence, base)
    if base is not None and cue is None and gap and base.is_month and period is not None and period.is_month:
        period = base.shift(gap)  # "+7% y/y vs Dec-24": December 2025, whatever month the sentence named first
    if base is not None and cue is None and base.is_month and period is not None and not period.is_month:
        period = _month_before(sentence, m.start) or period  # "May ..., 35.9% above May 2023": month against month
    period = _span_of_base(period, base)
    span = _from_to(text, chosen)
    right_after = chosen is not None and chosen.start >= m.end and not text[m.end:chosen.start].strip()
    if (base is None or right_after) and direction != 0 and span is not None:
        period, base = span  # "fell 60% between April and June": June against April, whatever comes later
    if base is None and direction != 0 and period is not None and not period.is_month:
        base = period.shift(-12)  # a cumulative total is compared with the same months a year earlier
    if direction == 0 and base is None:
        kind: ClaimKind = "other"
    else:
        kind = _change_kind(period, base) if base is not None else "pct_change"
    common["value"] = -value if direction < 0 else value  # _direction already reads a minus sign or a down arrow
    return [_claim(ctx, sentence, start, end, kind=kind, commodity=commodity, partner=partner,
                   period=str(period) if period else None, base_period=str(base) if base else None, **common)]


def _span_of_base(period: Period | None, base: Period | None) -> Period | None:
    """'15% less than in the first seven months of 2024', said of July 2025 or of 2025: a running total is
    compared with the same months of another year, so the claim covers January-July 2025."""
    if period is None or base is None or base.is_month or base.is_year or base.start.month != 1:
        return period
    if base.start.year != base.end.year or period.end.year <= base.end.year or not (period.is_month or period.is_year):
        return period
    return base.shift(12 * (period.end.year - base.end.year))


_POINTS = re.compile(r"\bpercentage\s+points?\b", re.I)
_SHARE_COLUMN = re.compile(r"\bshare\b|%\s+of\b|\bper\s?cent\s+of\b", re.I)
"""A table column of shares ('| Share of China total |')."""


_UNIT_SCALE: dict[str, tuple[str, Decimal]] = {
    "kg": ("kg", Decimal("0.001")),
    "kilogram": ("kg", Decimal("0.001")),
    "short ton": ("short_ton", Decimal("0.90718474")),
}


_MONTHS_AVERAGED = re.compile(r"\bmonthly\s+(?:shipments|exports|volumes?)\s+(?:\w+\s+)?averag(?:ed|ing)\s+(?:\w+\s+)?$", re.I)
"""'Monthly shipments therefore averaged about 5,270 tonnes so far this year': an average over a span of months."""


_MONTHS_LEVEL_OF = re.compile(rf"\b(?P<m>{MONTH_PATTERN})(?:'s|’s)?\s+(?:peak|high|low|trough|level|total|figure|tally)\s+of\s+"
                              r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|just\s+(?:over|under)\s+)?$")
"""Before a level that a month's peak or total is given as ('the June peak of 7,742 tonnes')."""


_THAT_MONTHS = re.compile(r"\bthat\s+month(?:'s|’s)\s+$", re.I)
"""Before a level of the month named last before it, whatever role that month plays in the sentence."""


_RELATIVE_POSSESSIVE = re.compile(r"\b(the\s+(?:previous|prior)\s+month|a\s+month\s+earlier|the\s+(?:previous|prior)\s+"
                                  r"year|a\s+year\s+(?:earlier|before))(?:'s|’s)\s+$", re.I)
"""'the previous month's 854 tons': a level of the month (or year) before the one under discussion."""


_OF_SERIES = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:rare|magnet|permanent|neodymium|ndfeb|repm)", re.I)


def _series_named_after(text: str, end: int) -> str | None:
    """'5,994 tonnes of rare earths and 5,577 tonnes of magnets': a level's own 'of ...' names its series."""
    found = _OF_SERIES.match(text, end)
    if found is None:
        return None
    series = _commodity(text[end: found.end() + 30])
    return series if series != "other" else None


def _when_clause_period(sentence: Sentence, start: int, after_level: bool = False) -> Period | None:
    """The base month (or span) or the month that opens a window which a 'when' clause dates a level with: 'a drop of
    30.9% from August, when the country shipped 5,792 tonnes' is August's, 'the highest since January, when 6,357 t
    went out' January's. `after_level`: what stands at `start` follows the clause's level ('..., when exports reached
    6,146 tonnes, their highest since January', '..., when shipments of 6.1 kt had reached their highest ...')."""
    before = [p for p in sentence.periods if p.end <= start and p.period is not None and p.kind in ("month", "range")
              and (p.base or _starts_a_window(sentence, p))]
    clause = _WHEN_LEVEL if after_level else _WHEN
    if before and clause.fullmatch(sentence.text, before[-1].end, start):
        return before[-1].period
    return None


_WHEN = re.compile(r",?\s+when\b[^.;%\d]*")
_WHEN_LEVEL = re.compile(rf",?\s+when\b[^.;%\d]*\d[\d,.]*\s*(?:kt\b|{_TONNES})(?:,\s*|\s+(?:had\s+|has\s+|have\s+)?"
                         r"(?:reached|hit|marked|set|was|were|been|became|made)\s+)", re.I)


def _opens_for(sentence: Sentence, p: PeriodMention, start: int) -> bool:
    """'A year earlier China shipped 4,915 tonnes': the mention opens the sentence, and no other period stands
    between it and the figure at `start`."""
    return not sentence.text[:p.start].strip() and not any(p.end <= q.start < start for q in sentence.periods)


def _is_streak_level(sentence: Sentence, m: Mention) -> bool:
    """A tonnage that is the level a streak stays above or below, right after or right before the streak."""
    for start, end in sentence.extremes:
        after = STREAK_LEVEL_AFTER.match(sentence.text[end:])
        if after and end + after.start("num") == m.start:
            return True
        before = STREAK_LEVEL_BEFORE.search(sentence.text[:start])
        if before and before.start("num") == m.start:
            return True
    return False


_YEAR_OF_A_MONTH = re.compile(r"\b[A-Z][a-z]{2,8}\.?\s+(?:19|20)\d\d$")
_LEVEL_BEFORE = re.compile(r"\d\s?(?:metric\s+)?(?:tonnes|tons|t)\s+in\s", re.I)


def _base_of_change_before(sentence: Sentence, start: int, period: Period | None) -> Period | None:
    """The period of a level that a change just before it is measured from: 'November's volume was up about 5% from
    4,206 tons', with a y/y cue, is November a year earlier."""
    change = next(((s, e) for s, e in sentence.numbers if e <= start and _BASE_LEVEL.fullmatch(sentence.text, e, start)
                   and re.search(r"%|per\s?cent$", sentence.text[s:e])), None)
    return _base_for(sentence, change[0], change[1], period)[0] if change else None


def _base_level_period(sentence: Sentence, start: int) -> Period | None:
    """The base month whose level a figure gives: '↓ 5.2% MoM (September was 5,774 t)' is September's."""
    for p in sentence.periods:
        verb = BASE_LEVEL_VERB.match(sentence.text, p.end) if p.base and p.period is not None else None
        if verb is not None and verb.end() == start:
            return p.period
    return None


_UNIT_DECLARED = re.compile(r"\((?:t|tonnes|tons|metric\s+tons)\b[^()]*\)|\bin\s+(?:metric\s+)?(?:tonnes|tons)\b", re.I)
"""A unit given once for the bare figures after it: 'October (t; y/y where published): Germany 1,118; ...'."""


_RANK_COLUMN = re.compile(r"\s*(?:[\w.]+\s+){0,2}?(?:rank(?:ing)?|#|no\.?|pos(?:ition|\.)?|place)(?:\s+(?:in|for)\s+[\w.]+(?:\s+\d{4})?)?\s*",
                          re.I)
"""A table column of places in a ranking ('| Rank | Destination | Tonnes |', '| Dec rank |', '| Rank in 2024 |')."""


_LABEL_COLUMN = re.compile(r"\s*(?:years?|months?|period|date)\s*", re.I)
"""A table column of row labels ('| Year | Magnets (t) |')."""


def _table_rank(ctx: Context, sentence: Sentence, m: Mention) -> list[Claim]:
    """A cell under a rank column: the place of the row's destination."""
    position = m.groups.get("num") or ""
    if not position.isdigit() or not sentence.countries:
        return []
    period, _ = _period_for(sentence, m.start, m.end, ctx, numeric=False, inside=True)
    return [_claim(ctx, sentence, m.start, m.end, kind="rank", unit="rank", value=Decimal(position),
                   commodity=_nearest_commodity(sentence.text, m.start, ctx), partner=sentence.countries[0][2],
                   period=str(period) if period else None, rule=m.rule.id)]


_ITEM_GAP = re.compile(LIST_ITEM_GAP, re.I)


def _listed_level(sentence: Sentence, start: int) -> bool:
    """A bare number right after a destination, in a sentence that gave a level in tonnes before it: 'Germany took
    1,288 tonnes, South Korea 854 and Vietnam third at about 456' (the unit is said once)."""
    before = [c for c in sentence.countries if c[1] <= start]
    return (bool(before) and _ITEM_GAP.fullmatch(sentence.text, before[-1][1], start) is not None
            and _A_TONNAGE.search(sentence.text, 0, before[-1][0]) is not None)


def _dated_after_level(text: str, p: PeriodMention, end: int, period: Period | None) -> Period | None:
    """The period a relative one right after a level (ending at `end`) gives it: '4,265 tons a year earlier', '24,266.5
    t from the previous year', 'the 4,775 tons exported in the same month of 2023' (a year before), '46 tonnes the
    month before' (a month before)."""
    if period is None or not 0 <= p.start - end <= 15 or re.search(r"[,;\d%]", text[end:p.start]):
        return None
    if p.kind == "yoy" and (p.period is None or p.period.is_year):
        return _year_before(period, p.period)
    if p.kind == "mom" and p.period is None and not p.base and period.is_month:
        return period.shift(-1)
    return None


def _tonnage_claims(ctx: Context, sentence: Sentence, m: Mention) -> list[Claim]:
    text = sentence.text
    if m.rule.id == "table.number" and not (sentence.header and (_TONNAGE_HEADER.search(sentence.header.text)
                                                                 or _TONNAGE_HEADER.search(_row_label(sentence)))):
        return []
    if m.rule.id == "table.number" and _RANK_COLUMN.fullmatch(_column_heading(sentence, m.start) or ""):
        return _table_rank(ctx, sentence, m)
    if m.rule.id == "table.number" and _LABEL_COLUMN.fullmatch(_column_heading(sentence, m.start) or ""):
        return []  # "| 2024 |" under "| Year |": the row's label
    if _is_streak_level(sentence, m):
        return []  # "the sixth straight month above 5.4kt": the level of a streak, checked with it
    if m.rule.id == "tonnage.chained" and not _LEVEL_BEFORE.search(text, 0, m.start):
        return []  # "... to 5,278 in July 2024" takes its unit from "4,724 tonnes in July 2023" before it
    if m.rule.id == "tonnage.shared_unit" and _YEAR_OF_A_MONTH.search(text, max(0, m.start - 12), m.end):
        return []  # "in July 2023 and 5,577 tonnes in July 2025": 2023 is July's year
    if m.rule.id == "tonnage.declared" and not (_UNIT_DECLARED.search(text, 0, m.start)
                                                 and any(m.start <= c[0] < m.end for c in sentence.countries)):
        return []  # "October (t): Germany 1,118; ...": a destination's figure in a list whose unit is given once
    if m.rule.id == "tonnage.list_item" and not _listed_level(sentence, m.start):
        return []  # "In 2024, Germany 1,288": not an item of a list of levels
    raw = as_digits(m.groups["num"] or "0")  # "one thousand one hundred and eighteen tonnes" too
    unit_text = re.sub(r"\s+", " ", (m.groups.get("unit") or "t").lower()).rstrip("s")
    unit, scale = _UNIT_SCALE.get(unit_text, ("t", Decimal(1)))
    multiplier = {"million": Decimal(1_000_000), "mn": Decimal(1_000_000), "thousand": Decimal(1000)}.get(
        (m.groups.get("scale") or "").lower(), Decimal(1000) if unit_text == "kt" or m.groups.get("k") else Decimal(1))
    value = parse_number(raw) * multiplier
    precision = half_unit(raw) * multiplier
    hedge = _hedge(text, m.start) or ("about" if m.groups.get("approx") else None)  # "| EU | ~2,460 |"
    commodity = _series_named_after(text, m.end) or _nearest_commodity(text, m.start, ctx)
    labelled = _described_partner(sentence, m.end) if m.rule.id == "tonnage.labelled" else None
    partner = labelled or _partner_for(sentence, m.start, m.end, ctx)  # "**1,106** — tonnes bought by German customers"
    period, chosen = _period_for(sentence, m.start, m.end, ctx, level=True)
    period = _reported(period, chosen, sentence, m.start, ctx)
    if period is not None and period.is_month and _PREVIOUS_MONTH.search(text, max(0, m.start - 20), m.start):
        period = period.shift(-1)  # "US 353t, vs prev 46t": the month before
    if m.rule.id in ("tonnage.elliptic", "tonnage.declared"):  # "... and India 418", "... and February at 4,740"
        named = [c[2] for c in sentence.countries if m.start <= c[0] < m.end]
        month = next((p for p in sentence.periods if m.start <= p.start < m.end and p.kind == "month"), None)
        if named:
            partner = named[0]
        elif month is not None:
            period, chosen = month.period, month
        else:
            return []  # "Figure 3"
    in_scope, note = _scope(text, m.start, m.end, "tonnage", _not_yet_reported(period, ctx))
    after = text[m.end: m.end + 25]
    dated: Period | None = None
    for p in sentence.periods:
        if (p.end <= m.start and p.kind == "yoy" and p.period is None and period is not None
                and (chosen is None or chosen.end <= p.start) and not re.search(r"[;\d%]", text[p.end:m.start])
                and (re.search(r"\bwhen\b", text[p.end:m.start]) or _opens_for(sentence, p, m.start))):
            period = period.shift(-12)  # "... than in the same month last year, when it shipped 4,265 tons"
            break
        if (p.end <= m.start and p.kind == "mom" and p.period is None and period is not None and period.is_month
                and chosen is None and _opens_for(sentence, p, m.start)):
            period = period.shift(-1)  # "The month before, exports were 6,146 tonnes"
            break
        if (dated := _dated_after_level(text, p, m.end, period)) is not None:
            period = dated
            break
    period = _when_clause_period(sentence, m.start) or _base_level_period(sentence, m.start) or period
    if (chosen is None or chosen.end <= m.start) and dated is None:  # "the 3,326 tons shipped a year earlier" is dated
        period = _base_of_change_before(sentence, m.start, period) or period
    possessive = _RELATIVE_POSSESSIVE.search(text, max(0, m.start - 40), m.start)
    if possessive and period is not None:  # "the previous month's 854 tons"
        period = period.shift(-1 if "month" in possessive.group(1).lower() else -12)
    named_of = _MONTHS_LEVEL_OF.search(text, max(0, m.start - 40), m.start)
    if named_of is not None:  # "the June peak of 7,742 tonnes": June's
        period = next((p.period for p in sentence.periods if p.start == named_of.start("m") and p.period), period)
    if _THAT_MONTHS.search(text, max(0, m.start - 20), m.start):
        named = [p for p in sentence.periods if p.end <= m.start and p.period is not None and p.kind == "month"]
        period = named[-1].period if named else period  # "the highest since May 2024, and lower than that month's 6,217 t"
    period = _running_total(text, m.start, period, ctx)
    kind: ClaimKind = "quantity" if period is None or period.is_month else "cumulative_quantity"
    if re.match(r"^\s*(?:(?:per|a|each)\s+|/\s*)(?:month|mo)\b", after, re.I) or (
            kind == "cumulative_quantity" and _MONTHS_AVERAGED.search(text, max(0, m.start - 60), m.start)):
        kind, note = "average_quantity", "a monthly average over the period"
    common = dict(value=value, decimals=len(raw.split(".")[1]) if "." in raw else 0, precision=precision,
                  hedge=hedge, unit=unit, scale=scale, rule=m.rule.id)
    if lx.CHINA_IMPORTS.search(text[: m.start]):
        in_scope, note = False, "China's imports, not its exports"
    start = m.start - len(re.search(r"(?:(?:just\s+)?(?:nearly|almost|about|roughly|some|over|more\s+than|around|approximately)\s+)?$",
                                     text[:m.start], re.I).group(0))
    return [_claim(ctx, sentence, start, m.end, kind=kind, commodity=commodity if in_scope else "other",
                   partner=partner if in_scope else None, period=str(period) if period else None,
                   in_scope=in_scope, scope_note=note, **common)]


_RUNNING_TOTAL = re.compile(r"\b(?:running|cumulative|year[\s-]to[\s-]date|ytd)\s+(?:total|tally|figure|count|exports|shipments|volume)\b"
                            r"(?:\s+for\s+the\s+year)?(?:\s+\w+){0,3}\s+$", re.I)
"""'The running total stands at 27,897 tonnes', 'year-to-date exports reached 44,355 tonnes'."""


def _running_total(text: str, start: int, period: Period | None, ctx: Context) -> Period | None:
    """A running total's level covers January to its month: the month named (or under discussion), or the reporting
    month when the sentence dates it only by an unfinished year."""
    if period is None or not _RUNNING_TOTAL.search(text, max(0, start - 80), start):
        return period
    if period.is_month:
        return Period(Month(period.end.year, 1), period.end)
    if period.is_year and period.end > ctx.reporting >= period.start:
        return Period(period.start, ctx.reporting)
    return period


def _money_claims(ctx: Context, sentence: Sentence, m: Mention) -> list[Claim]:
    raw = m.groups["num"] or "0"
    kind: ClaimKind = "price" if m.groups.get("per") else "value_usd"
    return [_claim(ctx, sentence, m.start, m.end, kind=kind, value=parse_number(raw), precision=half_unit(raw),
                   unit="usd", hedge=_hedge(sentence.text, m.start), commodity=_nearest_commodity(sentence.text, m.start, ctx),
                   partner=None, period=None, in_scope=False,
                   scope_note="a price or a money value; the dataset checks tonnages", rule=m.rule.id)]


def _from_to(text: str, mention: PeriodMention | None) -> tuple[Period, Period] | None:
    """'between May and July' or 'from May to July' at a change: (July, May), the period and its base."""
    if mention is None or mention.kind != "range" or mention.period is None:
        return None
    words = text[mention.start:mention.end]
    if months_named(words) != 2 or not re.match(r"(?:between|from)\s", words, re.I):
        return None
    end, start = mention.period.end, mention.period.start
    return Period(end, end), Period(start, start)


def _multiple_claims(ctx: Context, sentence: Sentence, m: Mention) -> list[Claim]:
    text = sentence.text
    word = m.groups.get("word") or m.groups.get("x") or ""
    verb = (m.groups.get("verb") or "").lower()
    if m.groups.get("verb2"):
        return _outpaced_claims(ctx, sentence, m)
    if verb:
        value = Decimal({"d": 2, "t": 3, "q": 4}[verb[0]])
    elif m.rule.id == "multiple.fraction" and m.groups.get("half"):
        value = Decimal("0.5")  # "about half the June figure"
    elif m.rule.id == "multiple.fraction":
        if _SHARE_BEFORE.search(text, 0, m.start):
            return [_fraction_share(ctx, sentence, m, Decimal(10))]
        value = Decimal("0.1")
    elif m.groups.get("twice"):
        value, word = Decimal(2), "two"
    else:
        half = re.search(r"[\s-]and[\s-]a[\s-]half$", word, re.I)
        parsed = word_to_number(word[:half.start()] if half else word)
        if parsed is None:
            return []
        value = parsed + (Decimal("0.5") if half else 0)
    hedge = _hedge(text, m.start) or ("more than" if re.match(r"-?plus\b", text[m.end:], re.I) else None)  # "sevenfold-plus"
    base = None
    base_mention = None
    after = text[m.end: m.end + 60]
    rise_in = next((p for p in sentence.periods if p.start >= m.end and p.period is not None
                    and (_RISE_IN.fullmatch(text, m.end, p.start) or verb and p.kind == "reporting"
                         and not text[m.end:p.start].strip())), None)  # "a sevenfold jump in June", "doubled last month"
    ahead = [p for p in sentence.periods if p.start >= m.end and p.start - m.end < 45 and p.period is not None
             and p is not rise_in and not _CLAUSE_PUNCT.search(text, m.end, p.start)]
    if ahead:  # "4.8x May's"; but "4.8x — how much bigger December's volume was than May's" is against May
        base_mention = _than_period(sentence, m.end) or ahead[0]
        base = base_mention.period
    period, chosen = _period_for(sentence, m.start, m.end, ctx, exclude=base_mention)
    if span := _from_to(text, base_mention) or (_from_to(text, chosen) if base is None else None):
        period, base = span  # "more than quadrupled between May and July", "between April and July shipments doubled"
    other = next((c for c in sentence.countries if c[0] >= m.end and _of_another_destination(text, m.end, c)), None)
    if other is not None:  # "four times the volume sent to the United States": the US is compared with, not the subject
        partner = _partner_for(replace(sentence, countries=[c for c in sentence.countries if c != other]), m.start, m.end, ctx)
    else:
        partner = _partner_for(sentence, m.start, m.end, ctx)
    if other is not None and base is None and other[2] != partner:
        base = period  # "South Korea took nearly four times as much as Japan": the same month, another destination
    if rise_in is not None and base is None:
        period = rise_in.period  # "rose more than tenfold in June": June's rise, whatever month came before
    if base is None:
        base, _ = _base_for(sentence, m.start, m.end, period)
        base = None if rise_in is not None and base == rise_in.period else base
    if base is None and _THAT_LEVEL.match(text, m.end):
        base = _last_level_period(sentence, m.start, ctx)  # "November's intake was more than double that level"
    if base is None and period is not None and period.is_month and (verb or _is_a_rise(text, m.start, m.end)):
        # "a sevenfold jump in June", "rose more than sevenfold", "more than doubled": on the month before
        base = period.shift(-1)
    in_scope, note = _scope(text, m.start, m.end, "multiple", _not_yet_reported(period, ctx))
    if re.search(r"\b(?:duties|tariffs?)\b", after[:30] + text[max(0, m.start - 30): m.start], re.I):
        in_scope, note = False, "a tariff, not export data"
    end = m.end
    tail = re.match(r"^\s+(?:the\s+)?(?:[\w’']+\s+){0,2}?(?:volume|level|figure|amount|total)\b", after)
    if tail:
        end += tail.end()
    start = m.start - len(re.search(r"(?:(?:over|more\s+than|nearly|almost|about|roughly|less\s+than)\s+)?$", text[:m.start], re.I).group(0))
    return [_claim(ctx, sentence, start, end, kind="multiple" if in_scope else "other", value=value, unit="times",
                   precision=_multiple_precision(m, word), hedge=hedge,
                   commodity=_nearest_commodity(text, m.start, ctx) if in_scope else "other",
                   partner=partner if in_scope else None,
                   partners=[partner, other[2]] if other is not None and in_scope and other[2] != partner else None,
                   period=str(period) if period and in_scope else None,
                   base_period=str(base) if base and in_scope else None, in_scope=in_scope, scope_note=note,
                   rule=m.rule.id)]


_RISE_NOUN = r"[\s-]*(?:plus\s+)?(?:jump|rise|increase|surge|leap|gain|climb|rebound|spike|expansion)\b"
_RISE_IN = re.compile(rf"(?:{_RISE_NOUN}\s+(?:in|during|for)|\s+(?:in|during))\s+(?:the\s+month\s+of\s+)?", re.I)
"""Between a multiple and the month it happened in, not its base ('a sevenfold-plus jump in June', 'rose tenfold in
June')."""


_CLAUSE_PUNCT = re.compile(r";|,(?!\d)")
"""A comma or semicolon that ends a clause, not a thousands separator: '... doubled to 3,188 tonnes, and by July'."""


_THAT_LEVEL = re.compile(r"\s+(?:(?:that|this|the\s+earlier|the\s+previous)\s+(?:level|figure|volume|amount|total|tally)\b|"
                         r"that(?=\s*(?:[.;:,)!?]|$)))", re.I)
"""After a multiple that points back at a level: 'more than double that level', 'nearly five times that.'"""


def _last_level_period(sentence: Sentence, start: int, ctx: Context) -> Period | None:
    """The period of the last level before `start` in the sentence ('131 tonnes in June, ... more than double that
    level'), else of the last figure before the sentence."""
    levels = [(s, e) for s, e in sentence.numbers if e <= start and _ENDS_IN_A_UNIT.search(sentence.text, s, e)]
    if not levels:
        return ctx.last_figure_period
    return _period_for(sentence, levels[-1][0], levels[-1][1], ctx, level=True)[0]


_ENDS_IN_A_UNIT = re.compile(rf"\d\s*{_TONNES}\s*$", re.I)
"""A figure's span that is a level in tonnes ('131 tonnes'), not a change or a multiple."""


_ROSE_BY = re.compile(r"\b(?:rose|risen|jumped|grew|grown|increased|surged|climbed|soared|rebounded|leapt|multiplied)\s+"
                      r"(?:by\s+)?(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|roughly\s+|some\s+)?$", re.I)


def _is_a_rise(text: str, start: int, end: int) -> bool:
    """A multiple said as a rise with no base ('rose more than sevenfold', 'a fivefold jump in June')."""
    return bool(_ROSE_BY.search(text, max(0, start - 40), start) or re.match(_RISE_NOUN, text[end:], re.I))


def _than_period(sentence: Sentence, end: int) -> PeriodMention | None:
    """The period after 'than' in the same clause as a multiple ('bigger December's volume was than May's')."""
    return next((p for p in sentence.periods if p.start >= end and p.start - end < 60 and p.period is not None and p.base
                 and re.match(r"than\b", sentence.text[p.lead:], re.I) and not re.search(r"[,;\d%]", sentence.text[end:p.lead])),
                None)


_AS_MUCH_AS = re.compile(r"\s+(?:as\s+(?:much|many)(?:\s+[\w-]+){0,3}?\s+as|that\s+of|the\s+(?:volume|amount|level)\s+"
                         r"(?:of|for|shipped\s+to|sent\s+to|bound\s+for|destined\s+for)|the\s+[\d,.]+\s*(?:metric\s+)?(?:tons|tonnes|t)\s+"
                         r"(?:(?:China|it)\s+)?(?:sent|shipped|exported|delivered)\s+to)\s+(?:the\s+)?", re.I)
"""Between a multiple and another destination: 'four times as much as Japan', 'twice the volume shipped to', 'two and
a half times the 226 tons China sent to'."""
_ITS_VOLUME = re.compile(r"(?:['’]s)?\s+(?:volume|level|figure|total|tally|intake|purchases|shipments)\b", re.I)


def _of_another_destination(text: str, end: int, country: tuple[int, int, str]) -> bool:
    """A multiple of another destination's figure: 'four times as much as Japan', '2.5 times India's volume', '1.7x
    the US volume'."""
    if _AS_MUCH_AS.fullmatch(text, end, country[0]):
        return True
    if re.fullmatch(r"\s+what\s+(?:the\s+)?", text[end:country[0]]) and _RECEIVED.match(text, country[1]):
        return True  # "nearly four times what Japan took"
    return bool(re.fullmatch(r"\s+(?:the\s+)?", text[end:country[0]]) and _ITS_VOLUME.match(text, country[1]))


def _multiple_precision(m: Mention, word: str) -> Decimal:
    """Half a unit of the last written digit: "6.2 times" is 6.15..6.25 and "six times" 5.5..6.5, like "6 times".
    A verb ("doubled") or a fraction ("one-tenth") names its ratio exactly."""
    if m.rule.id != "multiple.times" or not word:
        return Decimal(0)
    if re.search(r"and[\s-]a[\s-]half$", word, re.I):
        return Decimal("0.25")  # "two-and-a-half times": to the nearest half
    return half_unit(word) if word[0].isdigit() else Decimal("0.5")


def _outpaced_claims(ctx: Context, sentence: Sentence, m: Mention) -> list[Claim]:
    """'The first half has already outpaced all of last year': the period's total is more than 1x the whole year's."""
    text = sentence.text
    period, mention = _period_for(sentence, m.start, m.end, ctx)
    whole = (m.groups.get("whole") or "").lower()
    if period is None:
        return []
    year = int(whole) if whole[:2] in ("19", "20") else period.end.year - 1
    start = mention.start if mention is not None and mention.end <= m.start else m.start
    return [_claim(ctx, sentence, start, m.end, kind="multiple", value=Decimal(1), precision=Decimal(0),
                   hedge="more than", unit="times", commodity=_nearest_commodity(text, m.start, ctx),
                   partner=_partner_for(sentence, m.start, m.end, ctx), period=str(period),
                   base_period=str(Period.year(year)), rule=m.rule.id)]


def _halving_claims(ctx: Context, sentence: Sentence, m: Mention) -> list[Claim]:
    text = sentence.text
    period, _ = _period_for(sentence, m.start, m.end, ctx)
    base = period.shift(-1) if period else None
    hedge = (_hedge(m.groups["hedge"], len(m.groups["hedge"])) if m.groups.get("hedge") else _hedge(text, m.start)
             or ("about" if re.search(r"\b(?:roughly|about|around)\s*$", text[:m.start], re.I) else None))
    return [_claim(ctx, sentence, m.start, m.end, kind="mom_pct", value=Decimal(-50), precision=Decimal("0.5"),
                   hedge=hedge or "about", unit="%", commodity=_nearest_commodity(text, m.start, ctx),
                   partner=_partner_for(sentence, m.start, m.end, ctx), period=str(period) if period else None,
                   base_period=str(base) if base else None, rule=m.rule.id)]


def _count_claims(ctx: Context, sentence: Sentence, m: Mention) -> list[Claim]:
    word = m.groups.get("word") or ""
    value = word_to_number(word) if word not in ("a", "several") else Decimal(1 if word == "a" else 3)
    return [_claim(ctx, sentence, m.start, m.end, kind="other", value=value, unit="count", commodity="other",
                   in_scope=False, scope_note="a count, not a trade figure", rule=m.rule.id)]


_RANK_WORDS = {"top": 1, "largest": 1, "biggest": 1, "leading": 1, "main": 1, "major": 1, "primary": 1, "highest": 1,
               "no. 1": 1, "no.1": 1, "number one": 1, "on top": 1,
               "no. 2": 2, "no.2": 2, "number two": 2, "runner-up": 2, "runner up": 2}


def _rank_position(pos: str | None) -> int | None:
    if not pos:
        return 1
    pos = re.sub(r"[\s-](?:largest|biggest)$", "", pos.lower().strip()).lstrip("#").strip()
    pos = re.sub(r"^no\.\s?(?=\d)", "", pos)  # "No.3"
    pos = re.sub(r"^number[\s-]", "", pos)  # "number-three"
    if pos in _RANK_WORDS:
        return _RANK_WORDS[pos]
    number = word_to_number(pos)
    return int(number) if number is not None else None


_ORDINALS_RE = "second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th"
_LABEL_GAP = re.compile(r"\s*[:—–=-]\s*(?:the\s+)?", re.I)
"""Between a label and its value: 'Top buyer: Germany', 'Largest market — the US'."""
_NAMED_AFTER = re.compile(r"\s+(?:(?:in|during|for)\s+\w+\s+)?(?:was|is|were|are|went\s+to|goes\s+to)\s+(?:the\s+)?", re.I)
"""Between a rank and the destination that holds it: 'the country in fifth place was Mexico'."""
_APPOSITIVE_GAP = re.compile(r"\s*[,—–]\s*(?:the\s+)?")
_ELLIPTIC = ("rank.elliptic", "rank.elliptic_first")
"""Ranks written as a name and its place, the verb left out ('South Korea fourth', 'Japan first, the U.S. second')."""
_FIRST_IN_CLAUSE = ("rank.superlative", "rank.leading", "rank.topped", "rank.no_1", "rank.ordinal_largest")


def _previous_rank(claims: list[Claim]) -> int:
    ranks = [c for c in claims if c.kind == "rank" and c.value is not None]
    return int(ranks[-1].value) if ranks else 1  # type: ignore[arg-type]


_OWN_RANKING = re.compile(r"\b(?:our|my)\s+(?:[\w.-]+\s+)?$", re.I)
"""Before a rank's words: the speaker's own customers or markets ('our largest market', 'our No. 2 customer')."""


def _rank_claims(ctx: Context, sentence: Sentence, m: Mention, previous: list[Claim]) -> list[Claim]:
    text = sentence.text
    commodity = _nearest_commodity(text, m.start, ctx)
    period, _ = _period_for(sentence, m.start, m.end, ctx, numeric=False, inside=True)
    common = dict(kind="rank", unit="rank", commodity=commodity, period=str(period) if period else None, rule=m.rule.id)
    if _OWN_RANKING.search(text, max(0, m.start - 20), m.start):  # "Germany is our largest market"
        common.update(commodity="other", in_scope=False, scope_note="a ranking of the writer's own sales, not China's exports")
    rule = m.rule.id
    opener = max(re.finditer(r";|,\s+(?:which|making|while|whereas)\b", text[: m.start]), key=lambda x: x.end(), default=None)
    clause_start = opener.end() if opener else 0
    when = max(_WHEN_CLAUSE.finditer(text, clause_start, m.start), key=lambda x: x.end(), default=None)
    if when is not None and any(when.end() <= c[0] < m.start for c in sentence.countries):
        clause_start = when.end()  # "..., a month in which Vietnam briefly topped the table": the clause's own subject
    before = [c for c in sentence.countries if clause_start <= c[0] and c[1] <= m.start + 2 and not _in_aside(text, c, m.start)]
    if not before and opener and opener.group(0).endswith("which"):  # "bound for India, which made it the third-largest"
        before = [c for c in sentence.countries if c[1] <= opener.start() and _WHICH_GAP.fullmatch(text, c[1], opener.start())]
    joined = max([0] + [x.end() for x in re.finditer(r",\s+(?:and|but)\b", text[: m.start])])
    if any(c[0] >= joined for c in before):  # "..., and Germany stayed at the head of the table": its own subject
        before = [c for c in before if c[0] >= joined]
    if rule in ("rank.list", "rank.top_n_list"):
        listed = [c for c in sentence.countries if c[0] >= m.end - 1]
        if rule == "rank.list" and listed and listed[0][0] <= m.end and (len(listed) == 1 or not _LIST_GAP.fullmatch(
                text, listed[0][1], listed[1][0])):  # "The top buyer in June was Germany": one destination
            return [_claim(ctx, sentence, m.start, listed[0][1], value=Decimal(1), partner=listed[0][2], **common)]
        if len(listed) < 2:
            return []
        names = [c[2] for c in listed]
        return [_claim(ctx, sentence, m.start, listed[-1][1], value=Decimal(i + 1), partner=name, partners=names, **common)
                for i, name in enumerate(names)]
    if rule == "rank.list_before":  # "Japan, the US and the Netherlands were the largest buyers": in printed order
        listed = [c for c in sentence.countries if c[1] <= m.start]
        if not listed or text[listed[-1][1]:m.start].strip():
            return []
        listed = _listed_together(text, listed)
        names = [c[2] for c in listed]
        if len(names) < 2:
            return []
        return [_claim(ctx, sentence, listed[0][0], m.end, value=Decimal(i + 1), partner=name, partners=names,
                       **common) for i, name in enumerate(names)]
    if rule == "rank.followed_by":
        ranked = re.search(r"\b(?:top|largest|biggest|leading|highest|most|first|No\.\s?1|main)\b", text[: m.start], re.I)
        if not ranked and not any(c.kind == "rank" and c.sentence == text.strip() for c in previous):
            return []
        after = [c for c in sentence.countries if c[0] >= m.start and c[0] <= m.end + 60]
        after = [c for i, c in enumerate(after) if i == 0 or _LIST_GAP.fullmatch(text, after[i - 1][1], c[0])]
        ranked_here = {c.partner for c in previous if c.kind == "rank" and c.sentence == text.strip()}
        if not after or ranked_here & {c[2] for c in after}:
            return []  # "... leaving it fourth, which put Korea well ahead of the US": the US is the one ranked
        start_rank = _previous_rank(previous) + 1
        return [_claim(ctx, sentence, m.start, after[-1][1], value=Decimal(start_rank + i), partner=c[2], **common)
                for i, c in enumerate(after)]
    if rule == "rank.behind":
        own = re.search(rf"\b(?P<pos>{_ORDINALS_RE})[\s-](?:largest|biggest)\b", text[: m.start], re.I)
        after = [c for c in sentence.countries if m.start <= c[0] <= m.end + 60]
        after = [c for i, c in enumerate(after) if i == 0 or _LIST_GAP.fullmatch(text, after[i - 1][1], c[0])]
        stated = [c for c in previous if c.kind == "rank" and c.sentence == text.strip() and c.end <= sentence.start + m.start]
        position = _rank_position(own.group("pos")) if own else int(stated[-1].value or 0) if stated else None
        if position is None or len(after) != position - 1:
            return []
        return [_claim(ctx, sentence, m.start, after[-1][1], value=Decimal(i + 1), partner=c[2], **common)
                for i, c in enumerate(after)]
    if rule == "rank.list_tail":
        n = word_to_number(m.groups.get("n") or "")
        if n is None or not before:
            return []
        tail = _listed_together(text, before)[-3:]  # not "Germany led and India rounded out the top five"
        first = int(n) - len(tail) + 1
        return [_claim(ctx, sentence, tail[0][0], m.end, value=Decimal(first + i), partner=c[2], **common)
                for i, c in enumerate(tail)]
    if rule == "rank.next":
        if not before:
            return []
        return [_claim(ctx, sentence, before[-1][0], m.end, value=Decimal(_previous_rank(previous) + 1),
                       partner=before[-1][2], **common)]
    if rule == "rank.pair":  # "the Netherlands and Taiwan third and fourth", "placing them fourth and fifth"
        pair = [c for c in sentence.countries if c[1] <= m.start][-2:]
        positions = [_rank_position(m.groups.get("pos")), _rank_position(m.groups.get("pos2"))]
        if len(pair) < 2 or None in positions:
            return []
        return [_claim(ctx, sentence, m.start, m.end, value=Decimal(position), partner=c[2], **common)
                for c, position in zip(pair, positions, strict=True)]
    if rule == "rank.only_more":  # "Only Germany took more": Germany first, the destination under discussion second
        named = [c for c in sentence.countries if m.start <= c[0] < m.end][:1]
        if not named:
            return []
        ranked = [named[0][2]] + ([ctx.partner] if ctx.partner and ctx.partner not in ("World", named[0][2]) else [])
        return [_claim(ctx, sentence, m.start, m.end, value=Decimal(i + 1), partner=name, **common)
                for i, name in enumerate(ranked)]
    if rule == "rank.numbered":  # "2. United States - 619 t": the country must open the item
        after = [c for c in sentence.countries if m.end <= c[0] <= m.end + 4]
        if not after or not re.fullmatch(r"(?:the\s+)?", text[m.end:after[0][0]], re.I):
            return []
        if sentence.start + m.start in ctx.section_numbers:
            return []
        position = _rank_position(m.groups.get("pos"))
        return [_claim(ctx, sentence, m.start, after[0][1], value=Decimal(position), partner=after[0][2], **common)
                ] if position else []
    if rule == "rank.place_goes_to":  # the destination follows
        before = [c for c in sentence.countries if c[0] == m.end or c[0] >= m.end and text[m.end:c[0]].strip() == ""][:1]
    labelled = [c for c in sentence.countries if c[0] >= m.end and _LABEL_GAP.fullmatch(text[m.end:c[0]])]
    if rule in ("rank.leading", "rank.no_1") and labelled:  # "Top buyer: Germany", a label and its value
        position = _rank_position(m.groups.get("pos"))
        return [_claim(ctx, sentence, m.start, labelled[0][1], value=Decimal(position), partner=labelled[0][2],
                       **common)] if position else []
    if rule in ("rank.were_position", "rank.placed_object"):  # "... left the US fourth": the object is ranked
        inside = [c for c in sentence.countries if m.start <= c[0] < m.end]
        before = inside or before
    if rule in _ELLIPTIC:  # "South Korea fourth", "Germany only second", "Japan first, the U.S. second"
        before = [c for c in sentence.countries if _ONLY_GAP.fullmatch(text, c[1], m.start)]
    if rule == "rank.in_table":  # "South Korea, third in the table, took ...": the name right before
        before = [c for c in sentence.countries if re.fullmatch(r",\s", text[c[1]:m.start])]
    if rule == "table.ordinal":
        before = [c for c in sentence.countries if c[1] <= m.start][:1]
    named = next((c for c in sentence.countries if c[0] >= m.end and (_NAMED_AFTER.fullmatch(text, m.end, c[0]) or (
        not text[:m.start].strip() and _APPOSITIVE_GAP.fullmatch(text, m.end, c[0]) and text[c[1]:c[1] + 1] in ",—–"))),
        None)  # "The second-largest buyer, the United States, more than made up ...": a rank that opens its sentence
    if named is not None and rule not in (*_ELLIPTIC, "table.ordinal"):
        before = [named]  # "the country in fifth place was Mexico", "the second-largest buyer was the US"
    if not before and not sentence.countries and ctx.section_partner:
        before = [(0, 0, ctx.section_partner)]  # "making the country the biggest single destination" under "VIETNAM"
    referred = _referred_partner(ctx, sentence, m.start)
    if not before and rule not in (*_ELLIPTIC, "table.ordinal") and referred and referred != "World":
        before = [(0, 0, referred)]  # "Its 340 tonnes in June were good for third place": the last sentence's
    if not before:
        return []
    position = _rank_position(m.groups.get("pos"))
    if position is None:
        return []
    partner = before[0][2] if rule in _FIRST_IN_CLAUSE else before[-1][2]
    start = before[-1][0] if rule in _ELLIPTIC else m.start
    hedge = "among" if m.groups.get("among") else None
    return [_claim(ctx, sentence, start, m.end, value=Decimal(position), partner=partner, hedge=hedge, **common)]


_ONLY_GAP = re.compile(r"\s?(?:\s*(?:only|just|merely))?")
"""Between a destination and its bare place: nothing, or 'only' ('Germany only second')."""
_WHICH_GAP = re.compile(rf"(?:\s+(?:{'|'.join(RECEIVING_VERBS)}|on|at|with)\s+(?:{HEDGE_WORD}\s+)?"
                        rf"\d[\d,.]*\s?{_TONNES})?\s*")
"""Between a destination and the 'which' that goes on about it: nothing, or its level ('India on 416 t, which ranked
fifth')."""
_WHEN_CLAUSE = re.compile(r",\s+(?:a\s+month\s+)?(?:in\s+which|when)\b")


def _in_a_when_clause(sentence: Sentence, at: int) -> bool:
    """Whether `at` lies in a clause that looks back to another time ('back in May, when the flow had shrunk to a
    thousand tonnes, ...'): its month is not the one the next lines are about."""
    when = max(_WHEN_CLAUSE.finditer(sentence.text, 0, at), key=lambda x: x.end(), default=None)
    return when is not None and "," not in sentence.text[when.end():at]


def _window(m: Mention, period: Period | None, ctx: Context) -> str | None:
    """The months an extreme is compared with, the claim's own month included."""
    if period is None:
        return None
    end = period.end
    groups = m.groups
    if groups.get("since"):
        since = groups["since"].strip()
        mentions = find_periods(since, end.shift(-2))  # "since January" without a year: the last January before it
        if mentions and mentions[0].period is not None:
            start = mentions[0].period.end.shift(1) if mentions[0].kind == "month" else Month(mentions[0].period.start.year, 1)
            if mentions[0].kind == "year":
                start = Month(mentions[0].period.start.year + 1, 1)
            return str(Period(start, end)) if start <= end else None
        return None
    n = word_to_number(groups.get("n") or "") if groups.get("n") else None
    unit = (groups.get("unit") or "").lower()
    if m.rule.id in ("extreme.this_year", "extreme.year_high") and (groups.get("year") or groups.get("last")):
        # "of 2024", "the 2024 high", "for Korea last year": the whole year, as far as it is reported
        year = int(groups.get("year") or end.year)
        return str(Period(Month(year, 1), min(Month(year, 12), max(ctx.reporting, end))))
    if m.rule.id == "extreme.this_year":
        return str(Period(Month(end.year, 1), end))
    if m.rule.id in ("extreme.peak", "extreme.year_high", "extreme.named_month", "extreme.water_mark", "extreme.month_peak"):
        # "peaked in June", "the year's high", "the low point was May", "the high-water mark": the year so far
        return str(Period(Month(end.year, 1), max(end, min(Month(end.year, 12), ctx.reporting))))
    if m.rule.id == "extreme.month_of_span":
        span = (groups.get("part") or "").lower()
        if span == "year":
            last = end if groups.get("so_far") else Month(end.year, 12)
            return str(Period(Month(end.year, 1), max(last, end)))
        size = 6 if span == "half" else 3
        first = Month(end.year, (end.month - 1) // size * size + 1)
        return str(Period(first, first.shift(size - 1)))
    if n is None:
        return None
    months = int(n) * (12 if unit.startswith("year") else 1)
    return str(Period(end.shift(-(months - 1)), end)) if months > 1 else None


def _extreme_claims(ctx: Context, sentence: Sentence, m: Mention, previous: list[Claim]) -> list[Claim]:
    text = sentence.text
    period = (_month_of_its_peak(sentence, m) or _when_clause_period(sentence, m.start, after_level=True)
              or _which_level_period(sentence, m.start, ctx, previous)
              or _appositive_level_period(sentence, m.start, previous)
              or _reported(*_period_for(sentence, m.start, m.end, ctx, numeric=False), sentence, m.start, ctx))
    if lx.TARIFF.search(text, max(0, m.start - 40), m.start) or lx.PRICE.search(text, max(0, m.start - 40), m.start):
        # "US tariffs peaked at 145%", "the price fell to its lowest level since 2017": not export tonnage
        return [_claim(ctx, sentence, m.start, m.end, kind="extreme", unit="none", commodity="other", in_scope=False,
                       scope_note="a tariff or price, not export tonnage", rule=m.rule.id)]
    direction = (m.groups.get("dir") or m.groups.get("noun") or _comparative_before(text, m.start)).lower()
    low = direction in ("lowest", "minimum", "low", "smallest", "weakest", "quietest", "slowest", "softest", "worst", "bottomed out",
                        "trough", "low point", "bottom", "slackest", "lightest", "fewest", "leanest", "thinnest")
    window = _window(m, period, ctx) if m.rule.id != "extreme.record" else None
    nth = _NTH_EXTREME.search(text, max(0, m.start - 10), m.start)  # "the second-highest monthly total this year"
    start = nth.start() if nth else m.start
    return [_claim(ctx, sentence, start, m.end, kind="extreme", unit="none", commodity=_nearest_commodity(text, m.start, ctx),
                   partner=_partner_for(sentence, m.start, m.end, ctx), period=str(period) if period else None, window=window,
                   direction="low" if low else "high", value=Decimal(ORDINALS[nth.group(1).lower()]) if nth else None,
                   rule=m.rule.id)]


def _month_of_its_peak(sentence: Sentence, m: Mention) -> Period | None:
    """'slide from May peak', 'the June high': the month named right before the extreme's word is its month."""
    if m.rule.id != "extreme.month_peak":
        return None
    month = next((p for p in sentence.periods if p.kind == "month" and p.period is not None and p.end <= m.start
                  and m.start - p.end <= 4), None)
    return month.period if month is not None else None


_APPOSITION = re.compile(r"\s*[,—–]\s*$")


def _claimed_level_period(previous: list[Claim], end: int) -> Period | None:
    """The period the level claim ending at `end` (an offset in the article) was given by its handler."""
    level = next((c for c in previous if c.end == end and c.kind in ("quantity", "cumulative_quantity") and c.period),
                 None)
    return Period.parse(level.period or "") if level is not None else None


def _appositive_level_period(sentence: Sentence, start: int, previous: list[Claim]) -> Period | None:
    """The period of a level the extreme stands in apposition to: 'The month before, they had reached 6,146 tonnes,
    the strongest month since January' is about the month before."""
    gap = _APPOSITION.search(sentence.text, 0, start)
    return _claimed_level_period(previous, sentence.start + gap.start()) if gap is not None else None


_WHICH_LEVEL = re.compile(rf"(?P<level>\d[\d,.]*\s*{_TONNES})(?:\s+in\s+\w+(?:\s+\d{{4}})?)?(?:,\s*which\s+(?:at\s+the\s+time\s+|then\s+)?|\s+)"
                          r"(?:had\s+been|was|were|is|marked|turned\s+out\s+to\s+be|proved\s+to\s+be|proved|remained|remains)\s+"
                          r"(?:also\s+|still\s+)?(?:(?:the|its|their)\s+)?$", re.I)
"""'... than November's 5,493.9 tons, which had been the most since August', 'January's 6,357 tonnes is still the
high-water mark': the extreme is the level's."""


def _which_level_period(sentence: Sentence, start: int, ctx: Context, previous: list[Claim]) -> Period | None:
    level = _WHICH_LEVEL.search(sentence.text, max(0, start - 60), start)
    if level is None:
        return None
    return (_claimed_level_period(previous, sentence.start + level.end("level"))  # dated as its handler dated it
            or _period_for(sentence, level.start("level"), level.end("level"), ctx, level=True)[0])


def _comparative_before(text: str, start: int) -> str:
    """'high' or 'low' for '... more magnets than in any month since January' or '... fewer tonnes than ...'."""
    words = re.findall(r"\b(more|higher|larger|bigger|less|fewer|lower|smaller)\b", text[:start], re.I)
    return "low" if words and words[-1].lower() in ("less", "fewer", "lower", "smaller") else "high"


_NTH_EXTREME = re.compile(r"\b(second|third|fourth|fifth)[\s-]$", re.I)
"""Before an extreme's word: 'the second-highest', a place in the window rather than the top of it."""


def _floor_claims(ctx: Context, sentence: Sentence, m: Mention) -> list[Claim]:
    """'Exports have not dipped below 5,000 t since June': every month after June, to the latest reported, on the
    other side of the level; a streak of that many months."""
    since = next((p.period for p in sentence.periods if m.start <= p.start < m.end and p.kind == "month" and p.period),
                 None)
    if since is None:
        return []
    end = ctx.reporting
    if since.end >= end:
        return []
    window = Period(since.end.shift(1), end)
    stays_below = m.groups.get("word", "").lower() in ("above", "over")
    return [_claim(ctx, sentence, m.start, m.end, kind="streak", value=len(window.months()), unit="count",
                   commodity=_nearest_commodity(sentence.text, m.start, ctx),
                   partner=_partner_for(sentence, m.start, m.end, ctx), period=str(Period(end, end)), window=str(window),
                   direction="down" if stays_below else "up", rule=m.rule.id)]


def _streak_claims(ctx: Context, sentence: Sentence, m: Mention) -> list[Claim]:
    if m.rule.id == "streak.floor":
        return _floor_claims(ctx, sentence, m)
    text = sentence.text
    n = word_to_number(m.groups.get("n") or "")
    if n is None:
        return []
    period, chosen = _period_for(sentence, m.start, m.end, ctx)
    if (period is not None and period.is_month and chosen is not None and chosen.end <= m.start
            and re.search(r"\bthen\b", text[chosen.end:m.start], re.I)):
        period = period.shift(int(n))  # "peaked in June, then fell for three months running": July to September
    if chosen is None and _UP_TO_NOW.search(text, 0, m.start):
        period = Period(ctx.reporting, ctx.reporting)  # "Exports have now risen for two consecutive months": to date
    what = (m.groups.get("what") or "") + " " + text[max(0, m.start - 40): m.end + 10]
    down = bool(re.search(r"declin|drop|fall|fell|decreas|lower|loss", m.groups.get("what") or "", re.I)) or (
        not m.groups.get("what") and bool(lx.DOWN_WORDS.search(text[max(0, m.start - 40): m.start])))
    if m.groups.get("what") and not down and not re.search(r"grow|gain|increas|rise|rose|risen|up", m.groups["what"], re.I):
        down = bool(lx.DOWN_WORDS.search(what)) and not lx.UP_WORDS.search(what)
    first_in = m.rule.id == "streak.first_in"
    if m.rule.id == "streak.for_nth_month":
        down = bool(re.match(r"fall|fell|decline|drop|slip|ease", m.groups.get("what") or "", re.I))
    start, end = m.start, m.end
    after, before = STREAK_LEVEL_AFTER.match(text[m.end:]), STREAK_LEVEL_BEFORE.search(text[:m.start])
    if after or before:  # "the sixth straight month above 5.4kt": a streak of staying above a level
        start, end = (start, m.end + after.end()) if after else (before.start(), end)
        down = (after or before).group("word").lower() in ("below", "under", "less than")  # type: ignore[union-attr]
    return [_claim(ctx, sentence, start, end, kind="streak", value=n, unit="count",
                   commodity=_nearest_commodity(text, m.start, ctx), partner=_partner_for(sentence, m.start, m.end, ctx),
                   period=str(period) if period else None, direction="down" if down else "up",
                   scope_note="first change in that direction after the opposite streak" if first_in else None,
                   base_period=None, rule=m.rule.id)]


_UP_TO_NOW = re.compile(r"\b(?:now|have|has)\s+(?:\w+\s+){0,3}$", re.I)
"""A present perfect before a streak that names no month: it runs to the latest month reported."""


_HANDLERS = {
    "pct": _pct_claims,
    "tonnage": _tonnage_claims,
    "money": _money_claims,
    "multiple": _multiple_claims,
    "halving": _halving_claims,
    "count": _count_claims,
    "streak": _streak_claims,
}


_AFTER_PREVIOUS = {"rank": _rank_claims, "extreme": _extreme_claims}
"""Handlers that read the claims found before them ('..., the strongest month since January' is its level's)."""


def _ends_block(text: str, start: int, end: int) -> bool:
    """A line break ends the period's reach, except between items of one list or rows of one table."""
    if "\n" not in text[end - 1: end + 1]:
        return False
    line = text[text.rfind("\n", 0, start) + 1: start + 4]  # enough to see a marker ('- ', '1. ', '(a) ')
    following = text[end: end + 200].lstrip(" \t\r\n")
    return not (_BLOCK_START.match(line) and _BLOCK_START.match(following) and not re.match(r"\s*#", following))



def _starts_a_window(sentence: Sentence, p: PeriodMention) -> bool:
    """'since January', 'until May': the edge of a span, not the period a figure is about. But in 'before September
    dropped to 4,181 tonnes' the month is the subject of its own clause."""
    return (bool(WINDOW_START.search(sentence.text, max(0, p.start - 60), p.start))
            and not _SUBJECT_VERB.match(sentence.text, p.end)
            and not _OWN_FIGURE.match(sentence.text, p.end - 2))  # "before October's 1,118 tonnes": October's


_OWN_FIGURE = re.compile(r"['’]s\s+[~≈]?\d")
"""A possessive period right before its figure ('October's 1,118 tonnes')."""
_SUBJECT_VERB = re.compile(r"\s+(?:dropped|fell|rose|slipped|climbed|jumped|eased|slid|sank|surged|recovered|rebounded|"
                           r"came|saw|brought|was|were|hit|reached|recorded|added|shed)\b", re.I)


def _sentence_period(sentence: Sentence) -> Period | None:
    """The period a sentence is about, carried to the next: not a base, not the start of a window ('since January'),
    and not in a relative clause set off by commas (', which had been the largest buyer in May,')."""
    for p in sentence.periods:
        if _starts_a_window(sentence, p) or _relative_aside(sentence.text, p):
            continue
        if not p.base and p.period is not None and p.kind in ("month", "range", "reporting", "year"):
            return p.period
    return None


@dataclass(frozen=True)
class _Sent:
    start_char: int
    end_char: int
    text: str


def _sentences(doc: Doc, text: str) -> list[_Sent]:
    """Sentence spans from the token arrays: the same as `doc.sents`, without a Python object per token."""
    if not len(doc):
        return []
    table = doc.to_array([SENT_START, IDX, LENGTH])
    starts = [i for i, flag in enumerate(table[:, 0]) if flag == 1 or i == 0]
    out = []
    for n, first in enumerate(starts):
        last = (starts[n + 1] if n + 1 < len(starts) else len(doc)) - 1
        begin, end = int(table[first, 1]), int(table[last, 1] + table[last, 2])
        out.append(_Sent(begin, end, text[begin:end]))
    return out


_OTHER_STORIES = re.compile(r"\W*(?:read\s+more|related(?:\s+(?:stories|articles|coverage))?|see\s+also|also\s+read|"
                            r"more\s+on\s+this\s+story|recommended|most\s+read)\s*:", re.I)
"""A line of links to other stories ('Read more: Copper Slides 2.4% as ...'): their numbers are not this article's."""


def _section_numbers(text: str, mentions: list[Mention], country_starts: list[int]) -> frozenset[int]:
    """The numbered items that open with a destination but are not places in a ranking: those whose neighbours in
    the numbering (the item numbered one less or one more) exist and open with something else ('3. Principal
    markets.', '4. The United States ranked second.', '5. Other Asian markets.')."""
    items = [m for m in mentions if m.rule.id == "rank.numbered"]
    if len(items) < 2:
        return frozenset()

    def opens_with_destination(item: Mention) -> bool:
        i = bisect_left(country_starts, item.end)
        return i < len(country_starts) and re.fullmatch(r"(?:the\s+)?", text[item.end:country_starts[i]], re.I) is not None

    def neighbours(k: int) -> list[Mention]:
        number = int(items[k].groups["pos"])
        before = next((m for m in reversed(items[:k]) if int(m.groups["pos"]) == number - 1), None)
        after = next((m for m in items[k + 1:] if int(m.groups["pos"]) == number + 1), None)
        return [m for m in (before, after) if m is not None]

    opening = {m.start: opens_with_destination(m) for m in items}
    return frozenset(item.start for k, item in enumerate(items) if opening[item.start]
                     and (near := neighbours(k)) and not any(opening[m.start] for m in near))


def resolve_claims(doc: Doc, published: date | None, reporting: Month | None = None) -> list[Claim]:
    """Turn the mentions of a processed doc into Claims, carrying subject and period from sentence to sentence."""
    text = doc_text(doc)
    if reporting is None:
        reporting = reporting_month(published) if published else latest_month(text) or Month(2025, 1)
    dominant = _dominant_commodity(text)
    ctx = Context(reporting=reporting, commodity=dominant, dominant_commodity=dominant, topic_commodity=dominant,
                  line_starts=_line_starts(text))
    mentions = doc._.mentions or []
    mention_starts = [m.start for m in mentions]
    countries = _all_countries(doc)
    country_starts = [c[0] for c in countries]
    ctx.section_numbers = _section_numbers(text, mentions, country_starts)
    rows = _table_headers(text)
    read = {(a, b): TableHeader(text[a:b], _within(countries, country_starts, a, b),
                                find_periods(text[a:b], ctx.reporting)) for a, b in set(rows.values())}
    tables = {line: read[span] for line, span in rows.items()}
    claims: list[Claim] = []
    index = 0
    opens_paragraph = True

    def read_sentence(sent: _Sent) -> Sentence:
        inside = mentions[bisect_right(mention_starts, sent.start_char - 1): bisect_right(mention_starts, sent.end_char - 1)]
        periods = find_periods(sent.text, ctx.reporting, ctx.period.end.year if ctx.period else None,
                               section_year=ctx.section_year)
        return Sentence(
            header=tables.get(text.rfind("\n", 0, sent.start_char) + 1),
            start=sent.start_char,
            text=sent.text,
            periods=years_of_a_span(sent.text, _following_the_context(periods, ctx.period or ctx.last_period)),
            countries=_within(countries, country_starts, sent.start_char, sent.end_char),
            numbers=[(m.start - sent.start_char, m.end - sent.start_char) for m in inside
                     if m.rule.kind in ("pct", "tonnage", "money", "multiple")],
            extremes=[(m.start - sent.start_char, m.end - sent.start_char) for m in inside
                      if m.rule.kind in ("extreme", "streak")],
        )

    sents = _sentences(doc, text)
    for i, sent in enumerate(sents):
        sentence = read_sentence(sent)
        heading = not sent.text.isspace() and _is_heading(text, sent.start_char, sent.end_char)
        explained = (read_sentence(_Sent(sent.start_char, sents[i + 1].end_char, text[sent.start_char:sents[i + 1].end_char]))
                     if heading and i + 1 < len(sents) and _is_figure_heading(text, sent, mentions, mention_starts)
                     else sentence)
        sentence_claims: list[Claim] = []
        other_stories = bool(_OTHER_STORIES.match(sent.text))
        while index < len(mentions) and mentions[index].start < sent.end_char:
            mention = mentions[index]
            index += 1
            if mention.start < sent.start_char or other_stories:
                continue
            local = Mention(mention.rule, mention.start - sent.start_char, mention.end - sent.start_char, mention.groups)
            if mention.end > sent.end_char:
                local = Mention(mention.rule, local.start, len(sent.text), mention.groups)
            if mention.rule.kind in _AFTER_PREVIOUS:
                found = _AFTER_PREVIOUS[mention.rule.kind](ctx, explained, local, claims + sentence_claims)
            else:
                found = _HANDLERS[mention.rule.kind](ctx, explained, local)
            sentence_claims.extend(found)
        figures_before = bool(claims)
        claims.extend(_with_context_partner(ctx, sentence, sentence_claims))
        opens_paragraph = _carry_context(ctx, text, sent, sentence, sentence_claims, figures_before, opens_paragraph,
                                         heading)
    return _in_text_order(claims)


_HEADING_FURNITURE = re.compile(r"\s*(?:#+\s*(?:\d{1,2}[.)])?|(?:\*\*)?\d{1,2}[.)])[\s*_:.)\-–—]*")
"""What a numbered or Markdown heading holds besides its figure ('## 4.', '3)'); a figure on a line of its own with
no number or '#' is a stat card, labelled by the line above it."""


def _is_figure_heading(text: str, sent: _Sent, mentions: list[Mention], mention_starts: list[int]) -> bool:
    """Whether a heading is a figure and nothing else ('## 4. 660%', '4. 660%'): the sentence below it says what it
    counts."""
    inside = mentions[bisect_right(mention_starts, sent.start_char - 1): bisect_right(mention_starts, sent.end_char - 1)]
    if not inside or any(m.rule.kind not in ("pct", "tonnage", "multiple") for m in inside):
        return False
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    rest = text[line_start:_line_end(text, sent.end_char - 1)]
    for m in reversed(inside):
        rest = rest[:m.start - line_start] + " " + rest[m.end - line_start:]
    return _HEADING_FURNITURE.fullmatch(rest) is not None


def _carry_context(ctx: Context, text: str, sent: _Sent, sentence: Sentence, claims: list[Claim], figures_before: bool,
                   opens_paragraph: bool, heading: bool) -> bool:
    """Update what carries to the next sentence: subject, series, period and destination (`heading`: the sentence is a
    heading). Returns whether the next sentence opens a paragraph."""
    partners = [c.partner for c in claims if c.partner and c.in_scope]
    commodity = _commodity(sentence.text)
    turns = heading or commodity not in (None, "other", ctx.commodity)  # a new section, or the other series
    named = partners or [name for _start, _end, name in sentence.countries]
    if named or turns:  # the last destination named is what 'It' means, the first (the subject) what 'Its' means
        ctx.partner, ctx.subject_partner = (named[-1], named[0]) if named else (None, None)
    if commodity and commodity != "other":
        ctx.commodity = commodity
        topic = (opens_paragraph and not claims and (ctx.titled or not heading) and figures_before
                 and _commodity(sentence.text[:50]) == commodity)
        lede = not heading and bool(claims) and not ctx.story_started  # the story's first sentence, with figures
        if heading and (figures_before or ctx.story_started) or topic or lede:  # headings above the story are furniture
            ctx.topic_commodity = commodity  # "## Rare earths", "Magnets followed another path.": what follows
        if lede:  # an article about rare earths may still name magnets more often, in a section for contrast
            ctx.dominant_commodity = commodity
    elif heading and figures_before and not claims and not commodity:
        ctx.topic_commodity = ctx.dominant_commodity  # "=== DESK VIEW ===": a new section, back to the article's series
    ctx.titled = ctx.titled or heading
    ctx.story_started = ctx.story_started or not heading and _is_a_prose_sentence(sentence)
    next_opens_paragraph = _paragraph_ends(text, sent.end_char)
    if next_opens_paragraph or heading and not claims:  # a section heading ends what the last paragraph was about
        ctx.commodity = ctx.topic_commodity
    period = _sentence_period(sentence)
    if _is_question_line(text, sent.start_char, sent.end_char):
        ctx.section_period = period  # "How much did China export in December?": the answers below are December's
        ctx.section_year = _heading_year(sentence) or ctx.section_year  # "And in 2025?": the months below are 2025's
    if heading:
        ctx.section_period = period if _names_only_a_period(sentence) or _names_one_month(sentence) else None
        ctx.section_partner = _only_destination(sentence)
        ctx.section_year = _heading_year(sentence)
    months = [c.period for c in claims if c.in_scope and c.period and ".." not in c.period
              and not _in_a_when_clause(sentence, c.start - sentence.start)]
    if months:
        ctx.month_period = Period.parse(months[-1])
    in_item = _LIST_ITEM.match(text, text.rfind("\n", 0, sent.start_char) + 1) is not None
    if period is not None:
        ctx.period = ctx.last_period = period
        ctx.span_in_passing = (period.start != period.end and (not opens_paragraph or in_item) and bool(claims)
                               and not sentence.text.rstrip().endswith(":"))  # a label or lead-in dates what follows
    elif _ends_block(text, sent.start_char, sent.end_char):
        ctx.period = None
    next_item = in_item and _LIST_ITEM.match(text[sent.end_char: sent.end_char + 200].lstrip(" \t\r\n")) is not None
    ends_line = next_item or _ends_block(text, sent.start_char, sent.end_char)
    if (next_opens_paragraph or ends_line) and ctx.span_in_passing and ctx.month_period is not None:
        ctx.period, ctx.span_in_passing = ctx.month_period, False
    _carry_destination(ctx, sentence, claims, _prose_goes_on(text, sent.end_char))
    _carry_list_partner(ctx, text, sent, sentence, claims)
    levels = [c for c in claims if c.in_scope and c.period and c.kind in ("quantity", "cumulative_quantity")]
    if claims:  # a sentence without figures ('Source: customs.', a blank line) does not change what 'the figure' is
        ctx.last_figure_period = Period.parse(levels[-1].period or "") if levels else None
    return next_opens_paragraph


_PROSE_SENTENCE = re.compile(r"(?:\S+\s+){7,}\S*[.!?][\"'’”)*_]*\s*$")


def _is_a_prose_sentence(sentence: Sentence) -> bool:
    """Eight words or more that end with a full stop, outside a table, list or heading: the story has begun."""
    return _is_prose(sentence) and _PROSE_SENTENCE.match(sentence.text) is not None


def _following_the_context(periods: list[PeriodMention], current: Period | None) -> list[PeriodMention]:
    """'The following month they jumped to 353 tonnes' with no month named before it in the sentence: the month
    after the one under discussion, or after the last month of the span under discussion ('From March to May ...
    The following month, exports more than doubled')."""
    if current is None:
        return periods
    return [replace(p, period=_after(current, p.months_after)) if p.kind == "month" and p.period is None else p
            for p in periods]


def _after(current: Period, months: int) -> Period:
    """The month after the one (or the last of the span) under discussion; a year later, the same month or span."""
    if months == 1:
        return Period(current.end.shift(1), current.end.shift(1))
    return current.shift(months)


_QUOTED_ITEM = re.compile(r"[ \t>]*(?:[-*•]|\d+[.)]|\(?[a-h]\))\s")
"""A list item, inside a Markdown block quote too ('> - June: 353 t')."""


def _carry_list_partner(ctx: Context, text: str, sent: _Sent, sentence: Sentence, claims: list[Claim]) -> None:
    """A figureless line that names one destination and leads into a list ('**U.S.-bound shipments (t)**' over
    '- June: 353 t') gives its items their destination, until the list ends."""
    if not re.search(r"\w", sentence.text):
        return  # a line of markup alone ('>') neither ends a list nor leads into one
    if not _QUOTED_ITEM.match(text, text.rfind("\n", 0, sent.start_char) + 1):
        ctx.list_partner = None
    line_end = text.find("\n", sent.end_char - 1)
    if claims or line_end < 0 or text[sent.end_char: line_end].strip():
        return
    following = re.match(r"(?:[ \t>]*\r?\n)*", text[line_end + 1: line_end + 400])
    if following is not None and _QUOTED_ITEM.match(text, line_end + 1 + following.end()):
        ctx.list_partner = _destination(sentence, claims)


def _breaks_after(text: str, end: int) -> int:
    """How many line breaks stand between a sentence ending at `end` and the next one (-1 when none follows)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    ahead = text[end:end + 200]
    gap = ahead[: len(ahead) - len(ahead.lstrip())]
    return gap.count("\n") if len(gap) < len(ahead) else -1


def _paragraph_ends(text: str, end: int) -> bool:
    """A blank line follows: the next sentence starts a new paragraph."""
    return _breaks_after(text, end) >= 2


def _is_heading(text: str, start: int, end: int) -> bool:
    """A short line of its own with no closing punctuation ('## August', an HTML <h3>), or a Markdown heading."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end - 1)
    line = text[line_start: len(text) if line_end < 0 else line_end].strip()
    if line.startswith("#"):
        return True
    own_line = text[line_start:start].strip() == "" and text[end: len(text) if line_end < 0 else line_end].strip() == ""
    return own_line and 0 < len(line) <= 60 and not line.endswith((".", "!", "?", ";", ",", "|")) and (
        not _BLOCK_START.match(line) or _NUMBERED_CAPITALS.fullmatch(line) is not None)


_NUMBERED_CAPITALS = re.compile(r"\d{1,2}(?:\.\d{1,2})*[.)]?\s+[A-Z][A-Z0-9 ,:;&'’/()\-–]{3,}")
"""A numbered section heading in capitals ('3. PERMANENT MAGNETS: SEPTEMBER DETAIL'), not a list item."""


def _is_question_line(text: str, start: int, end: int) -> bool:
    """A sentence that ends a line with a question, as an FAQ or an interviewer asks it ('And for the year as a
    whole?'): the answers below are about what it asks, until the next question."""
    line_end = _line_end(text, max(start, end - 1))
    return text[start:line_end].rstrip().endswith("?") and line_end - start <= 120


def _heading_year(sentence: Sentence) -> int | None:
    """The one year a heading names with its digits, not as a base ('below 2024 levels')."""
    years = {p.period.end.year for p in sentence.periods if p.period is not None and not p.base
             and p.kind in ("month", "range", "year") and re.search(r"(?:19|20)\d\d", sentence.text[p.start:p.end])}
    return years.pop() if len(years) == 1 else None


def _only_destination(sentence: Sentence) -> str | None:
    """'UNITED STATES', '## Germany:': the one destination a heading names, with nothing else."""
    if len(sentence.countries) != 1:
        return None
    start, end, name = sentence.countries[0]
    rest = sentence.text[:start] + sentence.text[end:]
    return name if not re.sub(r"[\s#*_:()\[\]\-–—]", "", rest) else None


def _names_one_month(sentence: Sentence) -> bool:
    """'3. PERMANENT MAGNETS: SEPTEMBER DETAIL BY DESTINATION': a heading whose one period is a month (which
    `_sentence_period` gives unless it is a base or a window's start)."""
    return len(sentence.periods) == 1 and sentence.periods[0].kind == "month"


def _names_only_a_period(sentence: Sentence) -> bool:
    """'August', '### September 2025', 'Q3 2025:': nothing but one period that is not a base."""
    rest = sentence.text
    for p in sentence.periods:
        rest = rest[:p.start] + " " * (p.end - p.start) + rest[p.end:]
    periods = [p for p in sentence.periods if p.period is not None and not p.base and p.kind in ("month", "range", "year")]
    return len(periods) == 1 and not re.sub(r"[\s#*_:()\[\]\-–—]", "", rest)


def _carry_destination(ctx: Context, sentence: Sentence, claims: list[Claim], prose_goes_on: bool) -> None:
    """Update the destinations the next sentences may be about. A sentence with no figure and no country ('The
    recovery did not run in a straight line.') leaves them as they were."""
    destination = _destination(sentence, claims)
    figureless = not claims and not sentence.countries and sentence.goes_on
    if not prose_goes_on:
        ctx.previous_destination = None
    elif not figureless:
        ctx.previous_destination = destination
    if destination and _is_prose(sentence):  # "China's exports to the US fell ...": about the US all the same
        ctx.earlier_destination = destination
    elif not sentence.goes_on:
        ctx.earlier_destination = None


def _is_prose(sentence: Sentence) -> bool:
    """Not a table row, bullet or heading, which each stand alone."""
    return sentence.header is None and not _BLOCK_START.match(sentence.text)


def _with_context_partner(ctx: Context, sentence: Sentence, claims: list[Claim]) -> list[Claim]:
    """Mark the whole-flow figures of a sentence that names no destination before them with the destination of an
    earlier paragraph, which the verifier may fall back on."""
    destination = ctx.earlier_destination
    if destination is None or not _is_prose(sentence) or not sentence.goes_on:
        return claims
    first_country = sentence.countries[0][0] if sentence.countries else len(sentence.text)
    return [c.model_copy(update={"context_partner": destination})
            if c.partner == "World" and c.in_scope and c.start - sentence.start < first_country else c
            for c in claims]


def _destination(sentence: Sentence, claims: list[Claim]) -> str | None:
    """The one destination a sentence is about: of its in-scope claims, else of the countries it names. A ranking
    ('Japan was the biggest customer') compares destinations: the next sentence is not about the one it names."""
    flows = [c for c in claims if c.in_scope and c.partner]
    if flows:
        partners = {c.partner for c in flows if c.kind != "rank"}
    else:
        partners = {name for start, _end, name in sentence.countries
                    if not _WHERE_NOT_WHITHER.search(sentence.text, 0, start)}
    return partners.pop() if len(partners) == 1 and "World" not in partners else None


_WHERE_NOT_WHITHER = re.compile(r"\b(?:in|from|across|at)\s+(?:the\s+)?$")
"""Before a country that says where something is, not where exports go ('manufacturers in Europe and Asia')."""


def _prose_goes_on(text: str, end: int) -> bool:
    """The next sentence follows in the same paragraph of prose: no line break between the two."""
    return _breaks_after(text, end) == 0


def _in_text_order(claims: list[Claim]) -> list[Claim]:
    """By position; the ranks of one list share a span and come in list order, which is rank order."""
    return sorted(claims, key=lambda c: (c.start, c.end, c.value if c.kind == "rank" and c.value is not None else 0,
                                         c.partner or ""))


def latest_month(text: str) -> Month | None:
    """The latest month named with a year in the text ('June 2025'), used when no date is known. A month that
    starts something ('a tariff from January 2026') or is compared against is not a data month."""
    months = [p.period.end for p in find_periods(text, Month(2100, 1), only=CALENDAR_PATTERNS)
              if p.period is not None and not p.base and p.kind in ("month", "range")
              and re.search(r"(?:19|20)\d\d", text[p.start:p.end])]
    return max(months) if months else None


_SAME_LENGTH = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " "})


def normalise_text(text: str) -> str:
    """Odd hyphens and spaces to plain ones, one character for one, so offsets stay true."""
    return text.translate(_SAME_LENGTH)


def with_original_quotes(claims: list[Claim], original: str) -> list[Claim]:
    return [c.model_copy(update={"text": original[c.start:c.end]}) for c in claims]


def extract_claims(text: str, published: date | None = None) -> list[Claim]:
    nlp = build_pipeline()
    return with_original_quotes(resolve_claims(nlp(make_doc(nlp, normalise_text(text))), published), text)
