"""The shape of claims.yaml: every record, its fields and their kinds (docs/editing.md describes it)."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from factsite.load.document import Rec
from factsite.load.kinds import (
    Anything,
    Bool,
    Choice,
    Date,
    Domain,
    Field,
    Int,
    Kind,
    ListOf,
    Plain,
    Record,
    Ref,
    Sha,
    Slug,
    Url,
    Walk,
)
from factsite.load.languages import read_languages
from factsite.load.texts import ANY, TRANSLATED, Markdown, Text
from factsite.model.languages import DEFAULT, Languages
from factsite.problems import Mark, Problems

TEXT = Text()
NAME = Text(neutral=True)  # names may be one plain string for every language
TITLE = Text(needs=ANY)  # a cited document's own title, in the languages it exists in
MARKDOWN = Markdown()
INLINE = Markdown(inline=True)
PLAIN = Plain()
SLUG = Slug()
REF = Ref()
DAY = Date()
URL = Url()


def _rec(_kind: str, **fields: Kind | Field) -> Record:
    return Record(name=_kind, fields={k: v if isinstance(v, Field) else Field(v) for k, v in fields.items()})


def _opt(kind: Kind) -> Field:
    return Field(kind, required=False)


# Who published a cited page: a record of publishers.ids, so the build can hold each URL to its domains.
PUBLISHER_KINDS = ("newspaper", "wire", "broadcaster", "magazine", "online-news", "trade-press", "government",
                   "legislature", "court", "company", "journal", "research", "university", "ngo", "blog")
PUBLISHER = _rec("publisher", id=SLUG, name=NAME, kind=Choice(choices=PUBLISHER_KINDS),
                 domains=ListOf(item=Domain()))
LINK_FIELDS: dict[str, Kind | Field] = dict(
    title=TITLE, publisher=REF, date=DAY, url=URL, archive_url=_opt(URL), note=_opt(INLINE))
QUOTE = _rec("quote", source=REF, text=PLAIN, translation=_opt(Text(needs=TRANSLATED)), occurrence=_opt(Int()))
LINK = _rec("link", **LINK_FIELDS)
EVIDENCE = _rec("evidence", **LINK_FIELDS, quote=_opt(QUOTE))
UPDATE_KINDS = ("correction", "update", "verdict-change")
UPDATE = _rec("update", date=DAY, kind=Choice(choices=UPDATE_KINDS), text=INLINE)
VERDICT = _rec("verdict", id=SLUG, label=TEXT, meaning=TEXT, on_scale=_opt(Bool()))
TOPIC = _rec("topic", id=SLUG, name=TEXT, description=TEXT)
ORG = _rec("organization", name=NAME, url=URL)
SITE = _rec(
    "site", title=TEXT, description=TEXT, base_url=URL, published=DAY, organization=ORG,
    contact=Url(mailto=True), languages=_opt(Anything()), verdicts=ListOf(item=VERDICT), topics=ListOf(item=TOPIC),
    timeline_intro=_opt(TEXT), search_examples=_opt(TEXT),
    license=_opt(_rec("license", name=NAME, url=URL)),
    blocklist=_opt(ListOf(item=_rec("blocked domain", domain=Domain(), reason=PLAIN))))
PAGE = _rec("page", id=SLUG, title=TEXT, body=MARKDOWN)
SOURCE = _rec("source", id=SLUG, file=PLAIN, sha256=Sha(), title=TITLE, publisher=REF, date=DAY,
              author=_opt(NAME), url=_opt(URL), archive_url=_opt(URL), provenance=_opt(INLINE),
              breaks=_opt(ListOf(item=Int())), joins=_opt(ListOf(item=Int())))
CLAIMANT_TYPES = ("person", "organization")
CLAIM = _rec(
    "claim", id=SLUG, topic=REF, verdict=REF, claimant=NAME, claimant_type=Choice(choices=CLAIMANT_TYPES),
    appeared_in=_opt(REF), date=DAY, claim=TEXT, rated=TEXT, quotes=ListOf(item=QUOTE), summary=MARKDOWN,
    reasoning=MARKDOWN, evidence=ListOf(item=EVIDENCE), checked=DAY, published=DAY, featured=_opt(Bool()),
    related=_opt(ListOf(item=REF)), updates=_opt(ListOf(item=UPDATE)))
EVENT = _rec(
    "event", date=Date(precise=False), topic=REF, title=TEXT, text=MARKDOWN, links=_opt(ListOf(item=LINK)),
    claims=_opt(ListOf(item=REF)), sources=_opt(ListOf(item=REF)), quotes=_opt(ListOf(item=QUOTE)))
ROOT = _rec("claims.yaml", site=SITE, pages=ListOf(item=PAGE), publishers=ListOf(item=PUBLISHER),
            sources=ListOf(item=SOURCE), claims=ListOf(item=CLAIM), events=_opt(ListOf(item=EVENT)))


@dataclass
class Checked:
    """A document that passed the schema walk, its languages, and every URL it holds with its place."""

    doc: Rec | None
    languages: Languages
    urls: list[tuple[str, Mark, str]] = field(default_factory=list)


def check_document(path: str, node: yaml.Node | None, problems: Problems, text: str = "") -> Checked:
    """Check a composed document against the schema, its languages first; problems are collected, not raised."""
    if node is None:
        problems.add(Mark(path, 1, 1), "wrong-type", field="claims.yaml", expected="a mapping with site, pages, "
                     "publishers, sources and claims", got="an empty file",
                     fix="start from `factsite new`, or docs/editing.md")
        return Checked(None, DEFAULT)
    languages = read_languages(path, node, problems)
    walk = Walk(path, problems, languages, text)
    return Checked(ROOT.check(node, "", walk), languages, walk.urls)
