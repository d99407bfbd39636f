"""Text in several languages: which languages a field must be written in, and which it may be."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from factsite.load.kinds import NEUTRAL, Kind, Walk, _url_guess
from factsite.load.yamlfile import mark_of
from factsite.model.languages import Lang
from factsite.text.langparts import is_cjk

# Which languages a text field needs:
EDITORIAL = "editorial"  # every language editors write in; a derived one may be overridden
TRANSLATED = "translated"  # a quote's translations: every written language other than the sources'
ANY = "any"  # a cited document's own title: whichever languages it exists in, at least one


@dataclass(frozen=True)
class Text(Kind):
    """Text written per language, a mapping of language codes to text; a plain string only where neutral."""

    needs: str = EDITORIAL
    neutral: bool = False  # a plain string stands for every language: names, not sentences

    def check(self, node: yaml.Node, name: str, ctx: Walk) -> dict[str, str] | None:
        required = self.required(ctx)
        if not isinstance(node, yaml.MappingNode):
            text = ctx.scalar(node, name, "text")
            if text is None:
                return None
            if self.neutral:
                self.inspect(text, node, name, ctx)
                return {NEUTRAL: text}
            ctx.add(node, "plain-text", field=name, example=_example(required or ctx.languages.editorial))
            return None
        if not ctx.visit(node):
            return None
        allowed = self.allowed(ctx)
        out: dict[str, str] = {}
        written: set[str] = set()
        for key, value in ctx.pairs(node):
            if key.value not in allowed:
                ctx.add(key, "unknown-lang", field=name, lang=key.value, allowed=", ".join(allowed))
                continue
            written.add(key.value)
            text = ctx.scalar(value, f"{name}.{key.value}", "text")
            if text is not None and self.inspect(text, value, f"{name}.{key.value}", ctx):
                out[key.value] = text
                _check_script(text, key.value, value, f"{name}.{key.value}", ctx)
        for lang in required:
            if lang.code not in written:  # a language written with a bad value has its own error
                ctx.add(node, "missing-lang", field=name, lang=lang.code, why=_why(lang))
        if self.needs == ANY and not written:
            ctx.add(node, "no-text", field=name, example=_example(ctx.languages.all[-1:]))
        complete = all(lang.code in out for lang in required) and bool(out)
        return out if complete else None

    def inspect(self, text: str, node: yaml.Node, name: str, ctx: Walk) -> bool:
        """Checks on one language's text; False after reporting a problem."""
        return True

    def required(self, ctx: Walk) -> tuple[Lang, ...]:
        if self.needs == EDITORIAL:
            return ctx.languages.editorial
        if self.needs == TRANSLATED:
            return ctx.languages.translated
        return ()

    def allowed(self, ctx: Walk) -> tuple[str, ...]:
        if self.needs == TRANSLATED:
            return tuple(lang.code for lang in ctx.languages.translated)
        return ctx.languages.codes


def _why(lang: Lang) -> str:
    return f"{lang.name} is written by the editors"


def _example(langs: tuple[Lang, ...]) -> str:
    return "{" + ", ".join(f"{lang.code}: …" for lang in langs) + "}"


@dataclass(frozen=True)
class Markdown(Text):
    """Editorial text in Markdown: links must be http(s), mailto or in-page, and images are not published."""

    inline: bool = False  # one paragraph, shown inside a line (notes, update entries)

    def inspect(self, text: str, node: yaml.Node, name: str, ctx: Walk) -> bool:
        from factsite.text.markdown import safe_link, targets  # loads only once the YAML parsed

        ok = True
        links, images = targets(text, self.inline)
        ctx.urls.extend((url, mark_of(ctx.path, node), name) for url in links if url.startswith("http"))
        for url in links:
            if safe_link(url):
                continue
            ctx.add(node, "unsafe-markdown-link", field=name, value=url, suggestion=_url_guess(url))
            ok = False
        for url in images:
            ctx.add(node, "markdown-image", field=name, value=url)
            ok = False
        return ok


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
SILENCE = "# script-ok"  # at the end of a value's line: the mixed script is meant


def _check_script(text: str, code: str, node: yaml.Node, name: str, ctx: Walk) -> None:
    """Warn when text under a language key is written in another script: English notes under a Chinese key."""
    cjk = len(_CJK.findall(text))
    words = len(_LATIN_WORD.findall(text))
    if is_cjk(code):
        wrong = words >= 3 and cjk < words
        looks = "English (Latin letters)"
    else:
        wrong = cjk >= 10 and cjk > words
        looks = "Chinese, Japanese or Korean"
    if wrong and SILENCE not in ctx.line_of(node):
        ctx.add(node, "script-mismatch", field=name, lang=code, looks=looks)
