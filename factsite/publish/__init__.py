"""Files for machines beside the pages: feeds, sitemaps, robots.txt and open data."""

from __future__ import annotations

from pathlib import Path

from factsite.publish import feeds

from factsite.publish import opendata

from factsite.publish import sitemaps

from factsite.render import views
from factsite.model.records import LANGUAGES, Site

SCHEMA = Path(__file__).resolve().parent / "claims.schema.json"


def lastmod(site: Site) -> dict[str, str]:
    """Each claim page's last change; other pages change with the edition."""
    return {claim.url(lang): claim.modified.iso for claim in site.claims for lang in LANGUAGES}


OVERLAY = Path(__file__).resolve().parent.parent / "serve" / "overlay.js"


def files(site: Site, dev: bool = False) -> dict[str, str]:
    """Path → text for every non-HTML file the site publishes (and, for previews, the error overlay)."""
    routes = views.routes(site)
    changed = lastmod(site)
    out = {"sitemap.xml": sitemaps.index(site), "robots.txt": sitemaps.robots(site),
           "data/claims.json": opendata.claims_json(site), "data/claims.csv": opendata.claims_csv(site),
           "data/claims.schema.json": SCHEMA.read_text(encoding="utf-8")}
    for lang in LANGUAGES:
        dates = {route.url(lang): changed.get(route.url(lang), site.build_date.iso) for route in routes}
        out[f"{lang.slug}/feed.xml"] = feeds.atom(site, lang)
        out[f"{lang.slug}/sitemap.xml"] = sitemaps.sitemap(site, lang, routes, dates)
        out[f"{lang.slug}/timeline/timeline.json"] = opendata.timeline_json(site, lang)
    if dev:
        out["__factsite/overlay.js"] = OVERLAY.read_text(encoding="utf-8")
    return out
