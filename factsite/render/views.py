"""What each page shows: routes and the ready-made data their templates print."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from factsite.model import urls
from factsite.model.languages import Lang
from factsite.model.records import Claim, Event, L10n, Quote, Site, Source, Topic
from factsite.render import chart, listings, sourceview
from factsite.render.listings import Card, card

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


def _section(name: str) -> Callable[[Lang], str]:
    return lambda lang: urls.section(name, lang)


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
    years, year_index = listings.year_pages(site, cards)
    out = [
        _route("home.html", urls.home, **home_data(site, cards)),
        _route("claims.html", _section("claims"), counts=verdict_counts(site),
               latest=latest(site, cards, OVERVIEW)),
        _route("timeline.html", _section("timeline"), chart=chart.chart(list(site.topics), list(site.events)),
               years=year_index, filters=listings.topics_used(site)),
        _route("search.html", _section("search")),
        _route("topics.html", _section("topics"), topics=topic_counts(site)),
        _route("data.html", _section("data")),
    ]
    out += [_route("verdict.html", url, **data) for url, data in listings.verdict_pages(site, cards)]
    out += [_route("year.html", url, **data) for url, data in years]
    out += [_route("topic.html", url, **data) for url, data in listings.topic_pages(site, cards)]
    out += [_route("sources.html", url, **data) for url, data in listings.source_pages(site.sources)]
    for claim in site.claims:
        out.append(_route("claim.html", claim.url, **claim_data(site, claim, events_of[claim.id], cards)))
    for source in site.sources:
        out += source_routes(source, quotes_of[source.id], citations)
    for page in site.pages:
        if page.id == CORRECTIONS:  # the corrections policy, then the log of every correction, newest first
            log = listings.paged("log", corrections_log(site),
                                 lambda lang, n, p=page: urls.paged(p.url(lang), n), page=page)
            out += [_route("page.html", url, **data) for url, data in log]
        else:
            out.append(_route("page.html", page.url, page=page, items=[], pager=None))
    chooser = chooser_data(site)
    neutral = [_route("root.html", lambda _: urls.ROOT, **chooser),
               _route("404.html", lambda _: urls.NOT_FOUND, **chooser)]
    return Routes(out, neutral)


def latest(site: Site, cards: dict[str, Card], n: int) -> list[Card]:
    newest = sorted(site.claims, key=lambda c: (c.modified, c.date, c.id), reverse=True)[:n]
    return [cards[c.id] for c in newest]


def home_data(site: Site, cards: dict[str, Card]) -> dict[str, Any]:
    return {"counts": verdict_counts(site), "featured": [cards[c.id] for c in site.claims if c.featured],
            "latest": latest(site, cards, LATEST), "topics": topic_counts(site)}


def verdict_counts(site: Site) -> list[tuple[Any, int, int]]:
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


def source_routes(source: Source, quotes: list[Quote], citations: dict[str, list[Citation]]) -> list[Route]:
    """A source's page (its text, every passage marked, the first page of the passage list) and the rest of
    the passage list; only this source's citations enter the pages' data."""
    quotes = sorted(quotes, key=lambda q: (q.start, q.end, q.id))
    spans = {q.id: (q.start, q.end) for q in quotes}
    cites = {q.id: citations[q.id] for q in quotes}
    pages = listings.passage_pages(source, quotes)
    first_url, first = pages[0]
    out = [_route("source.html", first_url, **first, citations=cites, count=len(quotes),
                  lines=sourceview.lines(source.text, spans, source.breaks, source.joins))]
    for url, data in pages[1:]:
        out.append(_route("passages.html", url, **data, citations={q.id: cites[q.id] for q in data["items"]},
                          count=len(quotes)))
    return out


def corrections_log(site: Site) -> list[tuple[Any, Claim]]:
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
