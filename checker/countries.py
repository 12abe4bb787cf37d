"""Country names: one display name per destination, from pycountry, plus the aliases newsrooms write."""

from __future__ import annotations

import calendar
from functools import lru_cache

import pycountry

WORLD = "World"

# Aggregates that customs reports and articles name; not ISO 3166 countries.
AGGREGATES: dict[str, str] = {
    "European Union": "EU",  # ISO 3166-1 exceptionally reserved code
    "Europe": "",
    "World": "",
}

# Forms that pycountry does not know: abbreviations and everyday names used in news copy.
ALIASES: dict[str, str] = {
    "US": "US",
    "U.S.": "US",
    "U.S": "US",
    "USA": "US",
    "U.S.A.": "US",
    "America": "US",
    "United States of America": "US",
    "the States": "US",
    "The States": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "Russia": "RU",
    "Turkey": "TR",
    "Korea": "KR",
    "S. Korea": "KR",
    "S.Korea": "KR",
    "Holland": "NL",
    "the Netherlands": "NL",
}

DEMONYMS: dict[str, str] = {
    "American": "US", "German": "DE", "Japanese": "JP", "South Korean": "KR", "Korean": "KR", "Indian": "IN",
    "Vietnamese": "VN", "Thai": "TH", "Dutch": "NL", "Italian": "IT", "Mexican": "MX", "Polish": "PL", "French": "FR",
    "British": "GB", "Malaysian": "MY", "Taiwanese": "TW", "Turkish": "TR", "Spanish": "ES", "Brazilian": "BR",
    "Canadian": "CA", "Indonesian": "ID", "Philippine": "PH", "Czech": "CZ", "Austrian": "AT", "Hungarian": "HU",
    "Belgian": "BE", "Swedish": "SE",
}
"""Adjectives of the usual destinations, which pycountry does not carry. They name a destination only before a word
for its buyers or its figure ('German buyers took 1,116 t', 'the German figure') or as '-bound' ('Dutch-bound
shipments'): 'German carmakers' or 'Japanese policy' stay unnamed."""
BUYER_NOUNS = ("buyers", "buyer", "importers", "importer", "customers", "customer", "purchasers", "intake", "imports",
               "purchases", "market", "demand", "users", "clients", "deliveries", "volume", "volumes", "orders", "offtake",
               "figure", "figures", "total", "tally", "share", "shipments")

USER_NOUNS = ("manufacturers", "makers", "carmakers", "automakers", "producers", "factories", "plants", "firms",
              "companies", "processors", "assemblers")
RECEIVING_VERBS = ("received", "took", "taken", "bought", "imported", "absorbed", "purchased", "got")
"""'Vietnamese manufacturers received 509 tonnes': a demonym before a word for its industry names the destination
only when a verb of receiving follows (not 'German carmakers warned ...'). The extractor reads the same verbs after
a destination ('the 172 tonnes India received')."""

AGGREGATE_ALIASES: dict[str, str] = {
    "EU": "European Union",
    "E.U.": "European Union",
    "the EU": "European Union",
    "EU-27": "European Union",
    "the bloc": "European Union",  # in news of China's exports, "the bloc" is the EU
    "The bloc": "European Union",
    "the 27-nation bloc": "European Union",
    "the European bloc": "European Union",
    "the Union": "European Union",  # in European institutions' and trade bodies' usage
    "The Union": "European Union",
    "EU27": "European Union",
    "Europe": "Europe",
    "European Union": "European Union",
}


def display_name(alpha_2: str) -> str:
    """The short English name a reader expects ("South Korea", not "Korea, Republic of")."""
    country = pycountry.countries.get(alpha_2=alpha_2)
    if country is None:
        return alpha_2
    name = getattr(country, "common_name", None) or country.name
    return name.split(",")[0]


@lru_cache(maxsize=4096)
def normalise(name: str) -> str | None:
    """One display name for a country or aggregate mention, or None if it is not one."""
    text = name.strip()
    if text in AGGREGATE_ALIASES:
        return AGGREGATE_ALIASES[text]
    if text in ALIASES:
        return display_name(ALIASES[text])
    bare = text.removeprefix("the ").removeprefix("The ")
    if bare in ALIASES:
        return display_name(ALIASES[bare])
    try:
        return display_name(pycountry.countries.lookup(bare).alpha_2)
    except LookupError:
        return None


def partner_code(name: str) -> str:
    if name in AGGREGATES:
        return AGGREGATES[name]
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return ALIASES.get(name, "")


@lru_cache(maxsize=1)
def surface_forms() -> dict[str, str]:
    """Every name form to look for in text -> its display name (pycountry names, common names, aliases)."""
    forms: dict[str, str] = {}
    for country in pycountry.countries:
        display = display_name(country.alpha_2)
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                forms[value] = display
        forms[display] = display
    for alias, code in ALIASES.items():
        forms[alias] = display_name(code)
    for alias, aggregate in AGGREGATE_ALIASES.items():
        forms[alias] = aggregate
    return forms


@lru_cache(maxsize=1)
def alpha_3_codes() -> dict[str, str]:
    """ISO 3166 three-letter codes -> display name ('VNM' -> 'Vietnam'), as trade shorthand writes destinations
    ('VNM 340t', 'KOR #3'); not 'MAR', which in a line of figures is March."""
    months = {name[:3].upper() for name in calendar.month_name if name}
    return {c.alpha_3: display_name(c.alpha_2) for c in pycountry.countries if c.alpha_3 not in months}
