"""An archived text shown as the article it was: paragraphs, headings and captions, with quoted passages marked.

Archives keep the print layout they were copied with: a sentence can break across lines, even in the middle
of a word (應 / 用程式, Deep- / Seek). For display, a line joins the next when it looks cut by the layout:
it ends with a hyphen after a letter, or with neither sentence-final punctuation nor a closing bracket while
holding sentence-internal punctuation (a heading or a byline holds none). Headings (# …) and captions (● …)
always stand alone. A source may name lines where this guess is wrong: `breaks` keeps the break after a
line, `joins` joins a line with the next. The archived file and every offset stay as they are.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

_FINAL = "。！？!?」』”\"）)】…"
_INTERNAL = "，、；：,;:"


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool  # inside at least one quoted passage
    starts: tuple[str, ...]  # quote ids whose passage begins here (their anchors go here)
    ends: tuple[str, ...]  # quote ids whose passage ends with this segment


@dataclass(frozen=True)
class Line:
    """A paragraph of the article as shown: one or more lines of the archive."""

    level: int  # 0 for a paragraph, 1-6 for a Markdown-style heading in the archive
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class _Raw:
    number: int  # 1-based line number in the archive
    start: int  # offset of its first shown character
    end: int
    level: int
    text: str


def _heading(line: str) -> tuple[int, int]:
    """Heading level and how many characters its marker takes ('## ' → (2, 3))."""
    hashes = len(line) - len(line.lstrip("#"))
    if 1 <= hashes <= 6 and line[hashes:hashes + 1] == " ":
        return hashes, hashes + 1
    return 0, 0


def _alone(raw: _Raw) -> bool:
    return raw.level > 0 or raw.text.lstrip().startswith("●")


def continues(prev: _Raw, nxt: _Raw) -> bool:
    """Whether the print layout cut a sentence between two lines."""
    if _alone(prev) or _alone(nxt):
        return False
    text = prev.text.rstrip()
    if text.endswith("-") and text[-2:-1].isalpha():
        return True
    return not text.endswith(tuple(_FINAL)) and any(p in text for p in _INTERNAL)


def _raw_lines(text: str) -> list[_Raw]:
    out, offset = [], 0
    for number, raw in enumerate(text.split("\n"), 1):
        start, end = offset, offset + len(raw)
        offset = end + 1
        if raw.strip():
            level, skip = _heading(raw)
            out.append(_Raw(number, start + skip, end, level, raw[skip:]))
    return out


def paragraphs(text: str, breaks: tuple[int, ...] = (), joins: tuple[int, ...] = ()) -> list[list[_Raw]]:
    """The archive's non-empty lines grouped into the paragraphs a reader sees."""
    groups: list[list[_Raw]] = []
    for raw in _raw_lines(text):
        prev = groups[-1][-1] if groups else None
        if prev is not None and prev.number not in breaks and (prev.number in joins or continues(prev, raw)):
            groups[-1].append(raw)
        else:
            groups.append([raw])
    return groups


def _joiner(prev: _Raw, nxt: _Raw) -> tuple[int, str]:
    """Where the shown text of `prev` ends, and what joins it to `nxt`: a hyphen splitting a word goes, a
    space goes between Latin letters or digits and other text, and Chinese runs on."""
    end = len(prev.text.rstrip())
    if prev.text.rstrip().endswith("-") and prev.text.rstrip()[-2:-1].isalpha() and nxt.text[:1].isalpha():
        return prev.start + end - 1, ""
    left, right = prev.text.rstrip()[-1:], nxt.text.lstrip()[:1]
    latin = (left.isascii() and left.isalnum()) or (right.isascii() and right.isalnum())
    return prev.start + end, " " if latin else ""


def lines(text: str, spans: dict[str, tuple[int, int]], breaks: tuple[int, ...] = (),
          joins: tuple[int, ...] = ()) -> list[Line]:
    """The source's paragraphs, each split wherever a quoted passage starts or ends."""
    ordered = sorted(spans.items(), key=lambda item: item[1])
    starts = [a for _, (a, _) in ordered]
    out: list[Line] = []
    for group in paragraphs(text, breaks, joins):
        segs: list[Segment] = []
        for i, raw in enumerate(group):
            stop, glue = _joiner(raw, group[i + 1]) if i + 1 < len(group) else (raw.end, "")
            first = raw.start + len(raw.text) - len(raw.text.lstrip()) if i else raw.start
            # Only passages that start before this line ends can touch it; quotes are short, so few do.
            near = {q: span for q, span in ordered[:bisect.bisect_left(starts, stop)] if span[1] > first}
            segs.extend(_segments(text, first, stop, near))
            if glue:  # highlighted when one passage runs across the join
                covered = any(a < stop and b > group[i + 1].start for a, b in near.values())
                segs.append(Segment(glue, covered, (), ()))
        out.append(Line(group[0].level, tuple(segs)))
    return out


def _segments(text: str, start: int, end: int, spans: dict[str, tuple[int, int]]) -> list[Segment]:
    cuts = {start, end}
    for a, b in spans.values():
        cuts.update(x for x in (a, b) if start < x < end)
    bounds = sorted(cuts)
    segs = []
    for a, b in zip(bounds, bounds[1:], strict=False):  # each bound with the next
        covering = [q for q, (qa, qb) in spans.items() if qa < b and qb > a]
        starts = tuple(sorted(q for q in covering if spans[q][0] == a))
        ends = tuple(sorted(q for q in covering if a < spans[q][1] <= b))
        segs.append(Segment(text[a:b], bool(covering), starts, ends))
    return [s for s in segs if s.text]
