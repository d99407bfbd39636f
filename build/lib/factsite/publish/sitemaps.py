"""Sitemaps per language with hreflang alternates, a sitemap index and robots.txt."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from factsite.model import urls
from factsite.model.languages import Lang
from factsite.model.records import Site

_NS = ('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
       'xmlns:xhtml="http://www.w3.org/1999/xhtml"')


def sitemap(site: Site, lang: Lang, routes: list, lastmod: dict[str, str]) -> str:
    """Every page of one language, each with its other-language versions."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<urlset {_NS}>"]
    for route in routes:
        url = route.url(lang)
        lines.append(f"<url><loc>{escape(site.absolute(url))}</loc>")
        if url in lastmod:
            lines.append(f"<lastmod>{lastmod[url]}</lastmod>")
        for other in site.languages:
            lines.append(f'<xhtml:link rel="alternate" hreflang={quoteattr(other.code)} '
                         f"href={quoteattr(site.absolute(route.url(other)))}/>")
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


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
