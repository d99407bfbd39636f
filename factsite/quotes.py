"""Find verbatim quotes in archived sources, ignoring only print layout."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Callable

# Print layouts split words with hyphens at line ends ("Deep-" / "Seek"); a quote
# may join them or not, so hyphens never decide a match.
_DROPPED = frozenset("-\u00ad\u2010\u2011\u200b\u200c\u200d\ufeff")
CONTEXT = 32  # characters of prefix/suffix kept for TextQuoteSelector


def fold(ch: str) -> str:
    """The layout-free form of one character: '' for layout, half-width for full-width punctuation."""
    if ch.isspace() or ch in _DROPPED:
        return ""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII variants: ，→, （→( ：→:
        return chr(code - 0xFEE0)
    return ch


def normalize(text: str) -> str:
    """Text with layout removed, for comparing a quote against a source."""
    return "".join(fold(ch) for ch in text)


@dataclass(frozen=True)
class Span:
    """A match in the original source text: [start, end) offsets."""

    start: int
    end: int


@dataclass(frozen=True)
class Closest:
    """The passage of a source most like a quote that was not found."""

    span: Span
    text: str
    similarity: int  # percent


class SourceIndex:
    """One archived text, normalized once so every quote against it is a substring search."""

    def __init__(self, text: str):
        self.text = text
        chars: list[str] = []
        positions: list[int] = []
        for i, ch in enumerate(text):
            folded = fold(ch)
            if folded:
                chars.append(folded)
                positions.append(i)
        self.norm = "".join(chars)
        self._pos = positions
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self._bigrams: dict[str, list[int]] | None = None

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def _span(self, a: int, b: int) -> Span:
        return Span(self._pos[a], self._pos[b - 1] + 1)

    def find_all(self, quote: str) -> list[Span]:
        """Every place the quote occurs, ignoring layout."""
        needle = normalize(quote)
        if not needle:
            return []
        found, at = [], self.norm.find(needle)
        while at >= 0:
            found.append(self._span(at, at + len(needle)))
            at = self.norm.find(needle, at + 1)
        return found

    def find_converted(self, quote: str, convert: Callable[[str], str]) -> list[Span]:
        """Matches that appear only once both texts are converted to one script."""
        source, needle = convert(self.norm), convert(normalize(quote))
        if len(source) != len(self.norm) or not needle:
            return []  # a phrase conversion changed lengths; offsets would lie
        found, at = [], source.find(needle)
        while at >= 0:
            found.append(self._span(at, at + len(needle)))
            at = source.find(needle, at + 1)
        return found

    def closest(self, quote: str) -> Closest:
        """The most similar passage, found by voting on shared character pairs."""
        needle = normalize(quote)
        n = max(len(needle), 1)
        starts = self._candidate_starts(needle) or [0]
        best, best_key = (0, 0), (-1.0, 0, 0)
        for s in starts:
            for a in range(max(0, s - 2), min(len(self.norm), s + 3)):
                for b in (a + n - 2, a + n, a + n + 2):
                    b = min(max(b, a + 1), len(self.norm))
                    ratio = SequenceMatcher(None, needle, self.norm[a:b], autojunk=False).ratio()
                    # On a tie, the window nearest the voted start and the quote's length wins.
                    key = (ratio, -abs(a - s), -abs(b - a - n))
                    if key > best_key:
                        best, best_key = (a, b), key
        (a, b), ratio = best, best_key[0]
        if b <= a:
            return Closest(Span(0, 0), "", 0)
        span = self._span(a, b)
        return Closest(span, display(self.text[span.start:span.end]), round(ratio * 100))

    def _candidate_starts(self, needle: str) -> list[int]:
        if self._bigrams is None:
            grams: dict[str, list[int]] = defaultdict(list)
            for i in range(len(self.norm) - 1):
                grams[self.norm[i:i + 2]].append(i)
            self._bigrams = grams
        votes: Counter[int] = Counter()
        for j in range(len(needle) - 1):
            for i in self._bigrams.get(needle[j:j + 2], ()):
                votes[i - j] += 1
        return [s for s, _ in votes.most_common(5)]

    def context(self, span: Span) -> tuple[str, str]:
        """Prefix and suffix around a span, for a W3C TextQuoteSelector."""
        return self.text[max(0, span.start - CONTEXT):span.start], self.text[span.end:span.end + CONTEXT]


def display(text: str) -> str:
    """A source passage on one line: line breaks and the hyphens that split words across them removed."""
    out: list[str] = []
    lines = [line.strip() for line in text.splitlines()]
    for line in lines:
        if not line:
            continue
        if out and out[-1].endswith("-") and line[:1].isalpha():
            out[-1] = out[-1][:-1]
            out.append(line)
        elif out and (out[-1][-1:].isascii() and line[:1].isascii()):
            out.append(" " + line)
        else:
            out.append(line)
    return "".join(out)
