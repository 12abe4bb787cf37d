"""Periods: a month or an inclusive range of months, written YYYY-MM or YYYY-MM..YYYY-MM."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        found = _MONTH_RE.match(text)
        if not found or not 1 <= int(found.group(2)) <= 12:
            raise ValueError(f"not a month: {text!r}")
        return cls(int(found.group(1)), int(found.group(2)))

    def shift(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, order=True)
class Period:
    start: Month
    end: Month

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        m = Month(year, month)
        return cls(m, m)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(Month(year, 1), Month(year, 12))

    @classmethod
    def parse(cls, text: str) -> Period:
        if re.fullmatch(r"\d{4}", text):
            return cls.year(int(text))
        if ".." in text:
            first, last = text.split("..", 1)
            return cls(Month.parse(first), Month.parse(last))
        m = Month.parse(text)
        return cls(m, m)

    @property
    def is_month(self) -> bool:
        return self.start == self.end

    @property
    def is_year(self) -> bool:
        return self.start.month == 1 and self.end.month == 12 and self.start.year == self.end.year

    def months(self) -> list[Month]:
        out, m = [], self.start
        while m <= self.end:
            out.append(m)
            m = m.shift(1)
        return out

    def shift(self, months: int) -> Period:
        return Period(self.start.shift(months), self.end.shift(months))

    def __str__(self) -> str:
        return str(self.start) if self.is_month else f"{self.start}..{self.end}"
