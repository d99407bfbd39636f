"""site.languages: read first, because every text in the file is checked against the languages it names."""

from __future__ import annotations

import re

import yaml

from factsite.load.document import Rec, Seq
from factsite.load.kinds import Choice, Field, Kind, ListOf, Plain, Record, Slug, Walk
from factsite.model.languages import DEFAULT, DERIVED, ROLES, SOURCE, Lang, Languages
from factsite.problems import Problems
from factsite.text.chinese import CONFIGS

_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")  # a BCP 47 tag as pages use it: zh-Hant, en, ja


class _Pair(Kind):
    """A glossary entry: the word in the language converted from, and in the derived one."""

    def check(self, node: yaml.Node, name: str, ctx: Walk) -> dict[str, str] | None:
        if not isinstance(node, yaml.MappingNode):
            ctx.wrong_type(node, name, "a mapping of the two languages' words", "write both words")
            return None
        if not ctx.visit(node):
            return None
        out: dict[str, str] = {}
        for key, value in ctx.pairs(node):
            text = ctx.scalar(value, f"{name}.{key.value}", "text")
            if text is not None:
                out[str(key.value)] = text
        return out


_P = Plain()
LANGUAGE = Record(name="language", fields={
    "code": Field(_P), "slug": Field(Slug()), "name": Field(_P), "role": Field(Choice(choices=ROLES)),
    "locale": Field(_P), "from": Field(_P, required=False), "opencc": Field(Choice(choices=CONFIGS), required=False),
    "glossary": Field(ListOf(item=_Pair()), required=False)})


def _site_languages(root: yaml.Node) -> yaml.Node | None:
    """The node under site: languages:, if written."""
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if getattr(key, "value", None) == "site" and isinstance(value, yaml.MappingNode):
            for k, v in value.value:
                if getattr(k, "value", None) == "languages":
                    node: yaml.Node = v  # a mapping's values are nodes
                    return node
    return None


def read_languages(path: str, root: yaml.Node, problems: Problems) -> Languages:
    """The configured languages, or the defaults; after a problem, the defaults, so the rest can be checked."""
    node = _site_languages(root)
    if node is None:
        return DEFAULT
    before = len(problems)
    recs = ListOf(item=LANGUAGE).check(node, "languages", Walk(path, problems))
    if recs is None or len(problems) > before:
        return DEFAULT
    langs = [_lang(rec, path, problems) for rec in recs]
    if len(problems) > before or not _consistent(recs, langs, problems):
        return DEFAULT
    return Languages(tuple(lang for lang in langs if lang is not None))


def _lang(rec: Rec, path: str, problems: Problems) -> Lang | None:
    code = rec["code"]
    if not _CODE.fullmatch(code):
        problems.add(rec.at("code"), "language-config", value=code, why="is not a language tag such as zh-Hant or en")
        return None
    glossary: tuple[tuple[str, str], ...] = ()
    if rec["role"] == DERIVED:
        for key in ("from", "opencc"):
            if key not in rec:
                problems.add(rec.mark, "language-config", value=code, why=f"is derived, so it needs `{key}:`")
        wanted = {rec.get("from", ""), code}
        entries = rec.get("glossary", ())
        for entry, mark in zip(entries, entries.marks if "glossary" in rec else (), strict=True):
            if set(entry) != wanted or len(entry) != 2:
                problems.add(mark, "glossary-entry", keys=" and ".join(sorted(wanted)))
            else:
                glossary += ((entry[rec["from"]], entry[code]),)
    return Lang(code, rec["slug"], rec["name"], rec["role"], rec["locale"], rec.get("from", ""),
                rec.get("opencc", ""), glossary)


def _consistent(recs: Seq, langs: list[Lang | None], problems: Problems) -> bool:
    """One source language, unique codes and slugs, and derived languages that name an editors' language."""
    before = len(problems)
    seen: dict[tuple[str, str], Rec] = {}
    for rec, lang in zip(recs, langs, strict=True):
        assert lang is not None
        for key, value in (("code", lang.code), ("slug", lang.slug)):
            if (key, value) in seen:
                problems.add(rec.at(key), "language-config", value=value, why=f"is used twice as a {key}")
            seen[key, value] = rec
    sources = [rec for rec, lang in zip(recs, langs, strict=True) if lang and lang.role == SOURCE]
    if len(sources) != 1:
        problems.add(sources[1].at("role") if len(sources) > 1 else recs.mark, "language-source", count=len(sources))
    editors = {lang.code for lang in langs if lang and lang.role != DERIVED}
    for rec, lang in zip(recs, langs, strict=True):
        if lang and lang.role == DERIVED and lang.derived_from not in editors:
            problems.add(rec.at("from"), "language-config", value=lang.code,
                         why=f"is derived from {lang.derived_from!r}, which is not a source or written language here")
    return len(problems) == before
