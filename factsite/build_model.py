"""Turn the checked document into the frozen model the renderer reads."""

from __future__ import annotations

import hashlib
from collections import Counter

from factsite.model import records as m
from factsite.model.dates import PartialDate
from factsite.problems import Mark
from factsite.load.schema import Rec
from factsite.text.chinese import Scripts
from factsite.load.sources import Archived
from factsite.load.validate import records
from factsite.quotes.verify import Anchor


class Builder:
    """Holds what every record needs while it is converted: scripts and quote anchors."""

    def __init__(self, scripts: Scripts, anchors: dict[Mark, Anchor], text: str):
        self.scripts = scripts
        self.anchors = anchors
        self.source_text = text  # claims.yaml itself: records are fingerprinted by what was written

    def fingerprint(self, rec: Rec, *extra: str) -> str:
        start, end = rec.span
        return fingerprint(self.source_text[start:end], *extra)

    def text(self, value: dict | None) -> m.L10n | None:
        if value is None:
            return None
        if "*" in value:
            plain = value["*"]
            return m.L10n(plain, self.scripts.editorial(plain), plain)
        hant = value["zh-Hant"]
        return m.L10n(hant, value.get("zh-Hans") or self.scripts.editorial(hant), value["en"])

    def quote(self, rec: Rec, ident: str) -> m.Quote:
        a = self.anchors[rec.mark]
        return m.Quote(ident, rec["source"], m.L10n(a.shown, self.scripts.script(a.shown), a.shown),
                       rec.get("translation", ""), a.start, a.end, a.exact, a.prefix, a.suffix, a.line)

    def link(self, rec: Rec, ident: str) -> m.Link:
        quote = self.quote(rec["quote"], ident) if "quote" in rec else None
        return m.Link(self.text(rec["title"]), self.text(rec["publisher"]), rec["date"], rec["url"],
                      rec.get("archive_url"), self.text(rec.get("note")), quote)

    def claim(self, rec: Rec, published: PartialDate) -> m.Claim:
        cid = rec["id"]
        quotes = tuple(self.quote(q, f"{cid}-{i}") for i, q in enumerate(rec["quotes"], 1))
        evidence = tuple(self.link(e, f"{cid}-e{i}") for i, e in enumerate(rec["evidence"], 1))
        updates = tuple(sorted((m.Update(u["date"], u["kind"], self.text(u["text"])) for u in rec.get("updates", ())),
                               key=lambda u: u.date))
        claimant_type = rec.get("claimant_type", "organization").capitalize()
        return m.Claim(cid, rec["topic"], rec["verdict"], self.text(rec["claimant"]), claimant_type, rec["date"],
                       self.text(rec["claim"]), quotes, self.text(rec["summary"]), self.text(rec["reasoning"]),
                       evidence, tuple(rec.get("related", ())), updates, rec.get("published", published),
                       rec.get("featured", False), self.fingerprint(rec))

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
                                  self.fingerprint(rec, eid)))
        return tuple(events)


def verdicts(recs: list[Rec], b: Builder) -> tuple[m.Verdict, ...]:
    """The scale, best first; ratings count down so the best verdict has the highest value."""
    scaled = [r for r in recs if r.get("on_scale", True)]
    out = []
    for rank, rec in enumerate(recs, 1):
        on_scale = rec.get("on_scale", True)
        rating = len(scaled) - scaled.index(rec) if on_scale else None
        out.append(m.Verdict(rec["id"], b.text(rec["label"]), b.text(rec["meaning"]), rank, on_scale, rating))
    return tuple(out)


def fingerprint(*parts: str) -> str:
    """A short stable digest of some text, for the build cache."""
    h = hashlib.blake2b(digest_size=12)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def build_site(doc: Rec, archives: dict[str, Archived], anchors: dict[Mark, Anchor],
               scripts: Scripts, build_date: PartialDate | None, text: str = "") -> m.Site:
    """The whole model; call only after validation and verification found no problem."""
    b = Builder(scripts, anchors, text)
    site = doc["site"]
    published = site["published"]
    sources = tuple(
        m.Source(r["id"], r["file"], archives[r["id"]].sha256, archives[r["id"]].text, b.text(r["title"]),
                 b.text(r["publisher"]), b.text(r.get("author")), r["date"], r.get("url"), r.get("archive_url"),
                 b.fingerprint(r, archives[r["id"]].sha256))
        for r in records(doc, "sources"))
    claims = tuple(b.claim(r, published) for r in records(doc, "claims"))
    topics = tuple(m.Topic(r["id"], b.text(r["name"]), b.text(r["description"])) for r in records(doc, "topics"))
    pages = tuple(m.Page(r["id"], b.text(r["title"]), b.text(r["body"])) for r in records(doc, "pages"))
    latest = max([published] + [c.modified for c in claims])
    return m.Site(
        b.text(site["title"]), b.text(site["description"]), site["base_url"], published,
        b.text(site["organization"]["name"]), site["organization"]["url"], site["contact"],
        verdicts(records(doc, "verdicts"), b), topics, pages, sources, claims, b.events(records(doc, "events")),
        build_date or latest)
