"""Turn the checked document into the frozen model the renderer reads."""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Mapping
from typing import Any

from factsite.load.document import Rec, records
from factsite.load.kinds import NEUTRAL
from factsite.load.sources import Archived
from factsite.model import records as m
from factsite.model import timeline
from factsite.model.dates import PartialDate
from factsite.model.languages import DERIVED, Languages
from factsite.problems import Mark
from factsite.quotes.verify import Anchor
from factsite.text.chinese import Converter


def converters(languages: Languages) -> dict[str, Converter]:
    """One converter per derived language, keyed by its code."""
    return {lang.code: Converter(lang.opencc, lang.glossary) for lang in languages.derived}


class Builder:
    """Holds what every record needs while it is converted: languages, converters and quote anchors."""

    def __init__(self, languages: Languages, anchors: dict[Mark, Anchor], text: str):
        self.languages = languages
        self.publishers: dict[str, m.Publisher] = {}
        self.converters = converters(languages)
        self.anchors = anchors
        self.source_text = text  # claims.yaml itself: records are fingerprinted by what was written

    def fingerprint(self, rec: Rec, *extra: str) -> str:
        start, end = rec.span
        return fingerprint(self.source_text[start:end], *extra)

    def text(self, value: Mapping[str, str]) -> m.L10n:
        """A text per page language: the editors' own, else derived from its source, else the first written."""
        if NEUTRAL in value:
            return m.L10n(tuple((lang.code, value[NEUTRAL], "") for lang in self.languages))
        out = []
        for lang in self.languages:
            if lang.code in value:
                out.append((lang.code, value[lang.code], lang.code))
            elif lang.role == DERIVED and lang.derived_from in value:
                out.append((lang.code, self.converters[lang.code].editorial(value[lang.derived_from]), lang.code))
            else:
                shown = next(code for code in self.languages.codes if code in value)
                out.append((lang.code, value[shown], shown))
        return m.L10n(tuple(out))

    def maybe(self, value: Mapping[str, str] | None) -> m.L10n | None:
        return None if value is None else self.text(value)

    def quote(self, rec: Rec, ident: str) -> m.Quote:
        """A quote in every page language: the archive's words, converted to derived scripts."""
        a = self.anchors[rec.mark]
        source = self.languages.source.code
        texts = []
        for lang in self.languages:
            if lang.role == DERIVED and lang.derived_from == source:
                texts.append((lang.code, self.converters[lang.code].script(a.shown), lang.code))
            else:
                texts.append((lang.code, a.shown, source))
        translation = self.maybe(rec.get("translation"))
        return m.Quote(ident, rec["source"], m.L10n(tuple(texts)), rec["text"], translation, a.start, a.end,
                       a.exact, a.prefix, a.suffix, a.line, self.fingerprint(rec, ident))

    def link(self, rec: Rec, ident: str) -> m.Link:
        quote = self.quote(rec["quote"], ident) if "quote" in rec else None
        return m.Link(self.text(rec["title"]), self.publishers[rec["publisher"]], rec["date"], rec["url"],
                      rec.get("archive_url"), self.maybe(rec.get("note")), quote)

    def claim(self, rec: Rec) -> m.Claim:
        cid = rec["id"]
        quotes = tuple(self.quote(q, f"{cid}-{i}") for i, q in enumerate(rec["quotes"], 1))
        evidence = tuple(self.link(e, f"{cid}-e{i}") for i, e in enumerate(rec["evidence"], 1))
        updates = tuple(sorted((m.Update(u["date"], u["kind"], self.text(u["text"])) for u in rec.get("updates", ())),
                               key=lambda u: u.date))
        appeared_in = rec.get("appeared_in", quotes[0].source_id)
        return m.Claim(cid, rec["topic"], rec["verdict"], self.text(rec["claimant"]), rec["claimant_type"].capitalize(),
                       appeared_in, rec["date"], self.text(rec["claim"]), self.text(rec["rated"]), quotes,
                       self.text(rec["summary"]), self.text(rec["reasoning"]), evidence, tuple(rec.get("related", ())),
                       updates, rec["checked"], rec["published"], rec.get("featured", False), self.fingerprint(rec))

    def events(self, recs: list[Rec]) -> tuple[m.Event, ...]:
        ordered = sorted(enumerate(recs), key=lambda pair: (pair[1]["date"], pair[0]))
        seen: Counter[str] = Counter()
        events = []
        for _, rec in ordered:
            base = f"e-{rec['date'].iso}"
            seen[base] += 1
            eid = base if seen[base] == 1 else f"{base}-{seen[base]}"
            quotes = tuple(self.quote(q, f"{eid}-{i}") for i, q in enumerate(rec.get("quotes", ()), 1))
            links = tuple(self.link(li, f"{eid}-l{i}") for i, li in enumerate(rec.get("links", ()), 1))
            events.append(m.Event(eid, rec["date"], rec["topic"], self.text(rec["title"]), self.text(rec["text"]),
                                  links, tuple(rec.get("claims", ())), tuple(rec.get("sources", ())), quotes,
                                  record_fingerprint=self.fingerprint(rec, eid)))  # by keyword: after `page`
        return tuple(events)

    def verdicts(self, recs: list[Rec]) -> tuple[m.Verdict, ...]:
        """The scale, best first; ratings count down so the best verdict has the highest value."""
        scaled = [r for r in recs if r.get("on_scale", True)]
        out = []
        for rank, rec in enumerate(recs, 1):
            on_scale = rec.get("on_scale", True)
            rating = len(scaled) - scaled.index(rec) if on_scale else None
            out.append(m.Verdict(rec["id"], self.text(rec["label"]), self.text(rec["meaning"]), rank, on_scale,
                                 rating))
        return tuple(out)


def placed_events(events: tuple[m.Event, ...], claims: tuple[m.Claim, ...]) -> tuple[m.Event, ...]:
    """The events with the page of their year's timeline each lands on (claims share those pages).

    Where an event is listed is part of what links to it show: it enters the event's fingerprint."""
    placed = timeline.event_pages(events, claims)
    return tuple(dataclasses.replace(e, page=placed[e.id][1],
                                     fingerprint=fingerprint(e.record_fingerprint, str(placed[e.id])))
                 for e in events)


def fingerprint(*parts: str) -> str:
    """A short stable digest of some text, for the build cache."""
    h = hashlib.blake2b(digest_size=12)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def build_site(doc: Rec, languages: Languages, catalogs: Mapping[str, Mapping[str, Any]],
               archives: dict[str, Archived], anchors: dict[Mark, Anchor], build_date: PartialDate | None,
               text: str = "") -> m.Site:
    """The whole model; call only after validation and verification found no problem."""
    b = Builder(languages, anchors, text)
    publishers = b.publishers = {r["id"]: m.Publisher(r["id"], b.text(r["name"]), r["kind"], tuple(r["domains"]))
                                 for r in records(doc, "publishers")}
    site = doc["site"]
    published = site["published"]
    sources = tuple(
        m.Source(r["id"], r["file"], archives[r["id"]].sha256, archives[r["id"]].text, b.text(r["title"]),
                 publishers[r["publisher"]], b.maybe(r.get("author")), r["date"], r.get("url"), r.get("archive_url"),
                 b.maybe(r.get("provenance")), tuple(r.get("breaks", ())), tuple(r.get("joins", ())),
                 b.fingerprint(r, archives[r["id"]].sha256))
        for r in records(doc, "sources"))
    claims = tuple(b.claim(r) for r in records(doc, "claims"))
    topics = tuple(m.Topic(r["id"], b.text(r["name"]), b.text(r["description"])) for r in records(doc, "topics"))
    pages = tuple(m.Page(r["id"], b.text(r["title"]), b.text(r["body"])) for r in records(doc, "pages"))
    events = b.events(records(doc, "events"))
    events = placed_events(events, claims)
    latest = max([published] + [c.modified for c in claims])
    return m.Site(
        languages, catalogs, b.text(site["title"]), b.text(site["description"]), b.maybe(site.get("timeline_intro")),
        b.maybe(site.get("search_examples")), site["base_url"], published, b.text(site["organization"]["name"]),
        site["organization"]["url"], site["contact"],
        m.License(b.text(site["license"]["name"]), site["license"]["url"]) if "license" in site else None,
        tuple(publishers.values()), b.verdicts(records(doc, "verdicts")),
        topics, pages, sources, claims, events, build_date or latest)
