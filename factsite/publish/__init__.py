"""Files for machines beside the pages: feeds, sitemaps, robots.txt, open data and the archives themselves."""

from __future__ import annotations

from factsite.model import urls
from factsite.model.records import Site
from factsite.publish import feeds, jsonschema, opendata, sitemaps
from factsite.render.routes import Routes


def lastmod(site: Site) -> dict[str, str]:
    """Each claim page's last change; other pages change with the edition."""
    return {claim.url(lang): claim.modified.iso for claim in site.claims for lang in site.languages}


def files(site: Site, routes: Routes) -> dict[str, str | bytes]:
    """Path → content for every non-HTML file the site publishes."""
    changed = lastmod(site)
    out: dict[str, str | bytes] = {
        urls.SITEMAP_INDEX: sitemaps.index(site), urls.ROBOTS: sitemaps.robots(site),
        urls.CLAIMS_JSON: opendata.claims_json(site), urls.CLAIMS_CSV: opendata.claims_csv(site),
        urls.CLAIMS_SCHEMA: jsonschema.dumps(site)}
    for source in site.sources:  # byte for byte as archived: quote selectors point into these files
        out[source.text_url] = source.text.encode("utf-8", "surrogatepass")
    for lang in site.languages:
        dates = {route.url(lang): changed.get(route.url(lang), site.build_date.iso) for route in routes.pages}
        out[urls.feed(lang)] = feeds.atom(site, lang)
        out[urls.sitemap(lang)] = sitemaps.sitemap(site, lang, routes.pages, dates)
        out[urls.timeline_json(lang)] = opendata.timeline_json(site, lang)
    return out
