"""The timeline's order and its pages: which page of which year each event lands on, decided once."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import Protocol, TypeVar

from factsite.model.dates import PartialDate

PAGE_SIZE = 50  # items per page of any listing: pages stay small however large the edition grows


class HasDate(Protocol):
    """Anything placed on the timeline by its date (read-only, so frozen records qualify)."""

    @property
    def date(self) -> PartialDate: ...


class Dated(HasDate, Protocol):
    """An event or a claim: a dated record with an id."""

    @property
    def id(self) -> str: ...


T = TypeVar("T")
H = TypeVar("H", bound=HasDate)
E = TypeVar("E", bound=Dated)
C = TypeVar("C", bound=Dated)


def order_key(item: Dated, is_event: bool) -> tuple[int, int, int, bool, str]:
    """Date order; on one date, events before the claims made about them. Plain values, so that sorting
    ten thousand items compares tuples in C rather than dates in Python."""
    d = item.date
    return (d.year, d.month, d.day, not is_event, item.id)


def ordered(events: Iterable[E], claims: Iterable[C]) -> list[tuple[E | C, bool]]:
    """Events and claims as one list in timeline order, each with whether it is an event."""
    items: list[tuple[E | C, bool]] = [(e, True) for e in events]
    items += [(c, False) for c in claims]
    return sorted(items, key=lambda pair: order_key(pair[0], pair[1]))


def by_year(items: list[tuple[H, bool]]) -> list[tuple[int, list[tuple[H, bool]]]]:
    return [(year, list(group)) for year, group in groupby(items, key=lambda pair: pair[0].date.year)]


def pages(items: list[T], size: int = PAGE_SIZE) -> list[list[T]]:
    """A listing cut into pages of `size` (at least one page, possibly empty)."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def event_pages(events: Iterable[Dated], claims: Iterable[Dated]) -> dict[str, tuple[int, int]]:
    """For each event id, the year and the page of that year's timeline it is listed on."""
    out: dict[str, tuple[int, int]] = {}
    for year, items in by_year(ordered(events, claims)):
        for number, page in enumerate(pages(items), 1):
            for item, is_event in page:
                if is_event:
                    out[item.id] = (year, number)
    return out
