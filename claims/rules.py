"""The extraction rules, as data: one entry per construction, each with an example sentence that is its test.

A rule is a regular expression over one sentence. It finds a numeric mention (a percentage, a tonnage, a multiple,
a rank, an extreme, a streak ...); `claims.extract` then resolves its subject, period and base from the sentence
and the article. Workarounds for odd input (arrows, "MoM", a dot typed for a thousands comma) live here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from claims.numbers import NUMBER, NUMBER_WORDS, ORDINALS, SPOKEN_NUMBER, number_not_after
from claims.periods_text import MONTH_PATTERN

MentionKind = Literal["pct", "tonnage", "money", "multiple", "halving", "count", "rank", "extreme", "streak", "share_word"]

_W = rf"(?:{NUMBER_WORDS}|\d+)"
_ORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|[4-9]th)"
_MONTH = MONTH_PATTERN
_FRESH_NUMBER = number_not_after(r"\d.,$")
"""A number that does not continue another ("3,188", not the "188" of it)."""
_FRACTION = r"(?:a|one)[\s-](?:fifth|quarter|third|sixth|tenth)|two[\s-](?:thirds|fifths)|three[\s-]quarters"
_GAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
"""Between two words of one line or of a soft-wrapped paragraph, not across a blank line."""
_BUYER = r"(?:buyers?|destinations?|importers?|markets?|customers?|recipients?|purchasers?)"
_TOP = r"(?:top|largest|biggest|leading|main|major|primary|No\.\s?1|number\s+one)"
_MOST = (r"(?:highest|lowest|largest|biggest|smallest|strongest|weakest|slackest|softest|busiest|quietest|slowest|"
         r"heaviest|lightest|fewest|best|worst|fattest|leanest|thinnest)")
"""The superlatives of an extreme ('the slackest month since June')."""


@dataclass(frozen=True)
class Rule:
    id: str
    kind: MentionKind
    pattern: re.Pattern[str]
    """A group named `span`, when the pattern has one, is the mention; the rest of the match is its context."""
    example: str
    """A sentence the rule must find a mention in (tests/test_rules.py)."""
    needles: tuple[str, ...] = ()
    """Lower-case strings one of which every match contains. The pattern then runs only near them, not over the
    whole article; () runs it everywhere. tests/test_rules.py checks that the results are the same."""


def _r(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


HEDGE_WORD = r"(?:about|around|roughly|nearly|almost|some)"
"""A hedge right before a bare figure ('third at about 560')."""
LIST_ITEM_GAP = rf"(?:\s+(?:(?:was|were|came|ranked)\s+)?{_ORD})?\s+(?:(?:at|with|on)\s+)?(?:{HEDGE_WORD}\s+)?"
"""Between a destination in a list and its bare figure: 'South Korea 854', 'the US were fourth at about 330'."""

_NOT_A_PLACE = r"consecutive|straight|months?|monthly|time|half|quarter|largest|biggest|increase|rise|gain|decline|drop|fall|year"
"""Words after an ordinal that make it something other than a place in the ranking ('the third straight month',
'the second-largest', 'the fifth increase')."""

_MARGINS = ("close", "distant", "strong", "solid", "narrow", "comfortable", "clear")
"""How far behind a place is ('a close second')."""

RULES: list[Rule] = [
    # --- a level the monthly figures stayed on one side of; first, so that the tonnage rules do not take its level
    Rule("streak.floor", "streak",
         _r(r"\b(?:(?:has|have|had|did)\s+not\s+(?:once\s+)?|(?:hasn|haven|hadn|didn)['’]t\s+(?:once\s+)?|never\s+|not\s+once\s+)"
            r"(?:dipped|dropped|fallen|fell|fall|slipped|slip|sunk|sank|sink|dip|drop|gone|went|go|climbed|climb|risen|rose|"
            r"rise|been|come|came)\s+(?:back\s+)?(?P<word>below|under|above|over)\s+"
            rf"(?P<num>{NUMBER})\s?(?P<unit>kt\b|(?:metric\s+)?(?:tonnes?|tons?)\b|t\b)"
            rf"(?:\s+(?:at\s+any\s+(?:point|time)|in\s+any\s+month|once))?\s+(?:since|after)\s+{_MONTH}\b"),
         "Exports have not dipped below 5,000 t since June; they never rose above 6,000 tonnes at any point after March.",
         needles=("since", "after")),
    # --- percentages: changes and shares. Arrows and signs carry the direction ("↑157.5%", "–22.4%").
    Rule("pct.number", "pct",
         _r(rf"(?P<sign>[↑↓+\-–−])?[ \t]?(?P<approx>[~≈])?(?<![\d,])(?<!(?<!\bc)\.)(?P<num>{NUMBER})\s?(?:%|per\s?cent\b|percent\b|-percent\b|pct\b|percentage\s+points?\b)"),
         "Shipments rose 157.5% from May, or ↓~5% on the month.",
         needles=("%", "cent", "pct")),
    # --- numbers written in words, as transcripts and some columns do: "up fifty-six percent", "six hundred tonnes"
    Rule("pct.words", "pct",
         _r(rf"(?<![\w-])(?P<num>{SPOKEN_NUMBER})[\s-](?:percent|per\s?cent)\b"),
         "Exports were up fifty-six percent on the year, or ten and a half per cent so far.",
         needles=("percent", "per cent")),
    Rule("tonnage.words", "tonnage",
         _r(rf"(?<![\w-])(?P<num>{SPOKEN_NUMBER})\s+(?P<unit>metric\s+tons?|metric\s+tonnes?|tonnes?|tons?)\b"),
         "China shipped nearly five and a half thousand tonnes, and Germany one thousand one hundred and eighteen tonnes.",
         needles=("ton",)),
    # --- levels: tons, tonnes, metric tons, kilograms, "22.32 million kg", "24,827 T"
    Rule("tonnage.number", "tonnage",
         _r(rf"(?P<num>{_FRESH_NUMBER})(?:\s?(?P<scale>million|thousand|mn)\b|(?P<k>k)(?=\s?t\b))?\s?"
            r"(?P<unit>metric\s+tons?\b|metric\s+tonnes?\b|tonnes?\b|tons?\b|t\b|kt\b|(?-i:mt)\b|kilograms?\b|kg\b|"
            r"short\s+tons?\b)"
            r"(?!\s*/(?!\s*(?:month|mo)\b))"),
         "China exported 3,188 tons of magnets in June, or 57.4kt over the year (22.3k t in the first half), "
         "about 4.8kt/month."),
    Rule("tonnage.shared_unit", "tonnage",
         _r(rf"(?P<num>{_FRESH_NUMBER})(?=(?:\s*(?:,|,?\s*and|or|to)\s+{NUMBER}){{1,4}}?\s?(?:metric\s+)?(?P<unit>tons?|tonnes?|t)\b)"),
         "Vietnam and India took 444 and 416 tonnes respectively; April, May and June saw 2,626, 1,238 and 3,188 t."),
    Rule("tonnage.elliptic", "tonnage",
         _r(rf"(?:(?<=tonnes and )|(?<=tons and )|(?<=tonnes, and )|(?<=tons, and )|(?<=t and ))"
            rf"(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+(?:at\s+)?(?P<num>{_FRESH_NUMBER})(?![\d%]|[.,]\d|\s*(?:%|per\b|percent|"
            r"tonnes?|tons?|t\b|kg|kilograms?|million|billion|times|fold))", 0),
         "Germany took 1,116 tonnes and India 418; January came to 6,023 tonnes and February at 4,740."),
    Rule("tonnage.list_item", "tonnage",
         _r(rf"(?:(?<=\d)|(?<=tonnes)|(?<=tons)|(?<=\bt))(?:,|,?\s+and)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?"
            rf"{LIST_ITEM_GAP}(?P<span>(?P<num>{_FRESH_NUMBER}))(?![\d%]|[.,]\d|\s*(?:%|per\b|percent|tonnes?|tons?|t\b|kg|kilograms?|"
            r"million|billion|times|fold|months?|years?))", 0),
         "Germany took 1,288 tonnes, South Korea 854 and Vietnam 456, and the US were fourth at about 330."),
    Rule("tonnage.chained", "tonnage",
         _r(rf"(?:(?<=\sto\s)|(?<=\sand\s)|(?<=,\s))(?!(?:19|20)\d\d\b)(?P<num>{_FRESH_NUMBER})"
            rf"(?=\s+in\s+(?:{_MONTH}|(?:19|20)\d\d)\b)"),
         "Exports grew from 4,724 tonnes in July 2023 to 5,278 in July 2024 and 5,577 in July 2025."),
    Rule("tonnage.declared", "tonnage",
         _r(rf"(?:(?<=:\s)|(?<=;\s))(?:the\s+)?[A-Z][\w.]*(?:\s+[\w.]+){{0,3}}?(?<!\bNo\.)\s+(?P<num>{_FRESH_NUMBER})"
            r"(?=\s*(?:\([^()]{1,30}\))?\s*(?:[;.]\s|[;.]?$))", re.M),
         "October (t): Germany 1,118 (+55.9%); United States 656; the EU as a bloc 2,060.3.",
         needles=(":", ";")),
    Rule("tonnage.labelled", "tonnage",
         _r(rf"(?:(?<=\*\*)|(?<=__)|(?m:^)[ \t]*(?:[-*•][ \t]+)?)(?!(?:19|20)\d\d\b)(?P<num>{NUMBER})(?:\*\*|__)?[ \t]*[—–:][ \t]*"
            r"(?P<unit>metric\s+tons?|metric\s+tonnes?|tonnes?|tons?)\b"),
         "By the numbers:\n- **5,952** — tonnes of magnets shipped in December\n- 1,106: tonnes bought by Germany",
         needles=("ton",)),
    # --- table cells: a bare number under a header that gives the unit ("| Month | Exports (t) |")
    Rule("table.number", "tonnage",
         _r(rf"(?<=\|)[ \t]*(?:\*\*|__)?(?P<approx>[~≈][ \t]?)?(?P<num>{NUMBER})(?:\*\*|__)?(?:\[\^?\w{{1,3}}\])?[ \t]*(?=\||\r?\n|$)"),
         "| Month | Exports (t) |\n|---|---|\n| June | 7,742 |\n| EU | ~2,460 |\n| Italy | 139[^2] |",
         needles=("|",)),
    # --- money: values and prices ("$50,388 per ton", "US$301.8 million", "about $60 million")
    Rule("money.dollars", "money",
         _r(rf"(?:US\s?)?\$\s?(?P<num>{NUMBER})(?:\s?(?P<scale>million|billion|bn|mn|m)\b)?"
            r"(?P<per>\s?(?:per|/|a)\s?(?:metric\s+)?(?:ton|tonne|t|kg)\b)?"),
         "The average price was $46,985 per tonne.",
         needles=("$",)),
    Rule("money.words", "money",
         _r(rf"(?P<num>{NUMBER})\s?(?P<scale>million|billion|trillion)\s+(?:dollars|US\s+dollars|USD|yuan|won|yen|euros?)\b"),
         "Export value reached 301 million dollars.",
         needles=("million", "billion")),
    # --- multiples: "over seven times May's volume", "more than sixfold", "one-tenth of"
    Rule("multiple.times", "multiple",
         _r(rf"(?P<word>{_W}(?:\.\d+)?(?:[\s-]and[\s-]a[\s-]half)?)[\s-]?(?:times|fold)\b|(?P<x>\d+(?:\.\d+)?)x\b(?=\s|\*\*|__|[,;:)]|\.(?:\s|$))|"
            r"\b(?P<twice>twice)\b(?!\s+(?:a|an|per|each|weekly|monthly|yearly|daily|as\s+(?:often|many\s+times))\b)"),
         "Shipments were over seven times May's volume, exports to India rose sixfold and Japan's were twice April's "
         "or 1.7x March's, and **2.6x** April's.",
         needles=("times", "fold", "twice", "x ", "x\n", "x*", "x_", "x,", "x;", "x:", "x)", "x.")),
    Rule("multiple.fraction", "multiple",
         _r(r"\b(?P<word>one|a)[\s-]tenth\b(?!\s+(?:more|less|higher|lower|above|below|up|down)\b)"
            r"(?!\s+of\s+(?:(?:the\s+|China(?:'s|’s)\s+|all\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:total|exports|shipments)|everything)\b)|"
            rf"(?<!first\s)(?<!second\s)\b(?P<half>half)\s+(?:of\s+)?(?:the\s+)?(?=(?-i:{_MONTH})(?:'s|’s)?\b)"),
         "The US bought less than one-tenth of what it imported in March; September was about half the June figure.",
         needles=("tenth", "half")),
    Rule("multiple.outpaced", "multiple",
         _r(r"\b(?:has\s+|had\s+|have\s+)?(?:already\s+)?(?P<verb2>outpaced|outstripped|exceeded|surpassed|overtaken|overtook|topped|beaten|beat)\s+"
            r"(?:all\s+of\s+|the\s+whole\s+of\s+|the\s+total\s+for\s+)(?P<whole>last\s+year|(?:19|20)\d\d)\b"),
         "Exports in the first half have already outpaced all of last year.",
         needles=("outpaced", "outstripped", "exceeded", "surpassed", "overtaken", "overtook", "topped", "beat")),
    Rule("multiple.verb", "multiple",
         _r(r"\b(?P<verb>doubl(?:ed|ing|e)|tripl(?:ed|ing|e)|quadrupl(?:ed|ing|e))\b(?![\s-]+digits?\b)"),
         "Shipments to India doubled from May.",
         needles=("doubl", "tripl", "quadrupl")),
    Rule("change.halving", "halving",
         _r(r"\b(?:halv(?:ed|ing)|(?:fell|dropped|declined|shrank|slumped|plunged|reduced|cut)\s+(?:by\s+)?"
            r"(?P<hedge>(?:more|less)\s+than\s+|nearly\s+|almost\s+|over\s+|about\s+|roughly\s+)?(?:a\s+)?(?:half|50\s?%))\b"),
         "Magnet exports roughly halved in April, and shipments to the US fell by more than half.",
         needles=("halv", "half", "50")),
    # --- shares written as fractions: "about a fifth of the total", "nearly half of Europe's intake"
    Rule("share.fraction", "pct",
         _r(r"(?<!first\s)(?<!second\s)\b(?P<frac>a\s+fifth|one[\s-]fifth|a\s+quarter|one[\s-]quarter|a\s+third|one[\s-]third|"
            r"two[\s-]thirds|three[\s-]quarters|two[\s-]fifths|a\s+sixth|one[\s-]sixth|a\s+tenth|one[\s-]tenth|half)\s+(?=of\b)"),
         "Germany took about a fifth of the total, and the US more than a tenth of China's exports.",
         needles=("fifth", "quarter", "third", "half", "sixth", "tenth")),
    # --- changes written as fractions: "up by more than a quarter", "nearly a third lower", "fell by almost a fifth"
    Rule("change.fraction", "pct",
         _r(rf"(?:\b(?:up|down|rose|rising|risen|grew|growing|climbed|jumped|increased|fell|falling|fallen|dropped|"
            rf"declined|slipped|slid|shrank|decreased|rebounded|recovered|surged|soared|plunged|plummeted|tumbled|"
            rf"sank|eased|expanded|contracted|(?:a|an)\s+(?:fall|drop|decline|rise|increase|gain)\s+of)(?:\s+by)?\s+(?:(?:more|less)\s+than\s+|nearly\s+|almost\s+|"
            rf"(?:just\s+)?(?:over|under)\s+|about\s+|roughly\s+|around\s+|some\s+)?|"
            rf"\b(?=(?:{_FRACTION})\s+(?:higher|lower|more|less|above|below|up|down)\b))"
            rf"(?P<frac>{_FRACTION}|half)\b(?!\s+of\b)(?![\s-]+(?:consecutive|straight|successive|months?|years?|quarters?|time)\b)"),
         "Shipments rose by more than a quarter on the month and were nearly a third lower than a year earlier; "
         "exports to the US rebounded by more than half, after a fall of just over a fifth.",
         needles=("fifth", "quarter", "third", "half", "sixth", "tenth")),
    # --- counts that are not trade data ("seven rare earth elements", "group of 17 minerals")
    Rule("count.elements", "count",
         _r(rf"(?:group\s+of\s+)?(?!(?:19|20)\d\d\b)(?P<word>{_W})[ \t]+(?:more\s+|specific\s+|heavy\s+|medium\s+|light\s+|critical\s+|key\s+|of\s+the\s+)*"
            r"(?:rare[- ]earths?\s+)?(?:elements|minerals|metals|rare\s+earths|of\s+these)\b"),
         "Beijing restricted seven rare earth elements in April.",
         needles=("elements", "minerals", "metals", "earths", "these")),
    Rule("count.referential", "count",
         _r(r"\b(?:the|these|those|both)\s+(?P<word>two|three|four|five)\s+(?:\w+\s+)?(?:countries|nations|importers|economies|superpowers|sides|markets)\b"),
         "The deal between the two countries eased tensions.",
         needles=("countries", "nations", "importers", "economies", "superpowers", "sides", "markets")),
    Rule("count.sources", "count",
         _r(r"\b(?P<word>two|three|four|five|several)\s+(?:familiar\s+|people\s+)?(?:sources|people\s+familiar)\b"),
         "Three familiar sources said licences were being approved.",
         needles=("sources", "familiar")),
    Rule("count.duration", "count",
         _r(r"\b(?:over\s+|more\s+than\s+)?(?P<word>a|one|two|three)\s+(?:decades?|days\s+(?:earlier|later|ago))\b"),
         "She has over a decade of experience.",
         needles=("decade", "days")),
    # --- ranks among destinations
    Rule("rank.list", "rank",
         _r(rf"(?<![\w-])(?:the\s+)?{_TOP}{_GAP}(?:\w+{_GAP}){{0,4}}?{_BUYER}\b(?:(?:[^.;:,\n]|,\s+(?:in\s+(?:\w+\s+)?order|by\s+\w+(?:\s+\w+)?),){{0,60}}?(?:\s(?:(?:were|are|was|included|include)(?:,?\s+in\s+order)?:?|:)|,?\s+in\s+order:)\s|"
            rf"(?:\s+(?:by|in|for|during)\s+[\w ]{{1,20}}?)?:[ \t])(?!{_ORD}\b)|"  # "... the biggest buyer and South Korea was second"
            r"\bthe\s+(?:ranking|pecking\s+order|order\s+of\s+(?:buyers|destinations))\s+(?:read|ran|was)\s"),
         "The top buyers in June were Germany, the US and Vietnam; the largest buyer in July was Germany. "
         "Top destinations by volume: Germany, the US. By December the ranking read Germany, South Korea and Japan. "
         "The biggest buyers were, in order: Japan; the United States. Top five buyers, in order: Japan, Germany. "
         "Top destination in December: Germany, 1,106 t.",
         needles=("buyer", "destination", "importer", "market", "customer", "recipient", "purchaser", "ranking", "order")),
    Rule("rank.list_before", "rank",
         _r(rf"(?<=[A-Za-z.])\s+(?:were|are)\s+(?:the\s+)?(?:(?:three|four|five)\s+)?(?:largest|biggest|top|leading)\s+"
            rf"(?:\w+\s+)?{_BUYER}\b"),
         "Japan, the United States and the Netherlands were the largest buyers last year.",
         needles=("largest", "biggest", "top", "leading")),
    Rule("rank.top_n_list", "rank",
         _r(r"\b(?:the\s+)?top\s+(?:three|four|five|six|seven|eight|ten|\d+)\s+(?:\w+\s+){0,4}?(?:were|are|was|included|include|:)\s"),
         "In July the top five were Germany, the US, South Korea, Vietnam and India.",
         needles=("top",)),
    Rule("rank.superlative", "rank",
         _r(rf"\b(?:(?:remained|was|is|continued\s+to\s+be|stayed|retained\s+its\s+position\s+as|became|ranked\s+as|"
            rf"(?:making|made|makes)\s+(?:it|the\s+country))\s+(?:again\s+|still\s+|once\s+again\s+|once\s+more\s+|back\s+as\s+)?)"
            rf"(?P<among>among\s+)?(?:the\s+|China(?:'s|’s)\s+|its\s+)?(?:single[\s-])?(?P<pos>{_TOP}|{_ORD}(?:[\s-](?:largest|biggest))?)\s+(?:\w+\s+)?{_BUYER}\b"),
         "Germany remained the top destination for Chinese magnets; India took 416 t, making the country the "
         "fifth-largest destination. Germany was again the largest magnet market.",
         needles=("buyer", "destination", "importer", "market", "customer", "recipient", "purchaser")),
    Rule("rank.ordinal_largest", "rank",
         _r(rf"\b(?:the\s+)?(?P<pos>{_ORD})[\s-](?:largest|biggest)\s+(?:\w+\s+)?{_BUYER}\b"),
         "South Korea was the second-largest buyer.",
         needles=("largest", "biggest")),
    Rule("rank.were_position", "rank",
         _r(rf"\b(?:exports|shipments|sales)\s+to\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+(?:were|was|came|ranked)\s+(?:the\s+)?(?P<pos>highest|largest|biggest|{_ORD})\b"),
         "Exports to South Korea were third, at 569 tons.",
         needles=("exports", "shipments", "sales")),
    Rule("rank.topped", "rank",
         _r(r"\b(?:again\s+|once\s+more\s+)?(?:(?:topped|tops|top|led|leads|headed|heads)\s+(?:the\s+)?|at\s+the\s+(?:head|top)\s+of\s+the\s+)"
            rf"(?:{_MONTH}\s+|destination\s+|buyers'?\s+)?(?:list|ranking|table|league\s+table|chart)\b"),
         "Germany again topped the list of destinations, and led the December table.",
         needles=("list", "ranking", "table", "chart")),
    Rule("rank.pair", "rank",
         _r(rf"\b(?P<pos>{_ORD})\s+and\s+(?P<pos2>{_ORD})\b(?!\s+(?:[\w-]+\s+)?(?:{_NOT_A_PLACE}))"),
         "Vietnam took 444 tonnes and India 416, placing them fourth and fifth; the Netherlands and Taiwan were third "
         "and fourth.",
         needles=tuple(f"{a} and {b}" for a, b in zip(ORDINALS, list(ORDINALS)[1:], strict=False))),
    Rule("rank.ordinal_place", "rank",
         _r(rf"\b(?:came|comes|sits|sat|ranked|ranking|ranks|placed|finished|was|were|is|are|held|holds|kept|retained|took|(?:slipped|slid|sank|rose|climbed|jumped|fell|dropped|tumbled|advanced|leapt|leaped|slips|slides|sinks|rises|climbs|jumps|falls|drops)\s+to|moved\s+(?:back\s+|up\s+)?(?:in)?to|(?:went|came)\s+back\s+to|returned\s+to|[a-z]+(?:ed|ing|s)\s+back\s+to|[a-z]+(?:ed|ing)\s+as\s+(?:low|high)\s+as|"
            rf"(?:slipping|sliding|sinking|rising|climbing|jumping|falling|dropping|tumbling|advancing|moving)\s+to|slotted\s+in(?:to)?)\s+"
            rf"(?:in\s+)?(?:the\s+)?(?P<pos>{_ORD})(?:\s+place|\s+position|\s+spot)?\b"
            rf"(?!\s+(?!(?:that|this|last|each|every)\s+month\b)(?:[\w-]+\s+)?(?:{_NOT_A_PLACE}))"
            r"(?!\s+in\s+(?:the\s+)?(?:queue|line)\b)"),  # "Europe is first in the queue": a figure of speech
         "Vietnam came third, the US slipped to fifth place and India is sixth, before edging back to fourth; Japan "
         "comes seventh, Korea slips to eighth and India slotted in ninth, having dropped as low as tenth; the US was "
         "fourth that month.",
         needles=tuple(ORDINALS)),
    Rule("rank.placed_object", "rank",
         _r(rf"\b(?:placed|places|put|puts|left|leaves|leaving|pushed|pushing|dropped|dropping|lifted|lifting|kept|keeps|keeping)\s+"
            rf"(?:the\s+country|the\s+nation|it|them|(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:in\s+|(?:down|up|back)\s+to\s+)?(?:the\s+)?(?P<pos>{_ORD})"
            rf"(?:\s+place|\s+position|\s+spot)?\b(?![\s-]+(?:[\w-]+\s+)?(?:{_NOT_A_PLACE}))"),
         "India's July volume placed the country fifth among destinations, and the slump left the US fourth and "
         "pushed Japan down to sixth place.",
         needles=tuple(ORDINALS)),
    Rule("rank.in_table", "rank",
         _r(rf"(?<=,\s)(?P<pos>{_ORD})\s+(?:in|on)\s+the\s+(?:table|ranking|rankings|list|league\s+table)\b"),
         "South Korea, third in the table, took less than in September.",
         needles=("table", "ranking", "list")),
    Rule("rank.top_spot", "rank",
         _r(rf"\b(?:held|holds|hold|kept|keeps|keep|retained|retains|took|takes|take|claimed|regained|reclaimed|occupied|occupies|"
            rf"secured|secures|stayed\s+in|"
            rf"remained\s+in|was\s+in)\s+(?:on\s+to\s+|onto\s+)?(?:the\s+|its\s+)?(?P<pos>top|{_ORD}|No\.\s?[1-9]|number[\s-]one)\s+"
            r"(?:spot|place|position|slot)\b"),
         "Germany held on to the top spot, and South Korea kept second place; Japan occupied the No.3 slot and "
         "Vietnam may yet take fourth place. Germany has held the number-one spot.",
         needles=("spot", "place", "position", "slot")),
    Rule("rank.place_goes_to", "rank",
         _r(rf"\b(?P<pos>top|{_ORD}|No\.\s?[1-9])\s+(?:place|spot|position|slot)\s+(?:goes|went|go)\s+to\s+(?=(?:the\s+)?[A-Z])"),
         "Second place goes to South Korea, and the top spot went to Germany.",
         needles=("goes", "went", "go ")),
    Rule("rank.close_second", "rank",
         _r(rf"\b(?:a|an)\s+(?:{'|'.join(_MARGINS)})\s+(?P<pos>second|third|fourth|fifth)\b"),
         "Vietnam took 235 tonnes, with Germany a close second.",
         needles=_MARGINS),
    Rule("rank.led_with", "rank",
         _r(rf"(?<=[A-Za-z.]\s)(?P<span>led|leads)(?=\s+(?:again\s+|once\s+more\s+)?(?:with|on|at)\s+(?:{HEDGE_WORD}\s+)?[~≈]?\d|"
            rf"\s+(?:in|during)\s+(?:{_MONTH}|the\s+month)\b|,\s+followed\b)"),
         "Germany led with 1,118 tonnes; in May, Vietnam leads on 235 t. Germany led in November, followed by Korea.",
         needles=("led ", "leads ")),
    Rule("rank.only_more", "rank",
         _r(r"\b(?P<span>only\s+(?:the\s+)?(?=(?-i:[A-Z]))[^,.;]{2,30}?)(?:,[^;]{1,40}?,)?\s+(?:bought|took|imported|"
            r"received|got|absorbed)\s+more\b"),
         "The US took 619 tonnes in July. Only Germany, at 1,116 tonnes, took more.",
         needles=("only",)),
    Rule("rank.second_only", "rank",
         _r(r"\b(?P<pos>second|third)\s+only\s+to\b"),
         "The US was second only to Germany.",
         needles=("only to",)),
    Rule("rank.on_top", "rank",
         _r(r"\b(?:stayed|stays|remained|remains|was|is|sat|sits|came\s+out|ended\s+up)\s+(?P<pos>on\s+top)\b"),
         "Germany stayed on top with 1,288 tonnes.",
         needles=("top",)),
    Rule("rank.in_place", "rank",
         _r(rf"\b(?:in|good\s+for|enough\s+for)\s+(?:the\s+)?(?P<pos>{_ORD})\s+(?:place|position|spot)\b"),
         "India was in fifth place; Vietnam's 340 tonnes were good for third place, and Mexico is in the sixth position.",
         needles=("place", "position", "spot")),
    Rule("rank.bare_place", "rank",
         _r(rf"(?<=[,:]\s)(?P<pos>{_ORD})\s+place(?=\s*[,;.)])"),
         "(a) Germany: 1,288 tonnes, first place, up 27.9%; (b) South Korea: 854 tonnes, second place.",
         needles=("place",)),
    Rule("rank.runner_up", "rank",
         _r(r"\b(?:the\s+)?(?P<pos>runner[\s-]up)(?:\s+(?:spot|position|place|slot))?\b"),
         "Germany led, and the US was back in the runner-up spot.",
         needles=("runner",)),
    Rule("rank.no_1", "rank",
         _r(rf"\b(?:the\s+)?(?P<pos>No\.\s?[1-9]|number[\s-](?:one|two|three|four|five|six))\s+(?:\w+\s+)?{_BUYER}\b"),
         "Germany was the No. 1 buyer, South Korea the number-two buyer and the US the No. 3 destination.",
         needles=("no.", "number")),
    Rule("rank.hash", "rank",
         _r(r"(?<![\w#&])(?P<pos>#\s?(?:1[0-9]|[1-9])|No\.\s?[1-9])\b(?![\d%]|[.,]\d)"),
         "Germany remained #1 among destinations, with Vietnam #4; GERMANY: 1,118t, No.1 again.",
         needles=("#", "no.")),
    Rule("rank.numbered", "rank",
         _r(r"^[ \t]*(?P<pos>1[0-9]|[1-9])[.)][ \t]+(?=(?:the\s+)?[A-Z])", re.M),
         "Top destinations in July:\n1. Germany, 1,116 t\n2. United States, 619 t",
         needles=(".", ")")),
    Rule("rank.next", "rank",
         _r(r"\b(?:was|were|came)\s+next\b"),
         "Germany led and the US was next.",
         needles=("next",)),
    Rule("rank.list_tail", "rank",
         _r(r"\b(?:completed|completes|rounded\s+out|rounds\s+out|rounded\s+off|rounds\s+off)\s+the\s+top\s+(?P<n>three|four|five|six|seven|eight|ten|\d+)\b"),
         "Vietnam and India completed the top five; Mexico rounded out the top six.",
         needles=("complete", "rounde", "rounds")),
    Rule("rank.elliptic", "rank",
         _r(rf"(?<!\bthe)(?<!\ba)(?<!\bits)(?<!\btheir)(?<=[A-Za-z.])\s+(?P<pos>second|third|fourth|fifth|sixth)\b(?=[ \t]*(?:,|and\b|\.|;|\n|$|(?:at|with)\s+(?:{HEDGE_WORD}\s+)?[~≈]?\d))"),
         "Vietnam ranked third, South Korea fourth and Mexico fifth; Germany led with South Korea second at 815 t "
         "and the US third with 582 t.",
         needles=("second", "third", "fourth", "fifth", "sixth")),
    Rule("rank.elliptic_first", "rank",
         _r(r"(?<=[A-Za-z.])\s+(?P<pos>first)\b(?=,\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+second\b)"),
         "Biggest buyers, ranked: Japan first, the U.S. second.",
         needles=("first",)),
    Rule("table.ordinal", "rank",
         _r(rf"(?<=\|)[ \t]*(?P<pos>{_ORD})(?:\s+(?:place|largest|biggest))?[ \t]*(?=\|)"),
         "| Destination | June 2025 | Rank |\n|---|---|---|\n| Vietnam | 340 t | third |",
         needles=("|",)),
    Rule("rank.behind", "rank",
         _r(r"\b(?:behind|after|trailing)\s+(?:only\s+)?(?:the\s+)?(?=[A-Z])(?<!\bafter\s)"),
         "The US was the third-largest market behind Germany and South Korea.",
         needles=("behind", "after", "trailing")),
    Rule("rank.followed_by", "rank",
         _r(r"\b(?:followed\s+(?:(?:in\s+that\s+order|in\s+order|closely|next)\s+)?by|ahead\s+of)\s+(?:the\s+)?(?=[A-Z])"),
         "Germany bought the most, followed by the US.",
         needles=("followed", "ahead")),
    Rule("rank.leading", "rank",
         _r(rf"\b(?:the\s+)?(?P<pos>leading|largest|biggest|top)\s+(?:single\s+)?{_BUYER}\b"),
         "Germany was the leading destination in July.",
         needles=("buyer", "destination", "importer", "market", "customer", "recipient", "purchaser")),
    # --- extremes: "highest since January", "a seven-month high", "a record", "lowest since 2017"
    Rule("extreme.since", "extreme",
         _r(rf"\b(?:the\s+|its\s+|their\s+)?(?P<dir>{_MOST}|maximum|minimum|most)\b"
            rf"(?:[\w\s-]{{0,35}}?)\bsince\s+(?:at\s+least\s+)?(?:the\s+(?:end|start|beginning)\s+of\s+)?(?P<since>(?:{_MONTH}\s*)?(?:(?:19|20)\d\d)?)"),
         "Exports reached the highest monthly figure since January 2025; it was the slackest month since June.",
         needles=("since",)),
    Rule("extreme.than_any", "extreme",
         _r(rf"\bthan\s+(?:in|at|during|for)\s+any\s+(?:other\s+|single\s+)?(?:month|time|point)\s+since\s+"
            rf"(?P<since>(?:{_MONTH}\s*)?(?:(?:19|20)\d\d)?)"),
         "China sent more magnets abroad last month than in any month since January.",
         needles=("than",)),
    Rule("extreme.beat_every", "extreme",
         _r(rf"\b(?:topped|beat|exceeded|surpassed|outstripped|outdid)\s+(?:every|any|each)\s+(?:other\s+|single\s+)?"
            rf"month\s+since\s+(?P<since>(?:{_MONTH}\s*)?(?:(?:19|20)\d\d)?)"),
         "November's 6,150 tonnes topped every month since January.",
         needles=("month since",)),
    Rule("extreme.in_last", "extreme",
         _r(r"\b(?:the\s+)?(?P<dir>highest|lowest|maximum|minimum)\b(?:[\w\s-]{0,30}?)\bin\s+(?:the\s+last\s+|the\s+past\s+|over\s+a\s+|a\s+|at\s+least\s+)?"
            r"(?P<n>\w+)?[\s-]?(?P<unit>months?|years?)\b"),
         "Exports hit the highest in the last six months.",
         needles=("month", "year")),
    Rule("extreme.this_year", "extreme",
         _r(rf"\b(?:the\s+|its\s+|their\s+)?(?P<dir>{_MOST}|most(?!\s+of\s+(?:the|this)\s+year))\s+"
            r"(?:[\w-]+\s+){0,4}?(?:this\s+year|so\s+far\s+this\s+year|of\s+the\s+year|(?P<last>last\s+year)|(?:of|in)\s+(?P<year>(?:19|20)\d\d))\b"),
         "Shipments to the EU hit their highest level this year, May was the smallest monthly figure of 2024 and "
         "September the largest monthly volume for Korea last year.",
         needles=("year", "19", "20")),
    Rule("extreme.n_month_high", "extreme",
         _r(r"\b(?:a\s+|an\s+|the\s+)?(?P<n>\w+)[\s-](?P<unit>month|year)[\s-](?P<dir>high|low|peak)\b"),
         "Exports rose to a seven-month high.",
         needles=("high", "low", "peak")),
    Rule("extreme.record", "extreme",
         _r(r"(?<!for\sthe\s)(?<!\bto\s)\b(?:a\s+|an\s+|its\s+|their\s+)?(?:record|all-time)(?:[\s-](?P<dir>high|low)s?)?\b(?!ed)(?:\s+shipments)?"),
         "Exports hit a record high in May.",
         needles=("record", "all-time")),
    Rule("extreme.month_of_span", "extreme",
         _r(r"\b(?:the\s+|its\s+)?(?P<dir>strongest|weakest|highest|lowest|best|worst|biggest|smallest|busiest|quietest|slowest|softest|low|high)\s+"
            r"(?:month|point)\s+of\s+the\s+(?P<part>half|year|quarter)(?P<so_far>\s+(?:so\s+far|to\s+date))?\b"),
         "January was the strongest month of the half, May the low point of the half.",
         needles=("half", "year", "quarter")),
    Rule("extreme.peak", "extreme",
         _r(r"\b(?:(?P<dir>peaked|bottomed\s+out)(?:\s+for\s+the\s+year)?|(?:its|their|(?<=\bwas\s)the)\s+(?:monthly\s+)?(?P<noun>peak|trough|low\s+point|bottom|high\s+point))\b"),
         "Shipments peaked in June; their monthly trough was in February; they peaked for the year at 7,742 tons. "
         "May was the bottom.",
         needles=("peak", "bottom", "trough", "low point", "high point")),
    Rule("extreme.water_mark", "extreme",
         _r(r"\b(?:the|its|their)\s+(?:(?:[A-Z][\w.-]*|annual|monthly|year(?:'s|’s))\s+)?(?P<noun>high|low)[\s-]water\s+mark\b"),
         "January proved to be the American high-water mark.",
         needles=("water mark",)),
    # headline style, without an article: "the May trough" in a sentence mostly names a month for another claim
    Rule("extreme.month_peak", "extreme",
         _r(rf"\b(?:from|since|after|below|above|off)\s+(?-i:{_MONTH})(?:'s|’s)?\s+"
            r"(?P<span>(?:record\s+)?(?P<noun>peak|high|low|trough))\b(?!\s+(?:prices?|demand|season)\b)"),
         "Exports slide from May peak; shipments rebound off March low.",
         needles=("peak", "high", "low", "trough")),
    Rule("extreme.named_month", "extreme",
         _r(rf"\b(?:the|its|their)\s+(?:(?P<noun>low\s+point|high\s+point|peak|trough|bottom)|(?P<dir>busiest|quietest|weakest|"
            rf"strongest|biggest|largest|smallest|slowest|slackest|lightest)\s+month)\s+(?:was|came\s+in)\s+(?=(?:{_MONTH})\b)"),
         "Shipments to the US had their low point in spring: the low point was May, and the busiest month was January.",
         needles=("low point", "high point", "peak", "trough", "bottom", "est month")),
    Rule("extreme.year_high", "extreme",
         _r(r"\b(?:the|this)\s+(?:year(?:'s|’s)|(?P<year>(?:19|20)\d\d))\s+(?P<dir>high|low|peak|highest|lowest|trough|"
            r"(?:strongest|weakest|best|worst|busiest|quietest|slowest)(?=\s+month\b))\b(?:\s+month)?"),
         "Shipments have drifted lower since the year's high of 6,217 tons in May; January is still the 2025 high, and "
         "May the year's weakest month.",
         needles=("year's", "year’s", "high", "low", "peak", "trough")),
    # --- streaks: "a third consecutive month of growth", "for four months in a row"
    Rule("streak.consecutive", "streak",
         _r(rf"\b(?:the\s+|a\s+)?(?P<n>{_ORD}|{_W})\s+(?:consecutive|straight|successive)\s+(?:monthly|months?)"
            r"(?:\s+(?:of\s+)?(?P<what>(?!(?:above|over|below|under|more|less)\b)\w+))?"),
         "It was the sixth consecutive month of growth, and the third straight month above 5,000 tonnes.",
         needles=("consecutive", "straight", "successive")),
    Rule("streak.in_a_row", "streak",
         _r(rf"\bfor\s+(?:the\s+)?(?P<n>{_ORD}|{_W})\s+(?:straight\s+)?months?\s+in\s+a\s+row\b"),
         "Exports have risen for four months in a row.",
         needles=("row",)),
    Rule("streak.nth_in_a_row", "streak",
         _r(rf"\b(?:the\s+|a\s+)?(?P<n>{_ORD})\s+(?:monthly\s+|month-on-month\s+)?(?P<what>declines?|drops?|falls?|"
            r"decreases?|gains?|increases?|rises?)\s+in\s+a\s+row\b"),
         "It was the second monthly drop in a row.",
         needles=("in a row",)),
    Rule("streak.nth_monthly", "streak",
         _r(rf"\b(?:the|a)\s+(?P<n>(?!first){_ORD})\s+monthly\s+(?P<what>decline|drop|fall|decrease|gain|increase|rise)\b"
            r"(?!\s+(?:this|of\s+the|since|in\s+(?:the\s+)?(?:year|\d)))"),
         "Rare earths: a second monthly gain.",
         needles=("monthly",)),
    Rule("streak.months_running", "streak",
         _r(rf"\b(?P<what>rose|risen|fell|fallen|declined|dropped|increased|decreased|grew|grown|climbed|slipped|eased)\s+"
            rf"(?:for\s+)?(?P<n>{_W})\s+(?:straight\s+|consecutive\s+)?months?\s+(?:running|in\s+a\s+row)\b"),
         "Shipments fell for three months running, then increased three months in a row.",
         needles=("running", "in a row")),
    Rule("streak.after", "streak",
         _r(rf"\b(?:after|ending|snapping|breaking)\s+(?:a\s+run\s+of\s+)?(?P<n>{_W})\s+(?:straight\s+|consecutive\s+|successive\s+)?(?:months?\s+of\s+)?(?:monthly\s+)?"
            r"(?P<what>declines?|drops?|falls?|decreases?|gains?|increases?|rises?)\b"),
         "Shipments to the US recovered after two months of declines.",
         needles=("after", "ending", "snapping", "breaking")),
    Rule("streak.months_of", "streak",
         _r(rf"\b(?P<n>{_W})\s+(?:straight\s+|consecutive\s+|successive\s+)?months\s+of\s+(?:(?:year|month)[\s-]on[\s-](?:year|month)\s+|"
            r"y/y\s+|m/m\s+|monthly\s+)?(?P<what>growth|gains|increases|rises|declines|falls|drops|decreases)\b"),
         "Magnets: five months of year-on-year growth.",
         needles=("months of",)),
    Rule("streak.for_nth_month", "streak",
         _r(rf"\b(?P<what>climb|rise|rose|gain|grow|grew|increase|fall|fell|decline|drop|slip|ease)\w*\s+for\s+(?:a|the)\s+"
            rf"(?P<n>{_ORD})\s+(?:straight\s+|consecutive\s+|successive\s+)?month\b"),
         "Magnet exports climb for a third month.",
         needles=("month",)),
    Rule("streak.first_in", "streak",
         _r(rf"\bfirst\s+(?:[\w-]+\s+){{0,2}}?(?P<what>increase|rise|gain|decline|drop|fall)\s+in\s+(?P<n>{_W})\s+months\b"),
         "It was the first year-on-year increase in three months.",
         needles=("first",)),
]
