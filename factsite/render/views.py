"""What each page shows: routes and the ready-made data their templates print."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, Callable, Protocol

from factsite.model import urls
from factsite.model.dates import PartialDate
from factsite.model.languages import Lang
from factsite.model.records import Claim, Event, L10n, Quote, Site, Source, Topic
from factsite.render import chart, sourceview


class HasUrl(Protocol):
    def url(self, lang: Lang) -> str: ...


@dataclass(frozen=True)
class Citation:
    """Who quotes a passage: the page to link back to and its title."""

    target: HasUrl
    title: L10n


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
        return urls.claim(self.id, lang)


def card(claim: Claim) -> Card:
    fields = (claim.id, claim.claim, claim.claimant, claim.date, claim.verdict_id, claim.topic_id)
    digest = hashlib.blake2b(repr(fields).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return Card(*fields, fingerprint=digest)


@dataclass(frozen=True)
class TimelineItem:
    date: PartialDate
    kind: str  # "event" or "claim"
    topic: Topic
    item: Event | Card
    claims: tuple[Card, ...] = ()  # for events: the checks that discuss them


@dataclass(frozen=True)
class Route:
    """One page in every language (or, for the language chooser and 404, in none): template, address, data."""

    template: str
    url: Callable[[Any], str]  # Lang -> address; neutral pages take None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Routes:
    pages: list[Route]  # one page per language each
    neutral: list[Route]  # pages in no single language


def _route(template: str, url: Callable[[Any], str], **data: Any) -> Route:
    return Route(template, url, data)


def routes(site: Site) -> Routes:
    """Every page of the site, in a fixed order."""
    cards = {c.id: card(c) for c in site.claims}
    citations = cited_by(site, cards)
    events_of: dict[str, list[Event]] = defaultdict(list)
    for event in site.events:
        for claim_id in event.claim_ids:
            events_of[claim_id].append(event)
    quotes_of: dict[str, list[Quote]] = defaultdict(list)
    for quote in site.quotes():
        quotes_of[quote.source_id].append(quote)

    def section(name: str) -> Callable[[Lang], str]:
        return lambda lang: urls.section(name, lang)

    out = [
        _route("home.html", urls.home, **home_data(site, cards)),
        _route("claims.html", section("claims"), groups=verdict_groups(site, cards)),
        _route("timeline.html", section("timeline"), **timeline_data(site, None, cards)),
        _route("search.html", section("search")),
        _route("sources.html", section("sources")),
        _route("topics.html", section("topics"), topics=topic_counts(site)),
    ]
    for claim in site.claims:
        out.append(_route("claim.html", claim.url, **claim_data(site, claim, events_of[claim.id], cards)))
    for source in site.sources:
        out.append(_route("source.html", source.url, **source_data(source, quotes_of[source.id], citations)))
    for topic in site.topics:
        out.append(_route("topic.html", topic.url, topic=topic,
                          claims=[cards[c.id] for c in site.claims if c.topic_id == topic.id],
                          events=[e for e in site.events if e.topic_id == topic.id]))
    for topic in site.topics:
        out.append(_route("timeline.html", lambda lang, t=topic: urls.topic_timeline(t.id, lang),
                          **timeline_data(site, topic, cards)))
    for page in site.pages:
        out.append(_route("page.html", page.url, page=page, log=corrections_log(site)))
    chooser = chooser_data(site)
    neutral = [_route("root.html", lambda _: urls.ROOT, **chooser),
               _route("404.html", lambda _: urls.NOT_FOUND, **chooser)]
    return Routes(out, neutral)


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


def home_data(site: Site, cards: dict[str, Card]) -> dict[str, Any]:
    latest = sorted(site.claims, key=lambda c: (c.modified, c.date, c.id), reverse=True)[:6]
    return {"counts": verdict_counts(site), "featured": [cards[c.id] for c in site.claims if c.featured],
            "latest": [cards[c.id] for c in latest], "topics": topic_counts(site)}


def verdict_counts(site: Site) -> list[tuple[Any, int, int]]:
    counts = Counter(c.verdict_id for c in site.claims)
    total = max(len(site.claims), 1)
    return [(v, counts[v.id], round(100 * counts[v.id] / total)) for v in site.verdicts]


def verdict_groups(site: Site, cards: dict[str, Card]) -> list[tuple[Any, list[Card]]]:
    return [(v, [cards[c.id] for c in site.claims if c.verdict_id == v.id]) for v in site.verdicts]


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
        "appeared": [site.source(sid) for sid in dict.fromkeys((claim.appeared_in, *(q.source_id for q in claim.quotes)))],
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


def source_data(source: Source, quotes: list[Quote], citations: dict[str, list[Citation]]) -> dict[str, Any]:
    """One archived text with its quoted passages; only this source's citations enter the page's data."""
    quotes = sorted(quotes, key=lambda q: (q.start, q.end, q.id))
    spans = {q.id: (q.start, q.end) for q in quotes}
    return {"source": source, "quotes": quotes, "citations": {q.id: citations[q.id] for q in quotes},
            "lines": sourceview.lines(source.text, spans, source.breaks, source.joins)}


def timeline_data(site: Site, topic: Topic | None, cards: dict[str, Card]) -> dict[str, Any]:
    """The whole timeline, or one topic's part of it: the chart, the filter and the list by year."""
    events = [e for e in site.events if topic is None or e.topic_id == topic.id]
    claims = [c for c in site.claims if topic is None or c.topic_id == topic.id]
    return {"chart": chart.chart(list(site.topics), events), "filter": topic,
            "years": timeline_years(site, events, claims, cards),
            "filters": [t for t in site.topics if any(e.topic_id == t.id for e in site.events)
                        or any(c.topic_id == t.id for c in site.claims)]}


def timeline_years(site: Site, events: list[Event], claims: list[Claim],
                   cards: dict[str, Card]) -> list[tuple[int, list[TimelineItem]]]:
    items = [TimelineItem(e.date, "event", site.topic(e.topic_id), e, tuple(cards[c] for c in e.claim_ids))
             for e in events]
    items += [TimelineItem(c.date, "claim", site.topic(c.topic_id), cards[c.id]) for c in claims]
    items.sort(key=lambda it: (it.date, it.kind != "event", it.item.id))
    return [(year, list(group)) for year, group in groupby(items, key=lambda it: it.date.year)]


def corrections_log(site: Site) -> list[tuple[Any, Claim]]:
    entries = [(u, c) for c in site.claims for u in c.updates]
    return sorted(entries, key=lambda pair: (pair[0].date, pair[1].id), reverse=True)
