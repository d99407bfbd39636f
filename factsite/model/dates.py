"""Dates as editors write them: a day, or a month or year for timeline events."""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, month or day; sorts before more precise dates of the same span."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def __str__(self) -> str:
        return self.iso


class DateFormError(ValueError):
    """The text is not in the date form asked for."""


class ImpossibleDateError(ValueError):
    """The text has the right form but names no calendar day."""


def parse_date(text: str, *, precise: bool) -> PartialDate:
    """Parse YYYY-MM-DD (or, when not precise, YYYY-MM and YYYY)."""
    m = _FORM.match(text.strip())
    if not m or (precise and not m.group(3)):
        raise DateFormError(text)
    year = int(m.group(1))
    month = int(m.group(2) or 0)
    day = int(m.group(3) or 0)
    if m.group(2) and not 1 <= month <= 12:
        raise ImpossibleDateError(f"there is no month {month}")
    if m.group(3):
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ImpossibleDateError(f"{calendar.month_name[month]} {year} has {last} days")
    return PartialDate(year, month, day)


def format_date(date: PartialDate, catalog: Mapping[str, Any]) -> str:
    """A date as readers of a language write it, at its own precision, from that language's catalogue."""
    pattern = catalog["date_day"] if date.day else catalog["date_month"] if date.month else catalog["date_year"]
    month_name = catalog["months"][date.month - 1] if date.month else ""
    return str(pattern).format(year=date.year, month=date.month, day=date.day, month_name=month_name)
