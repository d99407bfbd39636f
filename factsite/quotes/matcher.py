"""Find verbatim quotes in archived sources, ignoring only print layout."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

# Print layouts split words with hyphens at line ends ("Deep-" / "Seek"); a quote
# may join them or not, so hyphens never decide a match.
_DROPPED = frozenset("-\u00ad\u2010\u2011\u200b\u200c\u200d\ufeff")
CONTEXT = 32  # characters of prefix/suffix kept for TextQuoteSelector
# The closest-passage hint must stay cheap whatever the input (difflib is quadratic on long or repetitive text):
LONG = 300  # needles up to this length get the exact search; longer ones a sampled, block-wise one
VOTERS = 256  # at most this many of the needle's character pairs vote for a start
COMMON = 2000  # a pair occurring more often than this in the source says little, and costs much: it abstains
BLOCK = 120  # long needles are compared block by block, against the window with a small margin
BLOCKS = 12  # at most this many evenly spaced blocks
SHOWN = 400  # characters of the closest passage shown in the message
EXACT_BUDGET = 30_000_000  # character pairs the exact search may compare per source before it goes block-wise


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
        self._converted: dict[Callable[[str], str], str] = {}
        self._budget = EXACT_BUDGET
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

    def covers_all(self, span: Span) -> bool:
        """Whether a span holds every visible character of the source."""
        return bool(self._pos) and span.start <= self._pos[0] and span.end > self._pos[-1]

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
        source = self._converted.get(convert)
        if source is None:  # the whole source converted once, not once per quote
            source = self._converted[convert] = convert(self.norm)
        needle = convert(normalize(quote))
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
        exact = n <= LONG and self._budget > 0
        if exact:
            self._budget -= len(starts) * 15 * n * (n + 2)
        for s in starts:
            if not exact:  # one window per start, compared in sampled blocks
                a = max(0, s)
                b = min(a + n, len(self.norm))
                key = (self._block_ratio(needle, a, b), 0, 0)
                if b > a and key > best_key:
                    best, best_key = (a, b), key
                continue
            for a in range(max(0, s - 2), min(len(self.norm), s + 3)):
                for b in (a + n - 2, a + n, a + n + 2):
                    b = min(max(b, a + 1), len(self.norm))
                    ratio = SequenceMatcher(None, needle, self.norm[a:b], autojunk=False).ratio()
                    # On a tie, the window nearest the voted start and the quote's length wins.
                    key = (ratio, -abs(a - s), -abs(b - a - n))
                    if key > best_key:
                        best, best_key = (a, b), key
        (a, b), ratio = best, max(best_key[0], 0.0)
        if b <= a:
            return Closest(Span(0, 0), "", 0)
        span = self._span(a, b)
        shown = display(self.text[span.start:span.end])
        if len(shown) > SHOWN:
            shown = shown[:SHOWN] + "…"
        return Closest(span, shown, min(round(ratio * 100), 99))  # only a quote that matches is 100%

    def _block_ratio(self, needle: str, a: int, b: int) -> float:
        """Similarity of a long needle to norm[a:b], from at most BLOCKS blocks of BLOCK characters."""
        count = -(-len(needle) // BLOCK)
        picks = sorted({round(i * (count - 1) / max(BLOCKS - 1, 1)) for i in range(min(count, BLOCKS))})
        total = 0.0
        for k in picks:
            part = needle[k * BLOCK:(k + 1) * BLOCK]
            lo = a + k * BLOCK
            window = self.norm[max(a, lo - 8):min(b, lo + len(part) + 8)]
            matcher = SequenceMatcher(None, part, window, autojunk=False)
            same = sum(m.size for m in matcher.get_matching_blocks())
            total += same / len(part)
        return total / len(picks)

    def _candidate_starts(self, needle: str) -> list[int]:
        if self._bigrams is None:
            grams: dict[str, list[int]] = defaultdict(list)
            for i in range(len(self.norm) - 1):
                grams[self.norm[i:i + 2]].append(i)
            self._bigrams = grams
        pairs = len(needle) - 1
        voters = range(pairs) if pairs <= VOTERS else sorted({j * pairs // VOTERS for j in range(VOTERS)})
        votes: Counter[int] = Counter()
        for j in voters:
            positions = self._bigrams.get(needle[j:j + 2], ())
            if len(positions) > COMMON:
                continue
            for i in positions:
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
