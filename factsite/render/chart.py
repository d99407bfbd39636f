"""The timeline at a glance: positions of every event on an SVG chart, a lane per topic, drawn at build time."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from factsite.model.dates import PartialDate
from factsite.model.records import Event, Topic

WIDTH = 960
GUTTER = 190  # room for the lane names on the left
LANE = 34
TOP = 30  # room for the year labels
RADIUS = 6
GAP = 2 * RADIUS + 3  # the closest two marks in a lane may sit
MAX_MARKS = 150  # beyond this many events, a lane shows one mark per month (its size says how many)


@dataclass(frozen=True)
class Lane:
    topic: Topic
    y: float


@dataclass(frozen=True)
class Tick:
    x: float
    year: int


@dataclass(frozen=True)
class Mark:
    event: Event  # the event the mark links to: the month's first when marks stand for a month
    x: float
    y: float
    count: int = 1  # events the mark stands for
    radius: float = RADIUS


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    gutter: int
    radius: int
    lanes: tuple[Lane, ...]
    ticks: tuple[Tick, ...]
    marks: tuple[Mark, ...]


def position(date: PartialDate) -> float:
    """A date as a fractional year; a month or year known only roughly sits in its middle."""
    if not date.month:
        return date.year + 0.5
    day = (date.day - 0.5) / 31 if date.day else 0.5
    return date.year + (date.month - 1 + day) / 12


def chart(topics: list[Topic], events: list[Event]) -> Chart | None:
    """Lay out the events: x by date, one lane per topic that has events, stacked where they crowd."""
    used = [t for t in topics if any(e.topic_id == t.id for e in events)]
    if not used:
        return None
    first = min(e.date.year for e in events)
    last = max(e.date.year for e in events)
    span = last + 1 - first
    scale = (WIDTH - GUTTER - 2 * RADIUS) / span

    def x_of(date: PartialDate) -> float:
        return round(GUTTER + RADIUS + (position(date) - first) * scale, 1)

    lanes = tuple(Lane(t, TOP + LANE * i + LANE / 2) for i, t in enumerate(used))
    lane_y = {lane.topic.id: lane.y for lane in lanes}
    ordered = sorted(events, key=lambda e: (e.date, e.id))
    if len(ordered) > MAX_MARKS:
        return Chart(WIDTH, int(TOP + LANE * len(lanes) + 8), GUTTER, RADIUS, lanes, _ticks(first, last, scale),
                     tuple(_monthly(ordered, lane_y, x_of)))
    marks: list[Mark] = []
    right: dict[str, float] = {}  # per lane, the x of its rightmost mark so far
    for event in ordered:
        # Events close in time sit side by side in their lane, in date order, rather than on top of each other.
        x = max(x_of(event.date), right.get(event.topic_id, 0.0) + GAP)
        marks.append(Mark(event, round(x, 1), lane_y[event.topic_id]))
        right[event.topic_id] = x
    return Chart(WIDTH, int(TOP + LANE * len(lanes) + 8), GUTTER, RADIUS, lanes, _ticks(first, last, scale),
                 tuple(marks))


def _ticks(first: int, last: int, scale: float) -> tuple[Tick, ...]:
    return tuple(Tick(round(GUTTER + RADIUS + (year - first) * scale, 1), year) for year in range(first, last + 1))


def _monthly(ordered: list[Event], lane_y: dict[str, float], x_of: Callable[[PartialDate], float]) -> list[Mark]:
    """One mark per lane and month, sized by how many events it stands for, linking to the month's first."""
    groups: dict[tuple[str, int, int], list[Event]] = {}
    for event in ordered:
        groups.setdefault((event.topic_id, event.date.year, event.date.month), []).append(event)
    marks = []
    for (topic_id, year, month), group in groups.items():
        radius = min(RADIUS + 2 * math.log2(len(group)), LANE / 2 - 2)
        marks.append(Mark(group[0], x_of(PartialDate(year, month or 7)), lane_y[topic_id], len(group),
                          round(radius, 1)))
    return marks
