"""What each page shows: routes and the ready-made data their templates print."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import groupby
from typing import Callable

from factsite.render import chart

from factsite.render import sourceview
from factsite.model.dates import PartialDate
from factsite.model.records import Claim, Event, L10n, Lang, Quote, Site, Source, Topic


@dataclass(frozen=True)
class Citation:
    """Who quotes a passage: the page to link back to and its title."""

    url_of: object  # a model object with url(lang)
    title: object  # L10n


@dataclass(frozen=True)
class Card:
    """What a list shows of a claim; lists depend on these fields only, not on the whole claim."""

    id: str
    claim: L10n
    claimant: L10n
    date: PartialDate
    verdict_id: str
    topic_id: str
    fingerprint: str = field(default="", compare=False, repr=False)

    def url(self, lang: Lang) -> str:
        return f"{lang.slug}/claims/{self.id}/"


_cards: dict[int, tuple[Claim, Card]] = {}


def card(claim: Claim) -> Card:
    """A claim's card, made once per claim object (lists of thousands reuse it)."""
    hit = _cards.get(id(claim))
    if hit is not None and hit[0] is claim:
        return hit[1]
    fields = (claim.id, claim.claim, claim.claimant, claim.date, claim.verdict_id, claim.topic_id)
    made = Card(*fields, fingerprint=hashlib.blake2b(repr(fields).encode("utf-8", "surrogatepass"),
                                                     digest_size=12).hexdigest())
    _cards[id(claim)] = (claim, made)
    return made


@dataclass(frozen=True)
class TimelineItem:
    date: PartialDate
    kind: str  # "event" or "claim"
    topic: Topic
    item: Event | Card
    claims: tuple[Card, ...] = ()  # for events: the checks that discuss them


@dataclass(frozen=True)
class Route:
    """One page in every language: its template, its address and its ready data."""

    template: str
    url: Callable[[Lang], str]
    data: dict = field(default_factory=dict)


def _route(template: str, url: Callable[[Lang], str], **data) -> Route:
    return Route(template, url, data)


def routes(site: Site) -> list[Route]:
    """Every page of the site, in a fixed order."""
    _cards.clear()
    citations = cited_by(site)
    events_of = defaultdict(list)
    for event in site.events:
        for claim_id in event.claim_ids:
            events_of[claim_id].append(event)
    quotes_of = defaultdict(list)
    for quote in all_quotes(site):
        quotes_of[quote.source_id].append(quote)
    out = [
        _route("home.html", lambda lang: f"{lang.slug}/", **home_data(site)),
        _route("claims.html", lambda lang: f"{lang.slug}/claims/", groups=verdict_groups(site)),
        _route("timeline.html", lambda lang: f"{lang.slug}/timeline/", **timeline_data(site, None)),
        _route("search.html", lambda lang: f"{lang.slug}/search/"),
        _route("sources.html", lambda lang: f"{lang.slug}/sources/"),
        _route("topics.html", lambda lang: f"{lang.slug}/topics/", topics=topic_counts(site)),
    ]
    for claim in site.claims:
        out.append(_route("claim.html", claim.url, **claim_data(site, claim, events_of[claim.id])))
    for source in site.sources:
        out.append(_route("source.html", source.url, **source_data(source, quotes_of[source.id], citations)))
    for topic in site.topics:
        out.append(_route("topic.html", topic.url, topic=topic,
                          claims=[card(c) for c in site.claims if c.topic_id == topic.id],
                          events=[e for e in site.events if e.topic_id == topic.id]))
    for topic in site.topics:
        out.append(_route("timeline.html", lambda lang, t=topic: f"{lang.slug}/timeline/{t.id}/",
                          **timeline_data(site, topic)))
    for page in site.pages:
        out.append(_route("page.html", page.url, page=page, log=corrections_log(site)))
    return out


def home_data(site: Site) -> dict:
    latest = sorted(site.claims, key=lambda c: (c.modified, c.date, c.id), reverse=True)[:6]
    return {"counts": verdict_counts(site), "featured": [card(c) for c in site.claims if c.featured],
            "latest": [card(c) for c in latest], "topics": topic_counts(site)}


def verdict_counts(site: Site) -> list:
    counts = Counter(c.verdict_id for c in site.claims)
    total = max(len(site.claims), 1)
    return [(v, counts[v.id], round(100 * counts[v.id] / total)) for v in site.verdicts]


def verdict_groups(site: Site) -> list:
    return [(v, [card(c) for c in site.claims if c.verdict_id == v.id]) for v in site.verdicts]


def topic_counts(site: Site) -> list:
    counts = Counter(c.topic_id for c in site.claims)
    return [(t, counts[t.id]) for t in site.topics]


def claim_data(site: Site, claim: Claim, events: list[Event]) -> dict:
    verdict = site.verdict(claim.verdict_id)
    scaled = [v for v in site.verdicts if v.on_scale]
    return {
        "claim": claim, "verdict": verdict, "topic": site.topic(claim.topic_id),
        "scale_total": len(scaled), "scale_best": scaled[0] if scaled else verdict,
        "quotes": [(q, site.source(q.source_id)) for q in claim.quotes],
        "appeared": [site.source(sid) for sid in dict.fromkeys(q.source_id for q in claim.quotes)],
        "related": [card(site.claim(r)) for r in claim.related],
        "events": events,
    }


def cited_by(site: Site) -> dict[str, list[Citation]]:
    """For each quote id, the pages that quote it."""
    out: dict[str, list[Citation]] = defaultdict(list)
    for claim in site.claims:
        for q in claim.quotes + tuple(e.quote for e in claim.evidence if e.quote):
            out[q.id].append(Citation(card(claim), claim.claim))
    for event in site.events:
        for q in event.quotes:
            out[q.id].append(Citation(event, event.title))
    return out


def all_quotes(site: Site) -> list[Quote]:
    quotes = [q for c in site.claims for q in c.quotes + tuple(e.quote for e in c.evidence if e.quote)]
    return quotes + [q for e in site.events for q in e.quotes]


def source_data(source: Source, quotes: list[Quote], citations: dict[str, list[Citation]]) -> dict:
    """One archived text with its quoted passages; only this source's citations enter the page's data."""
    quotes = sorted(quotes, key=lambda q: (q.start, q.end, q.id))
    spans = {q.id: (q.start, q.end) for q in quotes}
    return {"source": source, "quotes": quotes, "citations": {q.id: citations[q.id] for q in quotes},
            "lines": sourceview.lines(source.text, spans)}


def timeline_data(site: Site, topic: Topic | None) -> dict:
    """The whole timeline, or one topic's part of it: the chart, the filter and the list by year."""
    events = [e for e in site.events if topic is None or e.topic_id == topic.id]
    claims = [c for c in site.claims if topic is None or c.topic_id == topic.id]
    return {"chart": chart.chart(list(site.topics), events), "filter": topic, "years": timeline_years(site, events, claims),
            "filters": [t for t in site.topics if any(e.topic_id == t.id for e in site.events)
                        or any(c.topic_id == t.id for c in site.claims)]}


def timeline_years(site: Site, events: list[Event], claims: list[Claim]) -> list[tuple[int, list[TimelineItem]]]:
    items = [TimelineItem(e.date, "event", site.topic(e.topic_id), e, tuple(card(site.claim(c)) for c in e.claim_ids))
             for e in events]
    items += [TimelineItem(c.date, "claim", site.topic(c.topic_id), card(c)) for c in claims]
    items.sort(key=lambda it: (it.date, it.kind != "event", it.item.id))
    return [(year, list(group)) for year, group in groupby(items, key=lambda it: it.date.year)]


def corrections_log(site: Site) -> list:
    entries = [(u, c) for c in site.claims for u in c.updates]
    return sorted(entries, key=lambda pair: (pair[0].date, pair[1].id), reverse=True)
