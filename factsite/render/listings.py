"""Listings cut into pages: claims by verdict, a topic's timeline, a year of the timeline, the sources, and a
source's quoted passages. Every page has a stable address and knows its neighbours (rel=prev/next)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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

    @property
    def fingerprint(self) -> str:
        """Made of its records' fingerprints (the date is the item's, the topic is in every page's digest)."""
        return ":".join([self.kind, self.topic.id, self.item.fingerprint, *(c.fingerprint for c in self.claims)])


Paged = list[tuple[Callable[[Lang], str], dict[str, Any]]]  # (address of the page per language, its data)


def _page_of(address: Callable[[Lang, int], str], number: int) -> Callable[[Lang], str]:
    """Page `number`'s address, per language."""
    return lambda lang: address(lang, number)


def paged(key: str, items: list[Any], address: Callable[[Lang, int], str], **data: Any) -> Paged:
    """One (address, data) pair per page of a listing; each page's data holds its items and its pager."""
    chunks = timeline.pages(items)
    out: Paged = []
    for number, chunk in enumerate(chunks, 1):
        pager = Pager(number, len(chunks), address, key)
        out.append((_page_of(address, number), dict(data, items=chunk, pager=pager)))
    return out


def timeline_items(site: Site, events: list[Event], claims: list[Claim], cards: dict[str, Card]) -> list[TimelineItem]:
    """Events and claims in timeline order, as the templates show them."""
    out: list[TimelineItem] = []
    for item, is_event in timeline.ordered(events, claims):
        if is_event:
            assert isinstance(item, Event)
            out.append(TimelineItem(item.date, "event", site.topic(item.topic_id), item,
                                    tuple(cards[c] for c in item.claim_ids)))
        else:
            assert isinstance(item, Claim)
            out.append(TimelineItem(item.date, "claim", site.topic(item.topic_id), cards[item.id]))
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
