"""Listings cut into pages: claims by verdict, a topic's timeline, a year of the timeline, the sources, and a
source's quoted passages. Every page has a stable address and knows its neighbours (rel=prev/next)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Callable

from factsite.model import timeline, urls
from factsite.model.dates import PartialDate
from factsite.model.languages import Lang
from factsite.model.records import Claim, Event, L10n, Quote, Site, Source, Topic


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
class Pager:
    """Page `number` of `total` of one listing; `address(lang, n)` is page n's address."""

    number: int
    total: int
    address: Callable[[Lang, int], str] = field(compare=False)
    key: str = ""  # names the listing in the build cache's digest, since `address` is code

    def previous(self, lang: Lang) -> str | None:
        return self.address(lang, self.number - 1) if self.number > 1 else None

    def next(self, lang: Lang) -> str | None:
        return self.address(lang, self.number + 1) if self.number < self.total else None

    @property
    def fingerprint(self) -> str:
        return f"{self.key}:{self.number}/{self.total}"


@dataclass(frozen=True)
class TimelineItem:
    date: PartialDate
    kind: str  # "event" or "claim"
    topic: Topic
    item: Event | Card
    claims: tuple[Card, ...] = ()  # for events: the checks that discuss them


Paged = list[tuple[Callable[[Any], str], dict[str, Any]]]  # (address of the page per language, its data)


def paged(key: str, items: list[Any], address: Callable[[Lang, int], str], **data: Any) -> Paged:
    """One (address, data) pair per page of a listing; each page's data holds its items and its pager."""
    chunks = timeline.pages(items)
    out: Paged = []
    for number, chunk in enumerate(chunks, 1):
        pager = Pager(number, len(chunks), address, key)
        out.append((lambda lang, n=number: address(lang, n), dict(data, items=chunk, pager=pager)))
    return out


def verdict_pages(site: Site, cards: dict[str, Card]) -> Paged:
    out: Paged = []
    newest = sorted(site.claims, key=lambda c: (c.date, c.id), reverse=True)
    for verdict in site.verdicts:
        items = [cards[c.id] for c in newest if c.verdict_id == verdict.id]
        out += paged(f"verdict:{verdict.id}", items, lambda lang, n, v=verdict.id: urls.verdict(v, lang, n),
                     verdict=verdict, count=len(items))
    return out


def timeline_items(site: Site, events: list[Event], claims: list[Claim], cards: dict[str, Card]) -> list[TimelineItem]:
    """Events and claims in timeline order, as the templates show them."""
    out = []
    for item, is_event in timeline.ordered(events, claims):
        if is_event:
            assert isinstance(item, Event)
            out.append(TimelineItem(item.date, "event", site.topic(item.topic_id), item,
                                    tuple(cards[c] for c in item.claim_ids)))
        else:
            assert isinstance(item, Claim)
            out.append(TimelineItem(item.date, "claim", site.topic(item.topic_id), cards[item.id]))
    return out


def year_pages(site: Site, cards: dict[str, Card]) -> tuple[Paged, list[tuple[int, int, int]]]:
    """The timeline's pages, a year at a time, and the index of years: (year, items, pages)."""
    out: Paged = []
    index = []
    items = timeline_items(site, list(site.events), list(site.claims), cards)
    for year, group in timeline.by_year([(it, it.kind == "event") for it in items]):
        listed = [it for it, _ in group]
        chunk = paged(f"year:{year}", listed, lambda lang, n, y=year: urls.timeline_year(y, lang, n), year=year,
                      filters=topics_used(site))
        index.append((year, len(listed), len(chunk)))
        out += chunk
    return out, index


def topic_pages(site: Site, cards: dict[str, Card]) -> Paged:
    out: Paged = []
    for topic in site.topics:
        items = timeline_items(site, [e for e in site.events if e.topic_id == topic.id],
                               [c for c in site.claims if c.topic_id == topic.id], cards)
        out += paged(f"topic:{topic.id}", items, lambda lang, n, t=topic.id: urls.topic(t, lang, n), topic=topic,
                     claims=sum(1 for it in items if it.kind == "claim"),
                     events=sum(1 for it in items if it.kind == "event"))
    return out


def source_pages(sources: tuple[Source, ...]) -> Paged:
    return paged("sources", list(sources), lambda lang, n: urls.sources_list(lang, n))


def passage_pages(source: Source, quotes: list[Quote]) -> Paged:
    """A source's quoted passages beyond the first page, which its own page shows."""
    def address(lang: Lang, n: int) -> str:
        return urls.source(source.id, lang) if n == 1 else urls.source_quotes(source.id, lang, n)
    return paged(f"passages:{source.id}", quotes, address, source=source)


def topics_used(site: Site) -> list[Topic]:
    """The topics with anything on the timeline: the filter's choices."""
    used = {e.topic_id for e in site.events} | {c.topic_id for c in site.claims}
    return [t for t in site.topics if t.id in used]
