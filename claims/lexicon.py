"""Word classes the extractor reads around a number: directions, bases, hedges, commodities, scope cues."""

from __future__ import annotations

import re


def needles(*words: str) -> re.Pattern[str]:
    """A search for any of `words` in lower-cased text, to skip a costly pattern when none is there: a literal
    alternation, which `re` scans for quickly."""
    return re.compile("|".join(map(re.escape, words)))


HEDGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:nearly|close\s+to|just\s+(?:under|shy\s+of|below))\s*$", re.I), "nearly"),
    (re.compile(r"\balmost\s*$", re.I), "almost"),
    (re.compile(r"\b(?:more\s+than|upwards\s+of|above)\s*$", re.I), "more than"),
    (re.compile(r"\b(?:just\s+)?over\s*$", re.I), "over"),
    (re.compile(r"\b(?:less\s+than|under|below|fewer\s+than)\s*$", re.I), "less than"),
    (re.compile(r"\b(?:about|approximately|around|some|an\s+estimated|approx\.?|circa|c\.|something\s+like|in\s+the\s+region\s+of|~)\s*$", re.I), "about"),
    (re.compile(r"\broughly\s*$", re.I), "roughly"),
]
# A hedge written right before the verb or the number ("exports soared nearly 75%", "by nearly 19%").
HEDGE_GAP = re.compile(r"(?:\s+(?:by|to|at|of|a|an|the))*\s*$", re.I)

UP_WORDS = re.compile(
    r"\b(?:up|rise|rises|rising|rose|risen|jump\w*|surg\w*|soar\w*|increas\w*|climb\w*|grew|grow\w*|gain\w*|"
    r"higher|more|upsurge|rebound\w*|boost\w*|spik\w*|leap\w*|expand\w*|add\w*|hike\w*|advanc\w*|outpac\w*|"
    r"accelerat\w*|upswing|above|ahead|topp\w*)\b",
    re.I,
)
DOWN_WORDS = re.compile(
    r"\b(?:down|fall|falls|falling|fell|fallen|drop\w*|declin\w*|decreas\w*|dip\w*|lower|less|fewer|slid\w*|slump\w*|"
    r"plung\w*|plummet\w*|tumbl\w*|sank|sink\w*|shrank|shrunk|shrink\w*|contract\w*|slump\w*|reduc\w*|cut|below|deficit|"
    r"collaps\w*|retreat\w*|shortfall|short|slip\w*|sagg?\w*|shed|eas(?:ed|ing)|lost|loss|slowed|slower|weaker|off|behind)\b",
    re.I,
)
YOY_CUES = re.compile(
    r"\b(?:y/y|yoy|y-o-y|year[\s-]on[\s-]year|year[\s-]over[\s-]year|year\s+on\s+year|on\s+(?:the\s+)?year|on-year|"
    r"annual(?:ly)?|from\s+a\s+year\s+(?:earlier|ago|before)|than\s+a\s+year\s+(?:earlier|ago|prior)|"
    r"a\s+year\s+(?:earlier|ago|before|prior)|(?:the\s+)?(?:same|corresponding)\s+(?:period|month|time)|last\s+year|"
    r"the\s+year\s+before|the\s+previous\s+year|the\s+prior\s+year)\b",
    re.I,
)
MOM_CUES = re.compile(
    r"\b(?:m/m|mom|m-o-m|month[\s-]on[\s-]month|month[\s-]over[\s-]month|month\s+to\s+month|sequential(?:ly)?|ring[\s-]ratio|"
    r"on\s+(?:the\s+)?month(?!\s+(?:of|before|earlier))|"
    r"from\s+(?:the\s+)?(?:previous|prior|preceding)\s+month|a\s+month\s+(?:earlier|ago|before)|"
    r"the\s+previous\s+month|the\s+prior\s+month|the\s+month\s+before|monthly\s+(?:basis|gain|increase|decline|drop))\b",
    re.I,
)

QOQ_CUES = re.compile(
    r"\b(?:q/q|qoq|q-o-q|quarter[\s-]on[\s-]quarter|quarter[\s-]over[\s-]quarter|"
    r"(?:from|than|on|over)\s+(?:in\s+)?(?:the\s+)?(?:previous|prior|preceding)\s+quarter|a\s+quarter\s+(?:earlier|ago|before))\b",
    re.I,
)
"""Cues that compare a quarter (or any span) with the span of the same length just before it."""

COMMODITY_NEEDLES = needles("magnet", "repm", "ndfeb", "8505", "rare", "17", "seventeen", "raw")
"""One of these is in every match of MAGNETS or RARE_EARTHS."""
MAGNETS = re.compile(r"\bmagnets?\b(?!\s+(?:makers?|producers?|manufacturers?|factories|plants|industry|sector|companies|firms))|\bmagnetic\b|\bREPMs?\b|\bNdFeB\b|\b8505", re.I)
RARE_EARTHS = re.compile(
    r"\b17-element\b|\brare[\s-]lands?\b|\brare[\s-]earths?\b(?!\s*(?:permanent\s+)?magnet)(?!\s+products)"
    r"(?!\s+(?:export\s+)?(?:curbs|controls?|restrictions?|industry|sector|supply|elements|materials|mines?|policy|content|"
    r"issues?|dominance|processing|producers?|market|deal|licen[cs]es?|permits?|approvals?|trade\s+(?:war|talks)))|\b(?:17|seventeen)\s+(?:rare[\s-]earth\s+)?(?:minerals|elements)\b"
    r"|\braw[\s-]materials?\s+(?:series|category|exports|shipments|flows)\b",
    re.I,
)
OTHER_SERIES = re.compile(
    r"\brare[\s-]earth\s+products\b|\bsemi-finished\b|\b(?:magnet(?:ic)?\s+)?alloys?\b|\bmagnetic\s+powder\b|"
    r"\boxides?\b|\bconcentrates?\b|\bseparation\s+products\b|\bore\b|\bgallium\b|\bgermanium\b|\bantimony\b|"
    r"\bgraphite\b|\btungsten\b|\byttrium\b|\bdysprosium\b|\bterbium\b|\bsamarium\b|\bscandium\b|\blutetium\b|"
    r"\bgadolinium\b|\bsteel\b|\bsoybeans?\b|\bchips?\b|\bsemiconductors?\b",
    re.I,
)
# China as the importer: not export data.
CHINA_IMPORTS = re.compile(
    r"\b(?:China(?:'s|’s)?\s+imports?|imports?\s+(?:of\s+[\w\s-]{0,40}?\s+)?(?:into|by)\s+China|China\s+imported|"
    r"imports?\s+from\s+(?:Myanmar|the\s+US|the\s+United\s+States|Malaysia|Laos))\b",
    re.I,
)

TARIFF = re.compile(r"\b(?:tariffs?|duties|duty|levies|levy|taxe?s?)\b", re.I)
PRICE = re.compile(r"\b(?:prices?|per\s+(?:metric\s+)?(?:ton|tonne|kg)|/t\b|values?|valued|worth|revenue|earnings|"
                   r"dollars?|US\$|\$|yuan|receipts)\b|\$", re.I)
GLOBAL_SHARE = re.compile(
    r"\b(?:of\s+(?:the\s+)?(?:global|world(?:'s|’s)?|worldwide|international)|of\s+(?:all\s+)?(?:the\s+)?world|"
    r"global(?:ly)?\s+(?:supply|output|production|market|share|capacity)|worldwide|of\s+(?:them|the\s+market|"
    r"refined\s+output|supply|production|output|mining|processing|capacity)|market\s+share)\b",
    re.I,
)
SHARE_CUES = re.compile(
    r"^\s*(?:of\s+(?:the\s+)?(?:China(?:'s|’s)\s+|its\s+|total\s+|all\s+|overall\s+)?"
    r"(?:[\d,.]+\s*(?:metric\s+)?(?:tonnes|tons|t)\s+of\s+)?(?:[\w’'-]+\s+){0,2}?"
    r"(?:exports?|shipments?|sales|total|volume|magnet\s+exports)|of\s+(?:everything|all)\s+(?:that\s+)?China\s+"
    r"(?:shipped|exported|sent|sold))|\bshare\b",
    re.I,
)
OVERALL = re.compile(r"\b(?:overall|total|global|worldwide|in\s+total|all\s+destinations)\b", re.I)
NON_EXPORT = re.compile(
    r"\b(?:production|output|mining|mined|refin\w+|capacity|processing|quotas?|allocations?|reserves?|demand|consumption|EVs?|"
    r"electric\s+vehicles?|experience|followers?|subscribers?|professionals|employees|stocks?|shares\s+of|index|GDP|"
    r"inflation|interest)\b",
    re.I,
)
CLAUSE_BREAK = re.compile(r"[;:()\[\]|]|\s[–—-]\s|,\s+(?:while|whereas|but|and|although|though)\b", re.I)
