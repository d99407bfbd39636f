"""The route table: every page of the site, in groups that change together.

A group is one page (a claim's), one listing with all its pages (a verdict's claims, a year of the
timeline, a topic), or one archived source with its passage pages. `affected` names the groups an edit
to some claims can change, so the preview re-plans only those; every other page is the one it has.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from factsite.model import timeline, urls
from factsite.model.dates import PartialDate
from factsite.model.records import Claim, Event, Page, Quote, Site
from factsite.render import chart, listings, views
from factsite.render.listings import Card, card
from factsite.render.views import Route

Key = tuple[str, ...]


@dataclass(frozen=True)
class Routes:
    pages: list[Route]  # one page per language each, in the order sitemaps list them
    neutral: list[Route]  # pages in no single language
    groups: dict[Key, list[Route]] = field(default_factory=dict)  # the same pages, by group
    context: Context | None = None  # the indexes they were made from


SECTIONS: tuple[Key, ...] = (("home",), ("claims",), ("timeline",), ("search",), ("topics",), ("data",))
GLOBAL = (("home",), ("claims",), ("timeline",), ("topics",))  # they count or list every claim


@dataclass
class Context:
    """Indexes the groups read, made once per model; after an edit, carried over and patched."""

    site: Site
    cards: dict[str, Card]
    citations: dict[str, list[views.Citation]]
    events_of: dict[str, list[Event]]
    quotes_of: dict[str, list[Quote]]
    counts: dict[int, int]  # items on the timeline per year, years in order
    _years: dict[int, list[listings.TimelineItem]] = field(default_factory=dict)
    _newest: list[Card] | None = None

    def newest(self) -> list[Card]:
        """The claims the home page and the claims overview list first, found once for both."""
        if self._newest is None:
            self._newest = views.latest(self.site, self.cards, max(views.LATEST, views.OVERVIEW))
        return self._newest

    def year(self, year: int) -> list[listings.TimelineItem]:
        """A year of the timeline, made when first asked for: an edit re-plans one or two years, not all."""
        if year not in self._years:
            site = self.site
            self._years[year] = listings.timeline_items(site, [e for e in site.events if e.date.year == year],
                                                        [c for c in site.claims if c.date.year == year], self.cards)
        return self._years[year]


def context(site: Site, previous: Context | None = None, changed: Iterable[str] = ()) -> Context:
    """The indexes for a model; with the previous model's context and the claims changed since, a patch."""
    if previous is None:
        cards = {c.id: card(c) for c in site.claims}
        citations = views.cited_by(site, cards)
    else:
        cards, citations = dict(previous.cards), dict(previous.citations)
        for cid in changed:
            for q in _quotes(previous.site.claim(cid)):
                citations.pop(q.id, None)
            claim = site.claim(cid)
            cards[cid] = card(claim)
            for q in _quotes(claim):
                citations[q.id] = [views.Citation(cards[cid], claim.claim)]
        for event in site.events:  # an event moved to another page of the timeline is a new record
            for q in event.quotes:
                citations[q.id] = [views.Citation(event, event.title)]
    events_of: dict[str, list[Event]] = defaultdict(list)
    for event in site.events:
        for claim_id in event.claim_ids:
            events_of[claim_id].append(event)
    quotes_of: dict[str, list[Quote]] = defaultdict(list)
    for quote in site.quotes():
        quotes_of[quote.source_id].append(quote)
    counts = Counter(e.date.year for e in site.events) + Counter(c.date.year for c in site.claims)
    return Context(site, cards, citations, events_of, quotes_of, dict(sorted(counts.items())))


def keys(ctx: Context) -> list[Key]:
    """Every group, in the order the site's pages are listed (sitemaps follow it)."""
    site = ctx.site
    out: list[Key] = list(SECTIONS)
    out += [("verdict", v.id) for v in site.verdicts]
    out += [("year", str(year)) for year in ctx.counts]
    out += [("topic", t.id) for t in site.topics]
    out.append(("sources",))
    out += [("claim", c.id) for c in site.claims]
    out += [("source", s.id) for s in site.sources]
    out += [("page", p.id) for p in site.pages]
    return out


def build(ctx: Context, key: Key) -> list[Any]:
    """The routes of one group."""
    site, kind = ctx.site, key[0]
    route = _route
    if kind == "home":
        return [route("home.html", urls.home, **views.home_data(site, ctx.cards, ctx.newest()))]
    if kind == "claims":
        return [route("claims.html", _section("claims"), counts=views.verdict_counts(site),
                      latest=ctx.newest()[:views.OVERVIEW])]
    if kind == "timeline":
        index = [(year, n, max(1, -(-n // timeline.PAGE_SIZE))) for year, n in ctx.counts.items()]
        return [route("timeline.html", _section("timeline"), chart=chart.chart(list(site.topics), list(site.events)),
                      years=index, filters=listings.topics_used(site))]
    if kind == "search":
        first = site.languages.all[0]
        searched = [c.url(first) for c in site.claims] + [p.url(first) for p in site.pages]
        bundles = urls.search_bundles(searched, urls.search_shards(len(site.claims)))
        return [route("search.html", _section(kind), bundles=bundles)]
    if kind == "data":
        return [route("data.html", _section(kind))]
    if kind == "topics":
        return [route("topics.html", _section("topics"), topics=views.topic_counts(site))]
    if kind == "sources":
        return [route("sources.html", url, **data) for url, data in listings.source_pages(site.sources)]
    if kind == "verdict":
        return [route("verdict.html", url, **data) for url, data in _verdict(ctx, key[1])]
    if kind == "year":
        year = int(key[1])
        listed = ctx.year(year)
        pages = listings.paged(f"year:{year}", listed, lambda lang, n: urls.timeline_year(year, lang, n), year=year,
                               filters=listings.topics_used(site))
        return [route("year.html", url, **data) for url, data in pages]
    if kind == "topic":
        return [route("topic.html", url, **data) for url, data in _topic(ctx, key[1])]
    if kind == "claim":
        claim = site.claim(key[1])
        return [route("claim.html", claim.url, **views.claim_data(site, claim, ctx.events_of[claim.id], ctx.cards))]
    if kind == "source":
        return views.source_routes(site.source(key[1]), ctx.quotes_of[key[1]], ctx.citations)
    return _page(site, site.page(key[1]))


def routes(site: Site) -> Routes:
    """Every page of the site, in a fixed order, with the group each belongs to."""
    ctx = context(site)
    groups = {key: build(ctx, key) for key in keys(ctx)}
    return Routes([r for group in groups.values() for r in group], neutral(site), groups, ctx)


def neutral(site: Site) -> list[Route]:
    """The pages in no single language: the language chooser at the root, and the 404 page."""
    chooser = views.chooser_data(site)
    return [Route("root.html", lambda _: urls.ROOT, chooser), Route("404.html", lambda _: urls.NOT_FOUND, chooser)]


def _page(site: Site, page: Page) -> list[Route]:
    if page.id != views.CORRECTIONS:
        return [Route("page.html", page.url, {"page": page, "items": [], "pager": None})]
    # The corrections policy, then the log of every correction, newest first.
    log = listings.paged("log", views.corrections_log(site), lambda lang, n: urls.paged(page.url(lang), n), page=page)
    return [Route("page.html", url, data) for url, data in log]


def _route(template: str, url: Callable[[Any], str], **data: Any) -> Route:
    return Route(template, url, data)


def _newest(claim: Claim) -> tuple[int, int, int, str]:
    """The order of (date, id), as plain integers: sorting thousands of claims compares them in C."""
    d = claim.date
    return d.year, d.month, d.day, claim.id


def _section(name: str) -> Callable[[Any], str]:
    return lambda lang: urls.section(name, lang)


def _verdict(ctx: Context, verdict_id: str) -> listings.Paged:
    site = ctx.site
    verdict = site.verdict(verdict_id)
    newest = sorted((c for c in site.claims if c.verdict_id == verdict_id), key=_newest, reverse=True)
    items = [ctx.cards[c.id] for c in newest]
    return listings.paged(f"verdict:{verdict_id}", items, lambda lang, n: urls.verdict(verdict_id, lang, n),
                          verdict=verdict, count=len(items))


def _topic(ctx: Context, topic_id: str) -> listings.Paged:
    site = ctx.site
    items = listings.timeline_items(site, [e for e in site.events if e.topic_id == topic_id],
                                    [c for c in site.claims if c.topic_id == topic_id], ctx.cards)
    return listings.paged(f"topic:{topic_id}", items, lambda lang, n: urls.topic(topic_id, lang, n),
                          topic=site.topic(topic_id), claims=sum(1 for it in items if it.kind == "claim"),
                          events=sum(1 for it in items if it.kind == "event"))


def affected(old: Site, new: Site, changed: list[str]) -> set[Key]:
    """The groups whose pages an edit to these claims can change (the claims keep their ids).

    A claim's own page shows all of it; every other page shows only what `_listed` holds (its card, when
    it last changed, whether it is featured), its quotes (on source pages) or its updates (the corrections
    log). An edit to a summary or the reasoning therefore re-plans one group, not the listings."""
    out: set[Key] = set()
    before = {c.id: c for c in old.claims}
    after = {c.id: c for c in new.claims}
    moved_events = {e.id for e, f in zip(old.events, new.events, strict=True) if e.page != f.page}
    for event in new.events:
        if event.id in moved_events:  # its link changed wherever it is linked from
            out |= {("year", str(event.date.year)), ("topic", event.topic_id)}
            out |= {("claim", cid) for cid in event.claim_ids}
            out |= {("source", q.source_id) for q in event.quotes}
    for cid in changed:
        a, b = before[cid], after[cid]
        out.add(("claim", cid))
        listed = _listed(a) != _listed(b)
        if listed:
            out |= set(GLOBAL)
            for claim in (a, b):
                out |= {("verdict", claim.verdict_id), ("year", str(claim.date.year)), ("topic", claim.topic_id)}
            out |= {("claim", c.id) for c in new.claims if cid in c.related}
            for event in new.events:
                if cid in event.claim_ids:
                    out |= {("year", str(event.date.year)), ("topic", event.topic_id)}
        if listed or _quotes(a) != _quotes(b):  # source pages show the passages and who cites them
            out |= {("source", q.source_id) for claim in (a, b) for q in _quotes(claim)}
        if a.updates != b.updates or (listed and (a.updates or b.updates)):
            out |= {("page", p.id) for p in new.pages}
    return out


def _listed(claim: Claim) -> tuple[Card, PartialDate, bool]:
    """What pages other than the claim's own show of it."""
    return card(claim), claim.modified, claim.featured


def _quotes(claim: Claim) -> tuple[Quote, ...]:
    return claim.quotes + tuple(e.quote for e in claim.evidence if e.quote)
