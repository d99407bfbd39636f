"""Atom feeds per language: one entry per new claim and one per dated update."""

from __future__ import annotations

from typing import TypedDict
from xml.sax.saxutils import escape, quoteattr

from factsite.model import urls
from factsite.model.dates import PartialDate
from factsite.model.languages import Lang
from factsite.model.records import Site
from factsite.text import markdown
from factsite.text.plaintext import plain


class Entry(TypedDict):
    """One Atom entry: a new claim or one of its dated updates."""

    id: str
    url: str
    updated: PartialDate
    title: str
    html: str


def _stamp(date: PartialDate) -> str:
    return f"{date.iso}T00:00:00Z"


def entries(site: Site, lang: Lang) -> list[Entry]:
    """Feed entries, newest first, each with an id that never changes."""
    t = site.strings(lang)
    out: list[Entry] = []
    for claim in site.claims:
        url = site.absolute(claim.url(lang))
        label = site.verdict(claim.verdict_id).label[lang.code]
        out.append({"id": url, "url": url, "updated": claim.published, "title": f"{label}: {claim.claim[lang.code]}",
                    "html": markdown.render(claim.summary[lang.code])})
        for n, update in enumerate(claim.updates, 1):
            out.append({"id": f"{url}#update-{n}", "url": f"{url}#updates", "updated": update.date,
                        "title": f"{t['kind_' + update.kind]}: {claim.claim[lang.code]}",
                        "html": markdown.render(update.text[lang.code])})
    return sorted(out, key=lambda e: (e["updated"], e["id"]), reverse=True)


def atom(site: Site, lang: Lang) -> str:
    """The Atom document for one language."""
    items = entries(site, lang)
    feed_url = site.absolute(urls.feed(lang))
    updated = items[0]["updated"] if items else site.build_date
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang.code)}>',
             f"<id>{escape(feed_url)}</id>",
             f"<title>{escape(site.title[lang.code])}</title>",
             f"<subtitle>{escape(plain(site.description[lang.code]))}</subtitle>",
             f'<link rel="self" href={quoteattr(feed_url)}/>',
             f'<link rel="alternate" type="text/html" href={quoteattr(site.absolute(urls.home(lang)))}/>',
             f"<updated>{_stamp(updated)}</updated>",
             f"<author><name>{escape(site.organization[lang.code])}</name>"
             f"<uri>{escape(site.organization_url)}</uri></author>"]
    for e in items:
        lines += ["<entry>", f"<id>{escape(e['id'])}</id>", f"<title>{escape(e['title'])}</title>",
                  f'<link rel="alternate" type="text/html" href={quoteattr(e["url"])}/>',
                  f"<updated>{_stamp(e['updated'])}</updated>",
                  f'<content type="html">{escape(e["html"])}</content>', "</entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
