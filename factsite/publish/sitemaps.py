"""Sitemaps per language with hreflang alternates, a sitemap index and robots.txt."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from factsite.model import urls
from factsite.model.languages import Lang
from factsite.model.records import Site

_NS = ('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
       'xmlns:xhtml="http://www.w3.org/1999/xhtml"')


class Addressed(Protocol):
    """A page in every language: a route."""

    @property
    def url(self) -> Callable[[Lang], str]: ...


def sitemap(site: Site, lang: Lang, routes: Sequence[Addressed], lastmod: dict[str, str]) -> str:
    """Every page of one language, each with its other-language versions."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<urlset {_NS}>"]
    if lang == site.languages.all[0]:  # the language chooser, in the first language's sitemap
        lines += _entry(site, urls.ROOT, None, [(other.code, urls.home(other)) for other in site.languages]
                        + [("x-default", urls.ROOT)])
    for route in routes:
        url = route.url(lang)
        alternates = [(other.code, route.url(other)) for other in site.languages]
        if url == urls.home(lang):  # the chooser is where readers of other languages start
            alternates.append(("x-default", urls.ROOT))
        lines += _entry(site, url, lastmod.get(url), alternates)
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _entry(site: Site, url: str, changed: str | None, alternates: list[tuple[str, str]]) -> list[str]:
    lines = [f"<url><loc>{escape(site.absolute(url))}</loc>"]
    if changed:
        lines.append(f"<lastmod>{changed}</lastmod>")
    lines += [f'<xhtml:link rel="alternate" hreflang={quoteattr(code)} href={quoteattr(site.absolute(other))}/>'
              for code, other in alternates]
    return lines + ["</url>"]


def index(site: Site) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for lang in site.languages:
        lines.append(f"<sitemap><loc>{escape(site.absolute(urls.sitemap(lang)))}</loc>"
                     f"<lastmod>{site.build_date.iso}</lastmod></sitemap>")
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"


def robots(site: Site) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site.absolute(urls.SITEMAP_INDEX)}\n"
