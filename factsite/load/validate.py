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


def unique_ids(doc: Rec, key: str, kind: str, problems: Problems) -> set[str]:
    """The ids of one list, reporting any used twice."""
    first: dict[str, int] = {}
    for rec in records(doc, key):
        if "id" not in rec:
            continue
        ident, mark = rec["id"], rec.at("id")
        if ident in first:
            problems.add(mark, "duplicate-id", kind=kind, value=ident, line=first[ident])
        else:
            first[ident] = mark.line
    return set(first)


def check_ref(rec: Rec, key: str, known: set[str], kind: str, problems: Problems) -> None:
    values = rec.get(key)
    if values is None:
        return
    pairs = zip(values, values.marks) if isinstance(values, Seq) else [(values, rec.at(key))]
    for value, mark in pairs:
        if value not in known:
            problems.add(mark, "unknown-ref", kind=kind, value=value, suggestion=did_you_mean(value, known, kind))


def check_references(doc: Rec, problems: Problems) -> None:
    """Every id is unique and every reference names something that exists."""
    ids = {kind: unique_ids(doc, key, kind, problems) for key, kind in
           (("verdicts", "verdict"), ("topics", "topic"), ("pages", "page"), ("sources", "source"),
            ("claims", "claim"))}
    for page in REQUIRED_PAGES:
        if "pages" in doc and page not in ids["page"]:
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
        check_ref(claim, "topic", ids["topic"], "topic", problems)
        check_ref(claim, "verdict", ids["verdict"], "verdict", problems)
        check_ref(claim, "related", ids["claim"], "claim", problems)
        if claim.get("id") in claim.get("related", ()):
            problems.add(claim.at("related"), "self-related", value=claim["id"])
    for event in records(doc, "events"):
        check_ref(event, "topic", ids["topic"], "topic", problems)
        check_ref(event, "claims", ids["claim"], "claim", problems)
        check_ref(event, "sources", ids["source"], "source", problems)
    for quote, _ in iter_quotes(doc):
        check_ref(quote, "source", ids["source"], "source", problems)


def read_sources(doc: Rec, seeds: Path, problems: Problems) -> dict[str, Archived]:
    """Read every archived source; a changed file names the quotes it puts at risk."""
    archives: dict[str, Archived] = {}
    for rec in records(doc, "sources"):
        if "file" not in rec or "id" not in rec:
            continue
        archived = read_source(seeds, rec, problems)
        if archived is None:
            continue
        archives[rec["id"]] = archived
        expected = rec.get("sha256")
        if expected and expected != archived.sha256:
            at_risk = tuple(f"quote at {q.mark} ({owner}) may no longer match"
                            for q, owner in iter_quotes(doc) if q.get("source") == rec["id"])
            problems.add(rec.at("sha256"), "source-changed", value=f"seeds/{rec['file']}",
                         actual=archived.sha256, expected=expected, details=at_risk)
    return archives
