"""Provenance of cited pages: each link is on its publisher's own domains, and no URL is on a blocked host.

A copy is never cited under the original's name: a link labelled with a publisher must be on one of
that publisher's domains, or be a snapshot of such a page on an archive service. Content farms, mirrors
and propaganda networks (factsite/data/blocklist.yaml, plus site.blocklist) and staging or AMP-cache
copies are refused wherever a URL appears, Markdown included.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import yaml

from factsite.load.document import Rec, records
from factsite.problems import Mark, Problems
from factsite.resources import packaged

# Archive services whose snapshot addresses carry the archived page's own URL.
WAYBACK = ("web.archive.org", "wayback.archive.org")
ARCHIVE_TODAY = ("archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn", "archive.md", "archive.fo")
PERMA = ("perma.cc",)
_WAYBACK_PATH = re.compile(r"^/web/[0-9]{1,14}[a-z_]*/(https?://.+)$", re.IGNORECASE)
_ARCHIVE_TODAY_PATH = re.compile(r"^/(?:[0-9]{4}[0-9.\-]*)?/?(https?://.+)$", re.IGNORECASE)
# Copies a publisher's systems make of its own pages: staging and preview hosts, and AMP caches.
STAGING_PREFIXES = ("preview.", "origin-pre-prod.", "origin-preprod.", "pre-prod.", "preprod.", "staging.", "stage.")
AMP_CACHES = ("cdn.ampproject.org", "ampproject.net", "bing-amp.com")


@dataclass(frozen=True)
class Blocked:
    domain: str
    reason: str


def host(url: str) -> str:
    """The lower-case host of a URL, without a leading www."""
    try:
        name = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:  # Markdown links are not checked for form: a malformed [IPv6] host has none
        return ""
    return name[4:] if name.startswith("www.") else name


def on(name: str, domains: list[str] | tuple[str, ...]) -> bool:
    """Whether a host is one of the domains or below one of them (domains with a path: see under())."""
    return any(name == d or name.endswith("." + d) for d in domains if "/" not in d)


def under(url: str, domains: list[str] | tuple[str, ...]) -> bool:
    """Whether a URL is on one of the domains, or below a host/path prefix (github.com/deepseek-ai)."""
    name = host(url)
    path = urlsplit(url).path if name else ""
    for d in domains:
        base, _, prefix = d.partition("/")
        if (name == base or name.endswith("." + base)) and (not prefix or (path + "/").startswith(f"/{prefix}/")):
            return True
    return False


def snapshot_of(url: str) -> str | None:
    """The archived page's URL when `url` is a snapshot on a known archive service whose address carries it."""
    name = host(url)
    if not name:
        return None
    parts = urlsplit(url)
    path = url[len(f"{parts.scheme}://{parts.netloc}"):]
    if name in WAYBACK:
        m = _WAYBACK_PATH.match(path)
        return m.group(1) if m else None
    if name in ARCHIVE_TODAY:
        m = _ARCHIVE_TODAY_PATH.match(path)
        return m.group(1) if m else None
    return None


def is_archive(url: str) -> bool:
    return host(url) in WAYBACK + ARCHIVE_TODAY + PERMA


@functools.cache
def _shipped() -> tuple[Blocked, ...]:
    entries = yaml.safe_load(packaged("data", "blocklist.yaml").read_text(encoding="utf-8"))
    return tuple(Blocked(e["domain"], e["reason"]) for e in entries)


def blocklist(doc: Rec) -> list[Blocked]:
    """factsite's own blocklist, then the site's additions."""
    own = doc.get("site", {}).get("blocklist", ())
    return list(_shipped()) + [Blocked(e["domain"], e["reason"]) for e in own
                               if "domain" in e and "reason" in e]  # an incomplete one has its error


def check_urls(urls: list[tuple[str, Mark, str]], blocked: list[Blocked], problems: Problems) -> None:
    """No URL anywhere in the file may point at a blocked host or at a staging or AMP-cache copy."""
    for url, mark, name in urls:
        target = snapshot_of(url) or url
        where = host(target)
        hit = next((b for b in blocked if on(where, (b.domain,))), None)
        if hit:
            problems.add(mark, "blocked-host", field=name, host=where, reason=hit.reason)
        elif where.startswith(STAGING_PREFIXES) or on(where, AMP_CACHES):
            problems.add(mark, "copy-host", field=name, host=where)


def check_publishers(doc: Rec, problems: Problems) -> None:
    """Every evidence, event link and source names a known publisher, and sits on that publisher's domains."""
    domains = {p["id"]: list(p.get("domains", ())) for p in records(doc, "publishers") if "id" in p}
    cited = [e for c in records(doc, "claims") for e in c.get("evidence", ())]
    cited += [li for e in records(doc, "events") for li in e.get("links", ())] + records(doc, "sources")
    for rec in cited:
        publisher = rec.get("publisher")
        if publisher not in domains:
            continue  # an unknown publisher is reported with the other references
        for key in ("url", "archive_url"):
            if key in rec:
                _check_link(rec, key, publisher, domains[publisher], problems)


def _check_link(rec: Rec, key: str, publisher: str, domains: list[str], problems: Problems) -> None:
    url = rec[key]
    target = snapshot_of(url)
    if key == "archive_url":
        if not is_archive(url):
            problems.add(rec.at(key), "archive-host", host=host(url))
        elif target is not None and not under(target, domains):
            problems.add(rec.at(key), "publisher-domain", field=key, host=host(target), publisher=publisher,
                         domains=", ".join(domains))
        return
    where = host(target or url)
    if not under(target or url, domains):
        problems.add(rec.at(key), "publisher-domain", field=key, host=where, publisher=publisher,
                     domains=", ".join(domains))
