"""The edition as reusable data: claims.json (with W3C selectors), claims.csv, TimelineJS JSON."""

from __future__ import annotations

import csv
import io
import json

from factsite.model import records as m
from factsite.render.jsonld import absolute
from factsite.model.records import LANGUAGES, Lang, Site
from factsite.text.plaintext import plain

SCHEMA_URL = "claims.schema.json"


def l10n(value: m.L10n | None) -> dict | None:
    return None if value is None else {"zh-Hant": value.hant, "zh-Hans": value.hans, "en": value.en}


def urls(site: Site, obj) -> dict:
    return {lang.code: absolute(site, obj.url(lang)) for lang in LANGUAGES}


def quote(site: Site, q: m.Quote) -> dict:
    """A quote as a W3C Web Annotation target: the source plus two selectors."""
    return {"id": q.id, "source": q.source_id, "text": q.text.hant, "translation": q.translation or None,
            "line": q.line, "url": urls(site, q),
            "target": {"source": absolute(site, f"{LANGUAGES[0].slug}/sources/{q.source_id}/"),
                       "selector": [{"type": "TextQuoteSelector", "exact": q.exact, "prefix": q.prefix,
                                     "suffix": q.suffix},
                                    {"type": "TextPositionSelector", "start": q.start, "end": q.end}]}}


def link(site: Site, li: m.Link) -> dict:
    return {"title": l10n(li.title), "publisher": l10n(li.publisher), "date": li.date.iso, "url": li.url,
            "archive_url": li.archive_url, "note": l10n(li.note),
            "quote": quote(site, li.quote) if li.quote else None}


def claim(site: Site, c: m.Claim) -> dict:
    return {"id": c.id, "url": urls(site, c), "topic": c.topic_id, "verdict": c.verdict_id,
            "claimant": l10n(c.claimant), "claimant_type": c.claimant_type, "date": c.date.iso,
            "claim": l10n(c.claim), "summary": l10n(c.summary), "reasoning": l10n(c.reasoning),
            "quotes": [quote(site, q) for q in c.quotes], "evidence": [link(site, e) for e in c.evidence],
            "related": list(c.related), "published": c.published.iso, "modified": c.modified.iso,
            "updates": [{"date": u.date.iso, "kind": u.kind, "text": l10n(u.text)} for u in c.updates]}


def claims_json(site: Site) -> str:
    """Every claim, source and quote; offsets count Unicode code points of the archived file."""
    data = {
        "$schema": SCHEMA_URL,
        "site": {"title": l10n(site.title), "base_url": site.base_url, "published": site.published.iso,
                 "edition": site.build_date.iso},
        "verdicts": [{"id": v.id, "label": l10n(v.label), "meaning": l10n(v.meaning), "rank": v.rank,
                      "rating": v.rating} for v in site.verdicts],
        "topics": [{"id": t.id, "name": l10n(t.name), "description": l10n(t.description)} for t in site.topics],
        "sources": [{"id": s.id, "file": s.file, "sha256": s.sha256, "title": l10n(s.title),
                     "publisher": l10n(s.publisher), "author": l10n(s.author), "date": s.date.iso,
                     "original_url": s.original_url, "archive_url": s.archive_url, "url": urls(site, s)}
                    for s in site.sources],
        "claims": [claim(site, c) for c in site.claims],
        "events": [{"id": e.id, "date": e.date.iso, "precision": e.date.precision, "topic": e.topic_id,
                    "title": l10n(e.title), "text": l10n(e.text), "links": [link(site, li) for li in e.links],
                    "claims": list(e.claim_ids), "sources": list(e.source_ids),
                    "quotes": [quote(site, q) for q in e.quotes]} for e in site.events],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


CSV_COLUMNS = ("id", "url", "topic", "verdict", "claimant_zh_hant", "claimant_en", "date", "claim_zh_hant",
               "claim_en", "summary_en", "sources", "published", "modified")


def claims_csv(site: Site) -> str:
    """One row per claim, for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in site.claims:
        writer.writerow([c.id, absolute(site, c.url(LANGUAGES[0])), c.topic_id, c.verdict_id, c.claimant.hant,
                         c.claimant.en, c.date.iso, c.claim.hant, c.claim.en, plain(c.summary.en),
                         " ".join(sorted({q.source_id for q in c.quotes})), c.published.iso, c.modified.iso])
    return out.getvalue()


def timeline_json(site: Site, lang: Lang) -> str:
    """The events in TimelineJS's JSON format, grouped by topic."""
    def start(d):
        return {k: v for k, v in (("year", d.year), ("month", d.month), ("day", d.day)) if v}
    events = [{"unique_id": e.id, "start_date": start(e.date), "group": site.topic(e.topic_id).name[lang.code],
               "text": {"headline": e.title[lang.code], "text": plain(e.text[lang.code])}}
              for e in site.events]
    data = {"title": {"text": {"headline": site.title[lang.code], "text": plain(site.description[lang.code])}},
            "events": events}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


