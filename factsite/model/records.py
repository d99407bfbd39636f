"""The site as data: frozen records that know their own addresses, free of any rendering."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from factsite.model.dates import PartialDate


@dataclass(frozen=True)
class Lang:
    """A language the site is published in."""

    code: str  # BCP 47, used in <html lang> and hreflang
    slug: str  # the URL folder
    native: str  # its own name, for the language switcher


LANGUAGES = (
    Lang("zh-Hant", "zh-hant", "繁體中文"),
    Lang("zh-Hans", "zh-hans", "简体中文"),
    Lang("en", "en", "English"),
)


@dataclass(frozen=True)
class L10n:
    """One text in each language."""

    hant: str
    hans: str
    en: str

    def __getitem__(self, code: str) -> str:
        return {"zh-Hant": self.hant, "zh-Hans": self.hans, "en": self.en}[code]


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
        return f"{lang.slug}/topics/{self.id}/"


@dataclass(frozen=True)
class Quote:
    """A verbatim passage of an archived source, anchored at exact offsets."""

    id: str  # unique across the site; the passage's #anchor is q-<id>
    source_id: str
    text: L10n  # the source's words; zh-Hans carries the script conversion
    translation: str  # the editors' English, or ""
    start: int  # TextPositionSelector, end exclusive
    end: int
    exact: str  # TextQuoteSelector
    prefix: str
    suffix: str
    line: int  # where it starts in the archived file

    @property
    def anchor(self) -> str:
        return f"q-{self.id}"

    def url(self, lang: Lang) -> str:
        return f"{lang.slug}/sources/{self.source_id}/#{self.anchor}"


@dataclass(frozen=True)
class Source:
    """An archived article in seeds/."""

    id: str
    file: str
    sha256: str
    text: str
    title: L10n
    publisher: L10n
    author: L10n | None
    date: PartialDate
    original_url: str | None
    archive_url: str | None
    fingerprint: str = field(default="", compare=False, repr=False)  # changes whenever its input does

    def url(self, lang: Lang) -> str:
        return f"{lang.slug}/sources/{self.id}/"


@dataclass(frozen=True)
class Link:
    """A cited document outside the archive."""

    title: L10n
    publisher: L10n
    date: PartialDate
    url: str
    archive_url: str | None
    note: L10n | None
    quote: Quote | None


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
    claimant: L10n
    claimant_type: str  # schema.org type: Person or Organization
    date: PartialDate
    claim: L10n
    quotes: tuple[Quote, ...]
    summary: L10n  # Markdown
    reasoning: L10n  # Markdown
    evidence: tuple[Link, ...]
    related: tuple[str, ...]
    updates: tuple[Update, ...]
    published: PartialDate
    featured: bool
    fingerprint: str = field(default="", compare=False, repr=False)

    @property
    def modified(self) -> PartialDate:
        return max([self.published] + [u.date for u in self.updates])

    def url(self, lang: Lang) -> str:
        return f"{lang.slug}/claims/{self.id}/"


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
    fingerprint: str = field(default="", compare=False, repr=False)

    def url(self, lang: Lang) -> str:
        return f"{lang.slug}/timeline/#{self.id}"


@dataclass(frozen=True)
class Page:
    id: str
    title: L10n
    body: L10n  # Markdown

    def url(self, lang: Lang) -> str:
        return f"{lang.slug}/{self.id}/"


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs, checked and cross-referenced."""

    title: L10n
    description: L10n
    base_url: str
    published: PartialDate
    organization: L10n
    organization_url: str
    contact: str
    verdicts: tuple[Verdict, ...]
    topics: tuple[Topic, ...]
    pages: tuple[Page, ...]
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    build_date: PartialDate

    @cached_property
    def _index(self) -> dict[tuple[str, str], object]:
        groups = {"verdict": self.verdicts, "topic": self.topics, "source": self.sources,
                  "claim": self.claims, "page": self.pages}
        return {(kind, item.id): item for kind, items in groups.items() for item in items}

    def verdict(self, verdict_id: str) -> Verdict:
        return self._index["verdict", verdict_id]

    def topic(self, topic_id: str) -> Topic:
        return self._index["topic", topic_id]

    def source(self, source_id: str) -> Source:
        return self._index["source", source_id]

    def claim(self, claim_id: str) -> Claim:
        return self._index["claim", claim_id]

    def page(self, page_id: str) -> Page:
        return self._index["page", page_id]
