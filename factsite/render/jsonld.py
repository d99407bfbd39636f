"""schema.org ClaimReview for each claim page, one per page and language."""

from __future__ import annotations

import json
from typing import Any

from factsite.model import urls
from factsite.model.languages import Lang
from factsite.model.records import Claim, Site
from factsite.text.plaintext import plain


def claim_review(site: Site, claim: Claim, lang: Lang) -> dict[str, Any]:
    """The ClaimReview object Google's and the fact-check aggregators' readers expect."""
    verdict = site.verdict(claim.verdict_id)
    scaled = [v for v in site.verdicts if v.on_scale]
    rating = {"@type": "Rating", "alternateName": verdict.label[lang.code], "name": verdict.label[lang.code],
              "bestRating": len(scaled), "worstRating": 1 if scaled else 0,
              "ratingExplanation": plain(claim.summary[lang.code])}
    if verdict.rating is not None:  # "unverifiable" has no place on the numeric scale
        rating["ratingValue"] = verdict.rating
    sources = dict.fromkeys((claim.appeared_in, *(q.source_id for q in claim.quotes)))
    appearances = [appearance(site, source_id, lang) for source_id in sources]
    return {
        # Text values are in the page's language: tag the RDF literals with it.
        "@context": ["https://schema.org", {"@language": lang.code}],
        "@type": "ClaimReview",
        "url": site.absolute(claim.url(lang)),
        "inLanguage": lang.code,
        "claimReviewed": claim.claim[lang.code],
        "datePublished": claim.published.iso,
        "dateModified": claim.modified.iso,
        "author": {"@type": "Organization", "name": site.organization[lang.code], "url": site.organization_url},
        "reviewRating": rating,
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": claim.claimant_type, "name": claim.claimant[lang.code]},
            "datePublished": claim.date.iso,
            "appearance": appearances,
            "firstAppearance": appearances[0],
        },
    }


def appearance(site: Site, source_id: str, lang: Lang) -> dict[str, Any]:
    source = site.source(source_id)
    return {"@type": "CreativeWork", "url": source.original_url or site.absolute(source.url(lang)),
            "headline": source.title[lang.code], "datePublished": source.date.iso,
            "publisher": {"@type": "Organization", "name": source.publisher.name[lang.code]}}


def dumps(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' can end the element or start markup."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def dataset(site: Site, lang: Lang) -> dict[str, Any]:
    """The open data described for data catalogues (schema.org Dataset with its downloads)."""
    files = [(urls.CLAIMS_JSON, "application/json"), (urls.CLAIMS_CSV, "text/csv"),
             (urls.CLAIMS_SCHEMA, "application/schema+json")]
    files += [(urls.timeline_json(other), "application/json") for other in site.languages]
    data: dict[str, Any] = {
        "@context": ["https://schema.org", {"@language": lang.code}],
        "@type": "Dataset",
        "name": site.title[lang.code],
        "description": plain(site.description[lang.code]),
        "url": site.absolute(urls.section("data", lang)),
        "creator": {"@type": "Organization", "name": site.organization[lang.code], "url": site.organization_url},
        "dateModified": site.build_date.iso,
        "inLanguage": [other.code for other in site.languages],
        "distribution": [{"@type": "DataDownload", "encodingFormat": kind, "contentUrl": site.absolute(path)}
                         for path, kind in files],
    }
    if site.license:
        data["license"] = site.license.url
    return data
