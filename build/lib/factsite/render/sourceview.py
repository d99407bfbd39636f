"""An archived text cut into lines and segments, with quoted passages marked."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool  # inside at least one quoted passage
    starts: tuple[str, ...]  # quote ids whose passage begins here (their anchors go here)
    ends: tuple[str, ...]  # quote ids whose passage ends with this segment


@dataclass(frozen=True)
class Line:
    level: int  # 0 for a paragraph, 1-6 for a Markdown-style heading in the archive
    segments: tuple[Segment, ...]


def _heading(line: str) -> tuple[int, int]:
    """Heading level and how many characters its marker takes ('## ' → (2, 3))."""
    hashes = len(line) - len(line.lstrip("#"))
    if 1 <= hashes <= 6 and line[hashes:hashes + 1] == " ":
        return hashes, hashes + 1
    return 0, 0


def lines(text: str, spans: dict[str, tuple[int, int]]) -> list[Line]:
    """The non-empty lines of a source, each split wherever a quoted passage starts or ends."""
    ordered = sorted(spans.items(), key=lambda item: item[1])
    starts = [a for _, (a, _) in ordered]
    out: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        level, skip = _heading(raw)
        if not raw.strip():
            continue
        # Only passages that start before this line ends can touch it; quotes are short, so few do.
        near = {q: span for q, span in ordered[:bisect.bisect_left(starts, end)] if span[1] > start}
        out.append(Line(level, _segments(text, start + skip, end, near)))
    return out


def _segments(text: str, start: int, end: int, spans: dict[str, tuple[int, int]]) -> tuple[Segment, ...]:
    cuts = {start, end}
    for a, b in spans.values():
        cuts.update(x for x in (a, b) if start < x < end)
    bounds = sorted(cuts)
    segs = []
    for a, b in zip(bounds, bounds[1:]):
        covering = [q for q, (qa, qb) in spans.items() if qa < b and qb > a]
        starts = tuple(sorted(q for q in covering if spans[q][0] == a))
        ends = tuple(sorted(q for q in covering if spans[q][1] == b))
        segs.append(Segment(text[a:b], bool(covering), starts, ends))
    return tuple(s for s in segs if s.text)
