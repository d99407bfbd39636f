"""Pages from the model through Jinja templates: the only module that knows about Jinja."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, meta, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from factsite.model import urls
from factsite.model.dates import PartialDate, format_date
from factsite.model.languages import Lang
from factsite.model.records import Claim, L10n, Quote, Site
from factsite.quotes.fragments import text_fragment
from factsite.quotes.matcher import normalize
from factsite.render import jsonld
from factsite.render.views import Route
from factsite.text import markdown
from factsite.text.langparts import is_cjk, mark_runs
from factsite.text.plaintext import plain


@dataclass(frozen=True)
class Job:
    """One page to render: a route in one language, or a neutral route (lang None)."""

    route: Route
    lang: Lang | None


def compact(html: str) -> str:
    """Drop the templates' indentation: pages stay light, and no page has <pre> whose spaces would matter."""
    return "\n".join(stripped for line in html.splitlines() if (stripped := line.strip())) + "\n"


def _lang(ctx: Context) -> Lang:
    lang: Lang = ctx["lang"]  # Renderer.render always puts a Lang here
    return lang


def _marked(ctx: Context, html: str, written: str, element: str) -> Markup:
    """HTML of a text shown on this page, in an element naming its language when it is not the page's."""
    page = _lang(ctx).code
    latin = ctx["latin"]
    if written and written != page:
        return Markup(f'<{element} lang="{written}">{mark_runs(html, written, latin)}</{element}>')
    return Markup(mark_runs(html, written or page, latin))


@pass_context
def _tr(ctx: Context, value: L10n | None) -> Markup:
    if value is None:
        return Markup("")
    code = _lang(ctx).code
    return _marked(ctx, str(escape(value[code])), value.lang_of(code), "span")


@pass_context
def _runs(ctx: Context, text: str, lang: str) -> Markup:
    """Plain text in `lang` (an archive's own words), with the runs in another script marked."""
    return Markup(mark_runs(str(escape(text)), lang, ctx["latin"]))


@pass_context
def _text(ctx: Context, value: L10n | None) -> str:
    """The bare text, for attributes and the document head, where no markup may go."""
    return "" if value is None else value[_lang(ctx).code]


@pass_context
def _md(ctx: Context, value: L10n) -> Markup:
    code = _lang(ctx).code
    return _marked(ctx, markdown.render(value[code]), value.lang_of(code), "div")


@pass_context
def _mdi(ctx: Context, value: L10n) -> Markup:
    code = _lang(ctx).code
    return _marked(ctx, markdown.render_inline(value[code]), value.lang_of(code), "span")


@pass_context
def _plain(ctx: Context, value: L10n) -> str:
    return plain(value[_lang(ctx).code])


@pass_context
def _rel(ctx: Context, url: str) -> str:
    if ctx["absolute_links"]:
        return str(ctx["base_path"]) + url
    return urls.relative(ctx["page_url"], url)


def _fill(template: str, **values: Any) -> Markup:
    """An interface string with markup put into its {placeholders}: the string itself is escaped, the
    values are escaped unless they are markup already (a link made by the template)."""
    return Markup(escape(template)).format(**values)


@pass_context
def _date(ctx: Context, value: PartialDate) -> str:
    return format_date(value, ctx["t"])


class Renderer:
    """Renders every route in every language, with the environment compiled once."""

    def __init__(self, site: Site, templates: list[Path], dev: bool = False):
        self.site = site
        self.base_path = urls.base_path(site.base_url)
        self._digests: dict[str, str] = {}
        self._norms: dict[str, str] = {}  # sources in matching form, for text fragments
        self.env = Environment(loader=FileSystemLoader([str(t) for t in templates]), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(tr=_tr, text=_text, md=_md, mdi=_mdi, plain=_plain, rel=_rel, date=_date, fill=_fill,
                                runs=_runs)
        latin = next((lang.code for lang in site.languages if not is_cjk(lang.code)), "und-Latn")
        self.env.globals.update(site=site, languages=site.languages, urls=urls, base_path=self.base_path, dev=dev,
                                latin=latin, claim_review=self.claim_review, original_link=self.original_link,
                                dataset=self.dataset,
                                catalogs=site.catalogs)

    def use(self, site: Site) -> Renderer:
        """Render an edited model with the templates already compiled (same sources, same languages)."""
        self.site = site
        self.env.globals["site"] = site
        return self

    def warm(self) -> None:
        """Compile every template now rather than on the first page that needs it."""
        for name in self.env.list_templates(filter_func=lambda n: n.endswith(".html")):
            self.env.get_template(name)

    def claim_review(self, claim: Claim, lang: Lang) -> Markup:
        """The page's ClaimReview as JSON that cannot close its <script> element."""
        return Markup(jsonld.dumps(jsonld.claim_review(self.site, claim, lang)))

    def dataset(self, lang: Lang) -> Markup:
        """The open data as a schema.org Dataset, for the data page."""
        return Markup(jsonld.dumps(jsonld.dataset(self.site, lang)))

    def original_link(self, quote: Quote) -> str | None:
        """The original article, scrolled to the passage, where its address is known."""
        source = self.site.source(quote.source_id)
        if not source.original_url:
            return None
        base = source.original_url.split("#", 1)[0]
        norm = self._norms.get(source.id)
        if norm is None:
            norm = self._norms[source.id] = normalize(source.text)
        return base + text_fragment(quote.text[self.site.languages.source.code], quote.prefix, norm)

    def template_digest(self, name: str) -> str:
        """A digest of a template and every template it extends, includes or imports."""
        if name not in self._digests:
            loader = self.env.loader
            assert loader is not None
            seen: set[str] = set()
            todo = [name]
            while todo:
                current = todo.pop()
                if current in seen:
                    continue
                seen.add(current)
                source = loader.get_source(self.env, current)[0]
                todo.extend(t for t in meta.find_referenced_templates(self.env.parse(source)) if t)
            h = hashlib.blake2b(digest_size=12)
            for current in sorted(seen):
                h.update(current.encode() + b"\x00" + loader.get_source(self.env, current)[0].encode())
            self._digests[name] = h.hexdigest()
        return self._digests[name]

    def render(self, job: Job) -> str:
        """One page: a route in one language, or a neutral page (the language chooser, 404) in the first."""
        lang = job.lang or self.site.languages.all[0]
        url = job.route.url(job.lang)
        alternates = [(other, self.site.absolute(job.route.url(other)), job.route.url(other))
                      for other in self.site.languages] if job.lang else []
        ctx = dict(job.route.data, lang=lang, t=self.site.strings(lang), page_url=url,
                   absolute_links=job.lang is None and url.endswith(".html"),  # 404 is served at any depth
                   canonical=self.site.absolute(url), alternates=alternates)
        return compact(self.env.get_template(job.route.template).render(ctx))
