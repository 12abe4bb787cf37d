"""Numbers as written: value, decimals and the rounding interval they stand for."""

from __future__ import annotations

import re
from decimal import Decimal

from text_to_num import text2num

# "3,188", "22,319", "157.5", "24,266.5", and the odd "38.563.6" (a thousands dot typed by mistake).
# Written digit-first (the first digit, then the rest of "\d{1,3}(?:,\d{3})+..." and so on): a pattern that starts
# with a plain \d lets `re` jump from digit to digit instead of trying every position of the article.
_AFTER_FIRST_DIGIT = r"(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d{0,2}\.\d{3}\.\d+|\d*(?:\.\d+)?)"
NUMBER = rf"\d{_AFTER_FIRST_DIGIT}"
NUMBER_RE = re.compile(NUMBER)


def number_not_after(chars: str) -> str:
    """NUMBER not preceded by a character of the class `chars` ("\\d.,$": not the tail of a longer number), with
    the check placed after the first digit so the pattern still starts with \\d. A dot is a decimal point unless a
    lone 'c' (circa) stands before it ('c.130t')."""
    others = chars.replace(".", "")
    dot = r"(?<!(?<!\bc)\.\d)" if "." in chars else ""
    return rf"\d(?<![{others}]\d){dot}{_AFTER_FIRST_DIGIT}"


SCALE_WORDS: dict[str, Decimal] = {
    "thousand": Decimal(1000),
    "million": Decimal(1_000_000),
    "mn": Decimal(1_000_000),
    "m": Decimal(1_000_000),
    "billion": Decimal(1_000_000_000),
    "bn": Decimal(1_000_000_000),
}

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred"
)
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
}


_UNIT_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
)
SPOKEN_NUMBER = (rf"(?:a\s+(?=hundred|thousand)|(?!hundred|thousand))(?:{_UNIT_WORDS})\b"
                 rf"(?:(?:[\s-]+|\s+and\s+)(?:(?:{_UNIT_WORDS})\b|a\s+half\b))*")
"""A number written out in words, as transcripts and some columns do: 'fifty-six', 'one thousand one hundred and
eighteen', 'a hundred and fifty', 'ten and a half', 'five and a half thousand'; not the scale word of '62.6
thousand'."""
_SPOKEN_RE = re.compile(SPOKEN_NUMBER, re.I)
_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)


def as_digits(text: str) -> str:
    """A number as digits: '3,188' stays; 'fifty-six' -> '56', 'a hundred and fifty' -> '150', 'ten and a half' ->
    '10.5' (text2num reads the words)."""
    if not _SPOKEN_RE.fullmatch(text.strip()):
        return text
    words = re.sub(r"^a\s", "one ", text.strip().lower().replace("-", " "))  # "a hundred and fifty"
    half = _A_HALF.search(words)
    if half is None:
        return str(text2num(words, "en"))
    before, after = words[: half.start()], words[half.end():].strip()  # "five and a half thousand"
    scale = text2num(after, "en") if after else 1
    return str((Decimal(text2num(before, "en")) + Decimal("0.5")) * scale).removesuffix(".0")


def parse_number(text: str) -> Decimal:
    """'3,188' -> 3188; '38.563.6' -> 38563.6 (a dot typed for a thousands comma). Numbers in words go through
    `as_digits` first."""
    cleaned = text.replace(",", "")
    if cleaned.count(".") == 2:
        whole, thousands, fraction = cleaned.split(".")
        cleaned = f"{whole}{thousands}.{fraction}"
    return Decimal(cleaned)


def decimals_of(text: str) -> int:
    cleaned = text.replace(",", "")
    if cleaned.count(".") == 2:
        return len(cleaned.rsplit(".", 1)[1])
    return len(cleaned.split(".")[1]) if "." in cleaned else 0


def half_unit(text: str) -> Decimal:
    """Half a unit of the last significant written digit.

    '75.5' -> 0.05; '3,188' -> 0.5; '660' -> 0.5; a whole number of 1,000 or more ending in zeros is read at its
    last non-zero digit: '22,000' -> 500, '5,600' -> 50 (gold/README.md, "Numbers are intervals").
    """
    decimals = decimals_of(text)
    if decimals:
        return Decimal(5).scaleb(-(decimals + 1))
    value = parse_number(text)
    if value >= 1000:
        digits = str(int(value))
        zeros = len(digits) - len(digits.rstrip("0"))
        return Decimal(5).scaleb(zeros - 1)
    return Decimal("0.5")


def word_to_number(word: str) -> Decimal | None:
    """'seven' -> 7, 'twenty-one' -> 21, '7' -> 7; None when it is not a number."""
    word = word.strip().lower()
    if NUMBER_RE.fullmatch(word):
        return parse_number(word)
    if word in ORDINALS:
        return Decimal(ORDINALS[word])
    try:
        return Decimal(text2num(word.replace("-", " "), "en"))
    except ValueError:
        return None


_LEVEL = rf"(?P<word>above|over|below|under|more\s+than|less\s+than)\s+(?:the\s+)?(?P<num>{NUMBER})\s?(?P<unit>kt\b|thousand\s+(?:tonnes|tons)\b|(?:metric\s+)?(?:tonnes?|tons?)\b|t\b)"
STREAK_LEVEL_AFTER = re.compile(rf"^\s*{_LEVEL}", re.I)
"""After a streak: 'the sixth straight month above 5.4kt'."""
STREAK_LEVEL_BEFORE = re.compile(rf"{_LEVEL}\s+for\s+(?:the\s+)?$", re.I)
"""Before a streak: 'stayed above 5,000 tons for six consecutive months'."""


def streak_level(text: str) -> tuple[Decimal, Decimal] | None:
    """The level a streak stays above or below, from the streak's own text: (tonnes, half a unit of the last written
    digit in tonnes); None for a streak of rises or falls. Which side it stays on is the claim's `direction`."""
    found = re.search(_LEVEL, text, re.I)
    if found is None:
        return None
    scale = Decimal(1000) if found.group("unit").lower().startswith(("kt", "thousand")) else Decimal(1)
    value = parse_number(found.group("num")) * scale
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value, half_unit(
        found.group("num")) * scale
