"""What each page shows: routes and the ready-made data their templates print."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from factsite.model import urls
from factsite.model.languages import Lang
from factsite.model.records import Claim, Event, L10n, Quote, Site, Source, Topic, Update, Verdict
from factsite.render import listings, sourceview
from factsite.render.listings import Card

LATEST = 6  # claims on the home page
CORRECTIONS = "corrections"  # the page that carries the log of corrections and updates
OVERVIEW = 12  # claims on the claims overview


class HasUrl(Protocol):
    def url(self, lang: Lang) -> str: ...


@dataclass(frozen=True)
class Citation:
    """Who quotes a passage: the page to link back to and its title."""

    target: HasUrl
    title: L10n

    @property
    def fingerprint(self) -> str:
        """The citing record's: the title is one of its fields."""
        return str(getattr(self.target, "fingerprint", "")) or repr((self.target, self.title))


@dataclass(frozen=True)
class Route:
    """One page in every language (or, for the language chooser and 404, in none): template, address, data."""

    template: str
    url: Callable[[Any], str]  # Lang -> address; neutral pages take None
    data: dict[str, Any] = field(default_factory=dict)


def latest(site: Site, cards: dict[str, Card], n: int) -> list[Card]:
    """The n claims last published or updated; the dates compare as integers, so 10,000 claims take milliseconds."""
    def key(c: Claim) -> tuple[int, int, int, int, int, int, str]:
        m, d = c.modified, c.date
        return m.year, m.month, m.day, d.year, d.month, d.day, c.id
    return [cards[c.id] for c in heapq.nlargest(n, site.claims, key=key)]


def home_data(site: Site, cards: dict[str, Card], newest: list[Card] | None = None) -> dict[str, Any]:
    """The home page; `newest`, when given, is the latest claims already found (at least LATEST of them)."""
    return {"counts": verdict_counts(site), "featured": [cards[c.id] for c in site.claims if c.featured],
            "latest": (newest or latest(site, cards, LATEST))[:LATEST], "topics": topic_counts(site)}


def verdict_counts(site: Site) -> list[tuple[Verdict, int, int]]:
    counts = Counter(c.verdict_id for c in site.claims)
    total = max(len(site.claims), 1)
    return [(v, counts[v.id], round(100 * counts[v.id] / total)) for v in site.verdicts]


def topic_counts(site: Site) -> list[tuple[Topic, int]]:
    counts = Counter(c.topic_id for c in site.claims)
    return [(t, counts[t.id]) for t in site.topics]


def claim_data(site: Site, claim: Claim, events: list[Event], cards: dict[str, Card]) -> dict[str, Any]:
    verdict = site.verdict(claim.verdict_id)
    scaled = [v for v in site.verdicts if v.on_scale]
    return {
        "claim": claim, "verdict": verdict, "topic": site.topic(claim.topic_id),
        "scale_total": len(scaled), "scale_best": scaled[0] if scaled else verdict,
        "quotes": [(q, site.source(q.source_id)) for q in claim.quotes],
        "appeared": [site.source(sid)
                     for sid in dict.fromkeys((claim.appeared_in, *(q.source_id for q in claim.quotes)))],
        "related": [cards[r] for r in claim.related],
        "events": events,
    }


def cited_by(site: Site, cards: dict[str, Card]) -> dict[str, list[Citation]]:
    """For each quote id, the pages that quote it."""
    out: dict[str, list[Citation]] = defaultdict(list)
    for claim in site.claims:
        for q in claim.quotes + tuple(e.quote for e in claim.evidence if e.quote):
            out[q.id].append(Citation(cards[claim.id], claim.claim))
    for event in site.events:
        for q in event.quotes:
            out[q.id].append(Citation(event, event.title))
    return out


def source_routes(source: Source, quotes: list[Quote], citations: dict[str, list[Citation]]) -> list[Route]:
    """A source's page (its text, every passage marked, the first page of the passage list) and the rest of
    the passage list; only this source's citations enter the pages' data."""
    quotes = sorted(quotes, key=lambda q: (q.start, q.end, q.id))
    spans = {q.id: (q.start, q.end) for q in quotes}
    cites = {q.id: citations[q.id] for q in quotes}
    pages = listings.passage_pages(source, quotes)
    first_url, first = pages[0]
    out = [Route("source.html", first_url, dict(first, citations=cites, count=len(quotes),
                                                 lines=SourceText(source, spans)))]
    for url, data in pages[1:]:
        out.append(Route("passages.html", url, dict(data, citations={q.id: cites[q.id] for q in data["items"]},
                                                     count=len(quotes))))
    return out


class SourceText:
    """An archive's text as the source page shows it, made when the page is rendered; its fingerprint says
    what it is made from, so planning never lays the whole article out."""

    def __init__(self, source: Source, spans: dict[str, tuple[int, int]]):
        self.source, self.spans = source, spans
        self.fingerprint = f"{source.fingerprint}:{sorted(spans.items())}"

    def __iter__(self) -> Iterator[sourceview.Line]:
        s = self.source
        return iter(sourceview.lines(s.text, self.spans, s.breaks, s.joins))


def corrections_log(site: Site) -> list[tuple[Update, Claim]]:
    entries = [(u, c) for c in site.claims for u in c.updates]
    return sorted(entries, key=lambda pair: (pair[0].date, pair[1].id), reverse=True)


def chooser_data(site: Site) -> dict[str, Any]:
    """The pages in no single language: every language's words side by side, each title once."""
    choices, seen = [], set()
    for lang in site.languages:
        t = site.strings(lang)
        title = site.title[lang.code]
        choices.append({"lang": lang, "url": urls.home(lang), "title": title, "title_shown": title not in seen,
                        "description": site.description[lang.code], "choose": t["choose_language"],
                        "not_found": t["not_found"], "not_found_text": t["not_found_text"]})
        seen.add(title)
    unique = dict.fromkeys(site.title[lang.code] for lang in site.languages)
    descriptions = dict.fromkeys(site.description[lang.code] for lang in site.languages)
    return {"choices": choices, "heading": " · ".join(unique), "description": " ".join(descriptions)}
