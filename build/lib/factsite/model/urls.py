"""Every address the site publishes: pages, sections, anchors and data files, relative to the site's root.

Addresses are clean site-relative URLs ('en/claims/x/', 'data/claims.json'); `file_of` names the file that
serves one. Nothing else in factsite spells an address out.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from factsite.model.languages import Lang

# The site's own sections, per language, in the order the navigation lists them. Page ids may not take
# these names (their pages would land on the same address).
SECTIONS = ("claims", "timeline", "topics", "sources", "search", "data")
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


def claim(claim_id: str, lang: Lang) -> str:
    return f"{lang.slug}/claims/{claim_id}/"


def topic(topic_id: str, lang: Lang) -> str:
    return f"{lang.slug}/topics/{topic_id}/"


def topic_timeline(topic_id: str, lang: Lang) -> str:
    return f"{lang.slug}/timeline/{topic_id}/"


def source(source_id: str, lang: Lang) -> str:
    return f"{lang.slug}/sources/{source_id}/"


def source_text(source_id: str) -> str:
    """The archived file itself, byte for byte, in no language: what quote selectors point into."""
    return f"sources/{source_id}.txt"


def quote_anchor(quote_id: str) -> str:
    return f"q-{quote_id}"


def quote(source_id: str, quote_id: str, lang: Lang) -> str:
    return f"{source(source_id, lang)}#{quote_anchor(quote_id)}"


def event(event_id: str, lang: Lang) -> str:
    return f"{section('timeline', lang)}#{event_id}"


def page(page_id: str, lang: Lang) -> str:
    return f"{lang.slug}/{page_id}/"


def feed(lang: Lang) -> str:
    return f"{lang.slug}/feed.xml"


def sitemap(lang: Lang) -> str:
    return f"{lang.slug}/sitemap.xml"


def timeline_json(lang: Lang) -> str:
    return f"data/timeline.{lang.slug}.json"


def asset(name: str) -> str:
    return ASSETS + name


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
    for a, b in zip(here, there[:-1]):
        if a != b:
            break
        common += 1
    rel = "../" * (len(here) - common) + "/".join(there[common:])
    return (rel or "./") + suffix
