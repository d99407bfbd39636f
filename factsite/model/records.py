"""The site as data: frozen records that know their own addresses, free of any rendering."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from factsite.model import urls
from factsite.model.dates import PartialDate
from factsite.model.languages import Lang, Languages


@dataclass(frozen=True)
class L10n:
    """One text per page language, and the language each version is actually written in.

    A version may be written in another language than its page's (a document title that exists only in
    English, shown on a Chinese page) or in none ('' for a name that is the same everywhere); pages mark
    such text with its own language.
    """

    texts: tuple[tuple[str, str, str], ...]  # (page language, text, language the text is written in)

    @cached_property
    def _by(self) -> dict[str, tuple[str, str]]:
        return {code: (text, written) for code, text, written in self.texts}

    def __getitem__(self, code: str) -> str:
        return self._by[code][0]

    def lang_of(self, code: str) -> str:
        """The language the text shown on `code` pages is written in ('' when neutral)."""
        return self._by[code][1]


@dataclass(frozen=True)
class Verdict:
    id: str
    label: L10n
    meaning: L10n
    rank: int  # 1 = best
    on_scale: bool
    rating: int | None  # ClaimReview ratingValue: highest is best; None when off the scale


@dataclass(frozen=True)
class Topic:
    id: str
    name: L10n
    description: L10n

    def url(self, lang: Lang) -> str:
        return urls.topic(self.id, lang)


@dataclass(frozen=True)
class Publisher:
    """Who published cited pages, and the domains its own pages live on."""

    id: str
    name: L10n
    kind: str  # newspaper, wire, government, company, court, journal, …
    domains: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    """A verbatim passage of an archived source, anchored at exact offsets."""

    id: str  # unique across the site; the passage's anchor is urls.quote_anchor(id)
    source_id: str
    text: L10n  # the source's words; derived languages carry the script conversion
    typed: str  # what the editor typed in claims.yaml
    translation: L10n | None  # the editors' translations, in the languages they write
    start: int  # TextPositionSelector over the archived file, in code points, end exclusive
    end: int
    exact: str  # TextQuoteSelector: the archive's own characters
    prefix: str
    suffix: str
    line: int  # where it starts in the archived file
    fingerprint: str = field(default="", compare=False, repr=False)

    @property
    def anchor(self) -> str:
        return urls.quote_anchor(self.id)

    def url(self, lang: Lang) -> str:
        return urls.quote(self.source_id, self.id, lang)


@dataclass(frozen=True)
class Source:
    """An archived article in seeds/."""

    id: str
    file: str
    sha256: str
    text: str
    title: L10n
    publisher: Publisher
    author: L10n | None
    date: PartialDate
    original_url: str | None
    archive_url: str | None
    provenance: L10n | None  # how the archive relates to the original, when it is not a plain copy
    breaks: tuple[int, ...] = ()  # archive lines after which the shown article keeps a break
    joins: tuple[int, ...] = ()  # archive lines the shown article joins with the next
    fingerprint: str = field(default="", compare=False, repr=False)  # changes whenever its input does

    def url(self, lang: Lang) -> str:
        return urls.source(self.id, lang)

    @property
    def text_url(self) -> str:
        return urls.source_text(self.id)


@dataclass(frozen=True)
class Link:
    """A cited document outside the archive."""

    title: L10n
    publisher: Publisher
    date: PartialDate
    url: str
    archive_url: str | None
    note: L10n | None
    quote: Quote | None

    @property
    def host(self) -> str:
        """The domain readers see beside the publisher, as Wikipedia's citations show it."""
        name = urlsplit(self.url).hostname or ""
        return name[4:] if name.startswith("www.") else name


@dataclass(frozen=True)
class Update:
    date: PartialDate
    kind: str  # correction | update | verdict-change
    text: L10n


@dataclass(frozen=True)
class Claim:
    id: str
    topic_id: str
    verdict_id: str
    claimant: L10n  # who said it: the speaker, or the outlet when its own wording is rated
    claimant_type: str  # schema.org type: Person or Organization
    appeared_in: str  # the source id of the article that carried the words
    date: PartialDate
    claim: L10n
    rated: L10n  # what exactly the verdict judges: the speaker's claim, or the outlet's account of it
    quotes: tuple[Quote, ...]
    summary: L10n  # Markdown
    reasoning: L10n  # Markdown
    evidence: tuple[Link, ...]
    related: tuple[str, ...]
    updates: tuple[Update, ...]
    checked: PartialDate  # when its facts were last checked
    published: PartialDate
    featured: bool
    fingerprint: str = field(default="", compare=False, repr=False)

    @cached_property
    def modified(self) -> PartialDate:
        """Its last change: publication, or the latest dated update."""
        return max([self.published] + [u.date for u in self.updates])

    def url(self, lang: Lang) -> str:
        return urls.claim(self.id, lang)


@dataclass(frozen=True)
class Event:
    id: str  # e-YYYY-MM-DD[-n]: the timeline anchor
    date: PartialDate
    topic_id: str
    title: L10n
    text: L10n  # Markdown
    links: tuple[Link, ...]
    claim_ids: tuple[str, ...]
    source_ids: tuple[str, ...]
    quotes: tuple[Quote, ...]
    page: int = 1  # the page of its year's timeline it is listed on
    fingerprint: str = field(default="", compare=False, repr=False)  # its record's, and where it is listed
    record_fingerprint: str = field(default="", compare=False, repr=False)  # its record's alone

    def url(self, lang: Lang) -> str:
        return urls.event(self.id, self.date.year, self.page, lang)


@dataclass(frozen=True)
class Page:
    id: str
    title: L10n
    body: L10n  # Markdown

    def url(self, lang: Lang) -> str:
        return urls.page(self.id, lang)


@dataclass(frozen=True)
class License:
    """The licence the desk publishes its own text under."""

    name: L10n
    url: str


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs, checked and cross-referenced."""

    languages: Languages
    catalogs: Mapping[str, Mapping[str, Any]]  # interface strings per language code
    title: L10n
    description: L10n
    timeline_intro: L10n | None
    search_examples: L10n | None
    base_url: str
    published: PartialDate
    organization: L10n
    organization_url: str
    contact: str
    license: License | None
    publishers: tuple[Publisher, ...]
    verdicts: tuple[Verdict, ...]
    topics: tuple[Topic, ...]
    pages: tuple[Page, ...]
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    build_date: PartialDate

    # One index per kind of record, each built on first use; a missing id raises KeyError.
    @cached_property
    def _verdicts(self) -> dict[str, Verdict]:
        return {v.id: v for v in self.verdicts}

    @cached_property
    def _topics(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}

    @cached_property
    def _sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def _claims(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def _pages(self) -> dict[str, Page]:
        return {p.id: p for p in self.pages}

    def verdict(self, verdict_id: str) -> Verdict:
        return self._verdicts[verdict_id]

    def topic(self, topic_id: str) -> Topic:
        return self._topics[topic_id]

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def claim(self, claim_id: str) -> Claim:
        return self._claims[claim_id]

    def page(self, page_id: str) -> Page:
        return self._pages[page_id]

    def strings(self, lang: Lang) -> Mapping[str, Any]:
        """The interface's words in one language."""
        return self.catalogs[lang.code]

    def absolute(self, url: str) -> str:
        return urls.absolute(self.base_url, url)

    def quotes(self) -> list[Quote]:
        """Every quote on the site: claims' quotes, quotes in their evidence, and events' quotes."""
        found = [q for c in self.claims for q in c.quotes + tuple(e.quote for e in c.evidence if e.quote)]
        return found + [q for e in self.events for q in e.quotes]
