"""The edition as reusable data: claims.json (with W3C selectors), claims.csv, TimelineJS JSON per language."""

from __future__ import annotations

import csv
import html
import io
import json
from typing import Any, Protocol

from factsite.model import urls
from factsite.model.dates import PartialDate
from factsite.model.languages import Lang
from factsite.model.records import Claim, Event, L10n, Link, Quote, Site
from factsite.text import markdown
from factsite.text.plaintext import plain

SCHEMA_URL = "claims.schema.json"


def l10n(value: L10n | None) -> dict[str, str] | None:
    """A text in the languages it is written in (a title that exists only in English gives only `en`)."""
    if value is None:
        return None
    return {code: value[code] for code, _, written in value.texts if written in (code, "")}


class HasUrl(Protocol):
    def url(self, lang: Lang) -> str: ...


def page_urls(site: Site, obj: HasUrl) -> dict[str, str]:
    return {lang.code: site.absolute(obj.url(lang)) for lang in site.languages}


def quote(site: Site, q: Quote) -> dict[str, Any]:
    """A quote as a W3C Web Annotation target: the published archive file plus two selectors into it."""
    return {"id": q.id, "source": q.source_id, "text": q.typed, "translation": l10n(q.translation),
            "line": q.line, "url": page_urls(site, q),
            "target": {"source": site.absolute(urls.source_text(q.source_id)),
                       "selector": [{"type": "TextQuoteSelector", "exact": q.exact, "prefix": q.prefix,
                                     "suffix": q.suffix},
                                    {"type": "TextPositionSelector", "start": q.start, "end": q.end}]}}


def link(site: Site, li: Link) -> dict[str, Any]:
    return {"title": l10n(li.title), "publisher": li.publisher.id, "date": li.date.iso, "url": li.url,
            "archive_url": li.archive_url, "note": l10n(li.note),
            "quote": quote(site, li.quote) if li.quote else None}


def claim(site: Site, c: Claim) -> dict[str, Any]:
    return {"id": c.id, "url": page_urls(site, c), "topic": c.topic_id, "verdict": c.verdict_id,
            "claimant": l10n(c.claimant), "claimant_type": c.claimant_type, "appeared_in": c.appeared_in,
            "date": c.date.iso, "claim": l10n(c.claim), "rated": l10n(c.rated), "summary": l10n(c.summary),
            "reasoning": l10n(c.reasoning),
            "quotes": [quote(site, q) for q in c.quotes], "evidence": [link(site, e) for e in c.evidence],
            "related": list(c.related), "checked": c.checked.iso, "published": c.published.iso,
            "modified": c.modified.iso,
            "updates": [{"date": u.date.iso, "kind": u.kind, "text": l10n(u.text)} for u in c.updates]}


def event(site: Site, e: Event) -> dict[str, Any]:
    return {"id": e.id, "date": e.date.iso, "precision": e.date.precision, "topic": e.topic_id,
            "title": l10n(e.title), "text": l10n(e.text), "links": [link(site, li) for li in e.links],
            "claims": list(e.claim_ids), "sources": list(e.source_ids), "quotes": [quote(site, q) for q in e.quotes]}


def claims_json(site: Site) -> str:
    """Every claim, source and quote; selector offsets count Unicode code points of the published archive."""
    data = {
        "$schema": SCHEMA_URL,
        "license": site.license.url if site.license else None,
        "site": {"title": l10n(site.title), "base_url": site.base_url, "published": site.published.iso,
                 "edition": site.build_date.iso,
                 "languages": [{"code": lang.code, "name": lang.name, "role": lang.role} for lang in site.languages]},
        "verdicts": [{"id": v.id, "label": l10n(v.label), "meaning": l10n(v.meaning), "rank": v.rank,
                      "rating": v.rating} for v in site.verdicts],
        "topics": [{"id": t.id, "name": l10n(t.name), "description": l10n(t.description)} for t in site.topics],
        "publishers": [{"id": p.id, "name": l10n(p.name), "kind": p.kind, "domains": list(p.domains)}
                       for p in site.publishers],
        "sources": [{"id": s.id, "file": s.file, "sha256": s.sha256, "text_url": site.absolute(s.text_url),
                     "title": l10n(s.title), "publisher": s.publisher.id, "author": l10n(s.author),
                     "date": s.date.iso, "original_url": s.original_url, "archive_url": s.archive_url,
                     "provenance": l10n(s.provenance),
                     "url": page_urls(site, s)} for s in site.sources],
        "claims": [claim(site, c) for c in site.claims],
        "events": [event(site, e) for e in site.events],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """A CSV cell a spreadsheet will not run: text that would start a formula gets a leading apostrophe."""
    return "'" + value if value.startswith(_FORMULA) else value


def csv_columns(site: Site) -> list[str]:
    per_lang = ("url", "claimant", "claim", "summary", "verdict_label")
    columns = ["id", "verdict", "rating", "topic", "claimant_type", "appeared_in", "date", "checked", "published",
               "modified"]
    columns += [f"{name}_{lang.code}" for name in per_lang for lang in site.languages]
    return columns + ["quotes", "sources", "evidence_urls"]


def claims_csv(site: Site) -> str:
    """One row per claim, for spreadsheets: UTF-8 with a byte-order mark, so Excel reads the Chinese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(csv_columns(site))
    for c in site.claims:
        verdict = site.verdict(c.verdict_id)
        row = [c.id, c.verdict_id, "" if verdict.rating is None else str(verdict.rating), c.topic_id,
               c.claimant_type, c.appeared_in, c.date.iso, c.checked.iso, c.published.iso, c.modified.iso]
        row += [site.absolute(c.url(lang)) for lang in site.languages]
        row += [c.claimant[lang.code] for lang in site.languages]
        row += [c.claim[lang.code] for lang in site.languages]
        row += [plain(c.summary[lang.code]) for lang in site.languages]
        row += [verdict.label[lang.code] for lang in site.languages]
        row += [" ".join(q.id for q in c.quotes), " ".join(dict.fromkeys(q.source_id for q in c.quotes)),
                " ".join(e.url for e in c.evidence)]
        writer.writerow([cell(value) for value in row])
    return "\ufeff" + out.getvalue()


def _start(d: PartialDate) -> dict[str, int]:
    return {k: v for k, v in (("year", d.year), ("month", d.month), ("day", d.day)) if v}


def timeline_json(site: Site, lang: Lang) -> str:
    """The events in TimelineJS's JSON format, grouped by topic; TimelineJS reads headline and text as HTML."""
    t = site.strings(lang)
    events = []
    for e in site.events:
        checks = "".join(f'<li><a href="{html.escape(site.absolute(urls.claim(cid, lang)))}">'
                         f"{html.escape(site.claim(cid).claim[lang.code])}</a></li>" for cid in e.claim_ids)
        see = f"<p>{html.escape(t['see_claim'] + t['colon'])}</p><ul>{checks}</ul>" if checks else ""
        text = markdown.render(e.text[lang.code]) + see
        events.append({"unique_id": e.id, "start_date": _start(e.date),
                       "group": html.escape(site.topic(e.topic_id).name[lang.code]),
                       "text": {"headline": html.escape(e.title[lang.code]), "text": text}})
    title = {"unique_id": "title", "text": {"headline": html.escape(site.title[lang.code]),
                                            "text": html.escape(plain(site.description[lang.code]))}}
    return json.dumps({"title": title, "events": events}, ensure_ascii=False, indent=1) + "\n"
