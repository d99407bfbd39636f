"""Checks that span records: unique ids, references that resolve, sources that are intact."""

from __future__ import annotations

import re
from pathlib import Path

from factsite.load.document import Rec, Seq, iter_quotes, records
from factsite.load.sources import Archived, read_source
from factsite.model.urls import SECTIONS
from factsite.problems import Problems
from factsite.problems.hints import did_you_mean

REQUIRED_PAGES = ("about", "methodology", "corrections")
# Timeline events are anchored as e-DATE[-N] and their quotes as e-DATE[-N]-I; a claim's quotes are ID-I.
_EVENT_LIKE = re.compile(r"e-\d{4}(?:-\d{2}){0,2}(?:-\d+)?")


class Known:
    """The ids of one kind of record, whether any id was used twice, and the records' labels."""

    def __init__(self, doc: Rec, key: str, kind: str, problems: Problems, label: str = ""):
        self.kind = kind
        self.ids: set[str] = set()
        self.duplicated: set[int] = set()  # records (by identity) whose id an earlier record already has
        self.labels: dict[str, str] = {}  # a label in any language, lower-cased -> id
        first: dict[str, int] = {}
        for rec in records(doc, key):
            if "id" not in rec:
                continue
            ident, mark = rec["id"], rec.at("id")
            if ident in first:
                problems.add(mark, "duplicate-id", kind=kind, value=ident, line=first[ident])
                self.duplicated.add(id(rec))
            else:
                first[ident] = mark.line
            for text in (rec.get(label) or {}).values():
                self.labels.setdefault(text.strip().lower(), ident)
        self.ids = set(first)

    def hint(self, value: str) -> str:
        """What an unknown reference probably meant: an id written as its label, or a misspelled id."""
        ident = self.labels.get(value.strip().lower())
        if ident is not None:
            return f"did you mean {ident!r} ({value})? write the id, not the label"
        return did_you_mean(value, self.ids, self.kind)

    def check(self, rec: Rec, key: str, problems: Problems) -> None:
        """Each reference in rec[key] names a record of this kind.

        While an id is used twice, unknown references of the kind are not reported: a duplicated id usually
        means a record lost the id others refer to, and the duplicate error says so first."""
        values = rec.get(key)
        if values is None or self.duplicated:
            return
        pairs = zip(values, values.marks, strict=True) if isinstance(values, Seq) else [(values, rec.at(key))]
        for value, mark in pairs:
            if value not in self.ids:
                problems.add(mark, "unknown-ref", kind=self.kind, value=value, suggestion=self.hint(value))


def check_references(doc: Rec, problems: Problems) -> None:
    """Every id is unique and every reference names something that exists."""
    known = {kind: Known(doc, key, kind, problems, label) for key, kind, label in
             (("verdicts", "verdict", "label"), ("topics", "topic", "name"), ("pages", "page", "title"),
              ("publishers", "publisher", "name"), ("sources", "source", ""), ("claims", "claim", ""))}
    for page in REQUIRED_PAGES:
        if "pages" in doc and page not in known["page"].ids:
            problems.add(doc["pages"].mark, "required-page", value=page)
    for rec in records(doc, "pages"):
        if rec.get("id") in SECTIONS:
            problems.add(rec.at("id"), "reserved-id", kind="page", value=rec["id"],
                         why=f"/{rec['id']}/ is the address of the site's own {rec['id']} section")
    for rec in records(doc, "claims"):
        if "id" in rec and _EVENT_LIKE.fullmatch(rec["id"]):
            problems.add(rec.at("id"), "reserved-id", kind="claim", value=rec["id"],
                         why="ids of the form e-DATE name timeline events and their quotes")
    for claim in records(doc, "claims"):
        known["topic"].check(claim, "topic", problems)
        known["verdict"].check(claim, "verdict", problems)
        known["claim"].check(claim, "related", problems)
        known["source"].check(claim, "appeared_in", problems)
        if claim.get("id") in claim.get("related", ()) and id(claim) not in known["claim"].duplicated:
            problems.add(claim.at("related"), "self-related", value=claim["id"])
        for link in claim.get("evidence", ()):
            known["publisher"].check(link, "publisher", problems)
    for event in records(doc, "events"):
        known["topic"].check(event, "topic", problems)
        known["claim"].check(event, "claims", problems)
        known["source"].check(event, "sources", problems)
        for link in event.get("links", ()):
            known["publisher"].check(link, "publisher", problems)
    for source in records(doc, "sources"):
        known["publisher"].check(source, "publisher", problems)
    for quote, _ in iter_quotes(doc):
        known["source"].check(quote, "source", problems)


def read_sources(doc: Rec, seeds: Path, problems: Problems) -> tuple[dict[str, Archived], dict[str, Rec]]:
    """Read every archived source; also return the sources whose file no longer has its recorded sha256."""
    archives: dict[str, Archived] = {}
    changed: dict[str, Rec] = {}
    for rec in records(doc, "sources"):
        if "file" not in rec or "id" not in rec:
            continue
        archived = read_source(seeds, rec, problems)
        if archived is None:
            continue
        archives[rec["id"]] = archived
        expected = rec.get("sha256")
        if expected and expected != archived.sha256:
            changed[rec["id"]] = rec
    return archives, changed
