"""Every address the site publishes: pages, sections, anchors and data files, relative to the site's root.

Addresses are clean site-relative URLs ('en/claims/x/', 'data/claims.json'); `file_of` names the file that
serves one. Nothing else in factsite spells an address out.
"""

from __future__ import annotations

import os
import zlib
from urllib.parse import urlsplit

from factsite.model.languages import Lang

# The site's own sections, per language, in the order the navigation lists them. Page ids may not take
# these names (their pages would land on the same address).
SECTIONS = ("claims", "verdicts", "timeline", "topics", "sources", "search", "data")
NAV = ("claims", "timeline", "topics", "sources", "search")  # the sections the masthead links to
ROOT = ""  # the language chooser
NOT_FOUND = "404.html"
SITEMAP_INDEX = "sitemap.xml"
ROBOTS = "robots.txt"
CLAIMS_JSON = "data/claims.json"
CLAIMS_CSV = "data/claims.csv"
CLAIMS_SCHEMA = "data/claims.schema.json"
ASSETS = "assets/"
SEARCH_INDEX = "pagefind/"


def home(lang: Lang) -> str:
    return f"{lang.slug}/"


def section(name: str, lang: Lang) -> str:
    """A section's index page, e.g. en/claims/."""
    assert name in SECTIONS, name
    return f"{lang.slug}/{name}/"


def paged(base: str, page: int) -> str:
    """Page N of a listing whose first page is `base`: base, base/page/2/, base/page/3/, …"""
    return base if page <= 1 else f"{base}page/{page}/"


def claim(claim_id: str, lang: Lang) -> str:
    return f"{lang.slug}/claims/{claim_id}/"


def verdict(verdict_id: str, lang: Lang, page: int = 1) -> str:
    """The claims given one verdict, newest first."""
    return paged(f"{lang.slug}/verdicts/{verdict_id}/", page)


def topic(topic_id: str, lang: Lang, page: int = 1) -> str:
    """One topic: its events and claims in timeline order."""
    return paged(f"{lang.slug}/topics/{topic_id}/", page)


def timeline_year(year: int, lang: Lang, page: int = 1) -> str:
    return paged(f"{lang.slug}/timeline/{year}/", page)


def sources_list(lang: Lang, page: int = 1) -> str:
    return paged(section("sources", lang), page)


def source(source_id: str, lang: Lang) -> str:
    return f"{lang.slug}/sources/{source_id}/"


def source_quotes(source_id: str, lang: Lang, page: int) -> str:
    """Further pages of a source's list of quoted passages (the first is on the source's own page)."""
    return f"{source(source_id, lang)}quotes/page/{page}/"


def source_text(source_id: str) -> str:
    """The archived file itself, byte for byte, in no language: what quote selectors point into."""
    return f"sources/{source_id}.txt"


def quote_anchor(quote_id: str) -> str:
    return f"q-{quote_id}"


def quote(source_id: str, quote_id: str, lang: Lang) -> str:
    return f"{source(source_id, lang)}#{quote_anchor(quote_id)}"


def event(event_id: str, year: int, page: int, lang: Lang) -> str:
    return f"{timeline_year(year, lang, page)}#{event_id}"


def page(page_id: str, lang: Lang) -> str:
    return f"{lang.slug}/{page_id}/"


def feed(lang: Lang) -> str:
    return f"{lang.slug}/feed.xml"


def sitemap(lang: Lang) -> str:
    return f"{lang.slug}/sitemap.xml"


def data_file(name: str) -> str:
    return f"data/{name}"


def timeline_json(lang: Lang) -> str:
    return f"data/timeline.{lang.slug}.json"


def asset(name: str) -> str:
    return ASSETS + name


# The search index is cut into bundles: per language, bundle 00 holds the site's own pages (about,
# methodology, corrections) and bundles 01..K the claims, by a stable hash of the claim's address below the
# language folder, so a claim is in the same bundle in every language. K doubles as the claims outgrow it.
# The variable lets tests cut a small site into several bundles.
SEARCH_BUNDLE_CLAIMS = int(os.environ.get("FACTSITE_SEARCH_SHARD_PAGES", "") or 1000)


def search_shards(claims: int) -> int:
    """K, a power of two, so that no bundle holds much more than SEARCH_BUNDLE_CLAIMS claims of one language."""
    k = 1
    while claims > k * SEARCH_BUNDLE_CLAIMS:
        k *= 2
    return k


def search_bundle(url: str, k: int) -> str:
    """The bundle a page's words are indexed in: 'en/claims/x/' -> 'en/03'; 'en/about/' -> 'en/00'."""
    lang, rest = url.split("/", 1)
    rest = rest.removesuffix("index.html")
    if not rest.startswith("claims/"):
        return f"{lang}/00"
    return f"{lang}/{1 + zlib.crc32(rest.encode()) % k:02d}"


def search_bundles(urls: list[str], k: int) -> str:
    """The bundles one language's search page loads, first to last ('00 01 02'), from that language's pages."""
    return " ".join(sorted({search_bundle(url, k).split("/")[1] for url in urls}))


def file_of(url: str) -> str:
    """The file that serves an address: folders are served by their index.html."""
    path = url.partition("#")[0]
    return path + "index.html" if path == "" or path.endswith("/") else path


def absolute(base_url: str, url: str) -> str:
    """An address with the site's published base, for canonical links, feeds and structured data."""
    return base_url.rstrip("/") + "/" + url


def base_path(base_url: str) -> str:
    """The URL path the site is served under: '/' or '/project/'."""
    return urlsplit(base_url).path.rstrip("/") + "/"


def relative(current: str, target: str) -> str:
    """A link from the page at `current` to `target`, both clean site-relative addresses."""
    path, _, frag = target.partition("#")
    suffix = "#" + frag if frag else ""
    if not path:
        return suffix or "./"
    # Pages link tens of thousands of times per build; plain segment arithmetic beats posixpath.relpath.
    here = current.split("/")[:-1]
    there = path.split("/")
    common = 0
    for a, b in zip(here, there[:-1], strict=False):  # the shorter path ends the common part
        if a != b:
            break
        common += 1
    rel = "../" * (len(here) - common) + "/".join(there[common:])
    return (rel or "./") + suffix
