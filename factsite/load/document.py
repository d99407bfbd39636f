"""The checked document: mappings and lists that remember where they were written, and ways to walk them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factsite.problems import Mark


class Rec(dict[str, Any]):
    """A checked mapping that remembers where it and each of its values were written."""

    def __init__(self, mark: Mark, span: tuple[int, int] = (0, 0)):
        super().__init__()
        self.mark = mark
        self.span = span  # character offsets of the record in the file, for fingerprints
        self.marks: dict[str, Mark] = {}

    def at(self, key: str) -> Mark:
        return self.marks.get(key, self.mark)


class Seq(list[Any]):
    """A checked list that remembers where each item was written."""

    def __init__(self, mark: Mark, span: tuple[int, int] = (0, 0)):
        super().__init__()
        self.mark = mark
        self.span = span
        self.marks: list[Mark] = []


SITE_LISTS = ("verdicts", "topics")  # lists that live under site:


def records(doc: Rec, key: str) -> list[Rec]:
    """The checked records of a top-level list (verdicts and topics live under site)."""
    holder = doc.get("site", Rec(doc.mark)) if key in SITE_LISTS else doc
    return [r for r in holder.get(key, ()) if isinstance(r, Rec)]


def iter_quotes(doc: Rec) -> Iterator[tuple[Rec, str]]:
    """Every quote record in the document, with a short name of what holds it."""
    for claim in records(doc, "claims"):
        for quote in claim.get("quotes", ()):
            yield quote, f"claim {claim.get('id', '?')!r}"
        for link in claim.get("evidence", ()):
            if "quote" in link:
                yield link["quote"], f"evidence of claim {claim.get('id', '?')!r}"
    for event in records(doc, "events"):
        for quote in event.get("quotes", ()):
            yield quote, f"event of {event.get('date', '?')}"


def walk_records(value: Any) -> Iterator[Rec]:
    """Every record inside a value, depth first."""
    if isinstance(value, Rec):
        yield value
        for child in value.values():
            yield from walk_records(child)
    elif isinstance(value, list):
        for child in value:
            yield from walk_records(child)
