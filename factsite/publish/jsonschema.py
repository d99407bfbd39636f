"""The JSON Schema of data/claims.json, made from the site's own languages and verdicts."""

from __future__ import annotations

import json
from typing import Any

from factsite.model.records import Site

DATE = {"type": "string", "format": "date",
        "pattern": r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"}
PARTIAL_DATE = {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"}
URL = {"type": "string", "format": "uri", "pattern": "^https?://"}
SLUG = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
TEXT = {"type": "string", "minLength": 1}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(required: bool = True, **properties: Any) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "properties": properties,
            **({"required": sorted(properties)} if required else {})}


def schema(site: Site) -> dict[str, Any]:
    """A Draft 2020-12 schema; offsets count Unicode code points of the published archive, end exclusive."""
    codes = list(site.languages.codes)
    l10n = {"type": "object", "additionalProperties": False, "minProperties": 1,
            "properties": {code: TEXT for code in codes}}
    per_lang_url = {"type": "object", "additionalProperties": False, "required": codes,
                    "properties": {code: URL for code in codes}}
    quote = _object(
        id={"type": "string"}, source=SLUG, text=TEXT, translation=_nullable({"$ref": "#/$defs/l10n"}),
        line={"type": "integer", "minimum": 1}, url={"$ref": "#/$defs/urls"},
        target=_object(source=URL, selector={"type": "array", "prefixItems": [
            _object(type={"const": "TextQuoteSelector"}, exact=TEXT, prefix={"type": "string"},
                    suffix={"type": "string"}),
            _object(type={"const": "TextPositionSelector"}, start={"type": "integer", "minimum": 0},
                    end={"type": "integer", "minimum": 1})], "items": False, "minItems": 2}))
    link = _object(title={"$ref": "#/$defs/l10n"}, publisher=SLUG, date=DATE, url=URL,
                   archive_url=_nullable(URL), note=_nullable({"$ref": "#/$defs/l10n"}),
                   quote=_nullable({"$ref": "#/$defs/quote"}))
    verdict_ids = [v.id for v in site.verdicts]
    claim = _object(
        id=SLUG, url={"$ref": "#/$defs/urls"}, topic=SLUG, verdict={"enum": verdict_ids},
        claimant={"$ref": "#/$defs/l10n"}, claimant_type={"enum": ["Person", "Organization"]}, appeared_in=SLUG,
        date=DATE, claim={"$ref": "#/$defs/l10n"}, rated={"$ref": "#/$defs/l10n"}, summary={"$ref": "#/$defs/l10n"},
        reasoning={"$ref": "#/$defs/l10n"},
        quotes={"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/quote"}},
        evidence={"type": "array", "items": {"$ref": "#/$defs/link"}}, related={"type": "array", "items": SLUG},
        checked=DATE, published=DATE, modified=DATE,
        updates={"type": "array", "items": _object(date=DATE, kind={"enum": ["correction", "update", "verdict-change"]},
                                                   text={"$ref": "#/$defs/l10n"})})
    event = _object(
        id={"type": "string"}, date=PARTIAL_DATE, precision={"enum": ["day", "month", "year"]}, topic=SLUG,
        title={"$ref": "#/$defs/l10n"}, text={"$ref": "#/$defs/l10n"}, links={"type": "array",
                                                                             "items": {"$ref": "#/$defs/link"}},
        claims={"type": "array", "items": SLUG}, sources={"type": "array", "items": SLUG},
        quotes={"type": "array", "items": {"$ref": "#/$defs/quote"}})
    source = _object(
        id=SLUG, file={"type": "string"}, sha256={"type": "string", "pattern": "^[0-9a-f]{64}$"}, text_url=URL,
        title={"$ref": "#/$defs/l10n"}, publisher=SLUG, author=_nullable({"$ref": "#/$defs/l10n"}),
        date=DATE, original_url=_nullable(URL), archive_url=_nullable(URL),
        provenance=_nullable({"$ref": "#/$defs/l10n"}), url={"$ref": "#/$defs/urls"})
    # the document's own properties: "$schema" is no Python name, so they are unpacked from a mapping
    top: dict[str, Any] = {
        "$schema": {"type": "string"}, "license": _nullable(URL),
        "site": _object(title={"$ref": "#/$defs/l10n"}, base_url=URL, published=DATE, edition=DATE,
                        languages={"type": "array", "items": _object(
                            code={"enum": codes}, name=TEXT, role={"enum": ["source", "derived", "written"]})}),
        "verdicts": {"type": "array", "items": _object(
            id={"enum": verdict_ids}, label={"$ref": "#/$defs/l10n"}, meaning={"$ref": "#/$defs/l10n"},
            rank={"type": "integer", "minimum": 1}, rating=_nullable({"type": "integer", "minimum": 1}))},
        "topics": {"type": "array", "items": _object(id=SLUG, name={"$ref": "#/$defs/l10n"},
                                                     description={"$ref": "#/$defs/l10n"})},
        "publishers": {"type": "array", "items": _object(
            id=SLUG, name={"$ref": "#/$defs/l10n"}, kind={"type": "string"},
            domains={"type": "array", "minItems": 1, "items": {"type": "string"}})},
        "sources": {"type": "array", "items": source},
        "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
        "events": {"type": "array", "items": event}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "claims.schema.json",
        "title": "factsite open data: claims.json",
        "description": "Every claim, archived source and verified quote of a factsite edition. A quote's `text` is "
                       "what the editors typed; its selectors point into the archived file published at the "
                       "target's `source`, byte for byte: TextQuoteSelector `exact` is the archive's own "
                       "characters (line breaks included), TextPositionSelector offsets count Unicode code points "
                       "of that file, end exclusive.",
        **_object(**top),
        "$defs": {"l10n": l10n, "urls": per_lang_url, "quote": quote, "link": link, "claim": claim},
    }


def dumps(site: Site) -> str:
    return json.dumps(schema(site), ensure_ascii=False, indent=1) + "\n"
