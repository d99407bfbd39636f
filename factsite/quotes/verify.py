"""The core promise: every quote occurs, once, in its archived source."""

from __future__ import annotations

from dataclasses import dataclass

from factsite.load.document import Rec, iter_quotes
from factsite.load.sources import Archived
from factsite.problems import Mark, Problems
from factsite.quotes.differences import differences
from factsite.quotes.matcher import SourceIndex, Span, display, normalize
from factsite.text.chinese import Converter

MAX_LINES = 20  # line numbers listed for an ambiguous quote


@dataclass(frozen=True)
class Anchor:
    """Where a verified quote sits in its source."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    line: int
    shown: str  # the passage as printed on pages: the source's words without line breaks


def index_sources(archives: dict[str, Archived]) -> dict[str, SourceIndex]:
    """Normalize each source once, however many quotes point at it."""
    return {sid: SourceIndex(a.text) for sid, a in sorted(archives.items())}


def verify_quotes(doc: Rec, indexes: dict[str, SourceIndex], converters: list[Converter],
                  changed: dict[str, Rec], problems: Problems) -> dict[Mark, Anchor]:
    """Anchor each quote, keyed by where it was written, or report why it cannot be.

    A source whose file changed since its sha256 was recorded is one problem, naming each of its quotes as
    still matching or not: the archive is evidence, so a quote is never fitted to a changed file."""
    anchors: dict[Mark, Anchor] = {}
    verdicts: dict[str, list[str]] = {sid: [] for sid in changed}
    for quote, owner in iter_quotes(doc):
        index = indexes.get(quote.get("source", ""))  # no source has the id ""
        if index is None or "text" not in quote:
            continue  # the missing source or text is reported elsewhere
        if quote["source"] in changed:
            found = len(index.find_all(quote["text"])) == 1
            verdicts[quote["source"]].append(f"quote at {quote.mark} ({owner}) "
                                             f"{'still matches' if found else 'NO LONGER MATCHES'}")
            continue
        span = locate(quote, index, converters, problems)
        if span is not None:
            prefix, suffix = index.context(span)
            exact = index.text[span.start:span.end]
            anchors[quote.mark] = Anchor(span.start, span.end, exact, prefix, suffix,
                                         index.line_of(span.start), display(exact))
    for sid, rec in changed.items():
        problems.add(rec.at("sha256"), "source-changed", value=f"seeds/{rec['file']}", source=sid,
                     details=tuple(verdicts[sid]))
    return anchors


def locate(quote: Rec, index: SourceIndex, converters: list[Converter], problems: Problems) -> Span | None:
    """The one span a quote names, or None after reporting the problem."""
    source, mark = quote["source"], quote.at("text")
    if not normalize(quote["text"]):
        problems.add(mark, "quote-empty")
        return None
    matches = index.find_all(quote["text"])
    if not matches:
        converted = next((found for c in converters if (found := index.find_converted(quote["text"], c.script))), [])
        if converted:
            original = display(index.text[converted[0].start:converted[0].end])
            problems.add(mark, "quote-script", source=source, original=original)
        else:
            best = index.closest(quote["text"])
            line = index.line_of(best.span.start)
            where = differences(quote["text"], index.text[best.span.start:best.span.end])
            problems.add(mark, "quote-not-found", source=source, similarity=best.similarity,
                         details=(f"closest (source line {line}): {best.text}", *where))
        return None
    wanted = quote.get("occurrence")
    if wanted is None and len(matches) > 1:
        lines = ", ".join(str(index.line_of(m.start)) for m in matches[:MAX_LINES])
        if len(matches) > MAX_LINES:
            lines += f" and {len(matches) - MAX_LINES} more"
        problems.add(mark, "quote-ambiguous", count=len(matches), source=source, lines=lines)
        return None
    if wanted is not None and wanted > len(matches):
        problems.add(quote.at("occurrence"), "quote-occurrence", n=wanted, count=len(matches), source=source)
        return None
    span = matches[(wanted or 1) - 1]
    if index.covers_all(span):
        problems.add(mark, "quote-whole-source", source=source)
        return None
    return span
