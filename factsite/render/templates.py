"""Pages from the model through Jinja templates: the only module that knows about Jinja."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, meta, pass_context
from markupsafe import Markup

from factsite.render import jsonld

from factsite.text import markdown
from factsite.quotes.fragments import text_fragment
from factsite.text.plaintext import plain
from factsite.quotes.matcher import normalize
from factsite.render.views import Route
from factsite.model.records import LANGUAGES, L10n, Lang, Site
from factsite.render.strings import format_date, strings


def relative(current: str, target: str) -> str:
    """A link from the page at `current` to `target`, both clean site-relative URLs ('a/b/' or 'a/f.xml')."""
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


def compact(html: str) -> str:
    """Drop the templates' indentation: pages stay light, and no page has <pre> whose spaces would matter."""
    return "\n".join(stripped for line in html.splitlines() if (stripped := line.strip())) + "\n"


def _lang(ctx) -> str:
    return ctx["lang"].code


@pass_context
def _tr(ctx, value: L10n | None) -> str:
    return "" if value is None else value[_lang(ctx)]


@pass_context
def _md(ctx, value: L10n) -> Markup:
    return Markup(markdown.render(value[_lang(ctx)]))


@pass_context
def _mdi(ctx, value: L10n) -> Markup:
    return Markup(markdown.render_inline(value[_lang(ctx)]))


@pass_context
def _plain(ctx, value: L10n) -> str:
    return plain(value[_lang(ctx)])


@pass_context
def _rel(ctx, url: str) -> str:
    if ctx["absolute_links"]:
        return ctx["base_path"] + url
    return relative(ctx["page_url"], url)


@pass_context
def _date(ctx, value) -> str:
    return format_date(value, _lang(ctx))


class Renderer:
    """Renders every route in every language, with the environment compiled once."""

    NEUTRAL = (("root.html", ""), ("404.html", "404.html"))  # pages in no single language

    def __init__(self, site: Site, templates: list[Path], dev: bool = False):
        self.site = site
        self.base_path = self.base_path_of(site)
        self._digests: dict[str, str] = {}
        self._norms: dict[str, str] = {}  # sources in matching form, for text fragments
        self.env = Environment(loader=FileSystemLoader([str(t) for t in templates]), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(tr=_tr, md=_md, mdi=_mdi, plain=_plain, rel=_rel, date=_date)
        self.env.globals.update(site=site, languages=LANGUAGES, base_path=self.base_path, dev=dev,
                                claim_review=self.claim_review, original_link=self.original_link)

    def claim_review(self, claim, lang: Lang) -> Markup:
        """The page's ClaimReview as JSON that cannot close its <script> element."""
        return Markup(jsonld.dumps(jsonld.claim_review(self.site, claim, lang)))

    def original_link(self, quote) -> str | None:
        """The original article, scrolled to the passage, where its address is known."""
        source = self.site.source(quote.source_id)
        if not source.original_url:
            return None
        base = source.original_url.split("#", 1)[0]
        norm = self._norms.get(source.id)
        if norm is None:
            norm = self._norms[source.id] = normalize(source.text)
        return base + text_fragment(quote.text.hant, quote.prefix, norm)

    def template_digest(self, name: str) -> str:
        """A digest of a template and every template it extends, includes or imports."""
        if name not in self._digests:
            seen: set[str] = set()
            todo = [name]
            while todo:
                current = todo.pop()
                if current in seen:
                    continue
                seen.add(current)
                source = self.env.loader.get_source(self.env, current)[0]
                todo.extend(t for t in meta.find_referenced_templates(self.env.parse(source)) if t)
            h = hashlib.blake2b(digest_size=12)
            for current in sorted(seen):
                h.update(current.encode() + b"\x00" + self.env.loader.get_source(self.env, current)[0].encode())
            self._digests[name] = h.hexdigest()
        return self._digests[name]

    @staticmethod
    def base_path_of(site: Site) -> str:
        """The URL path the site is served under: '/' or '/project/'."""
        return urlsplit(site.base_url).path.rstrip("/") + "/"

    def absolute(self, url: str) -> str:
        return self.site.base_url.rstrip("/") + "/" + url

    @staticmethod
    def file(url: str) -> str:
        """The file that serves a page's URL."""
        return url + "index.html" if url == "" or url.endswith("/") else url

    def render_job(self, job: tuple) -> str:
        """Render one queued page: (route, lang) or, for the neutral pages, (template, url)."""
        first, second = job
        return self.render(first, second) if isinstance(first, Route) else self.render_neutral(first, second)

    def render(self, route: Route, lang: Lang) -> str:
        url = route.url(lang)
        alternates = [(other, self.absolute(route.url(other)), route.url(other)) for other in LANGUAGES]
        ctx = dict(route.data, lang=lang, t=strings(lang.code), page_url=url, absolute_links=False,
                   canonical=self.absolute(url), alternates=alternates)
        return compact(self.env.get_template(route.template).render(ctx))

    def render_neutral(self, template: str, url: str) -> str:
        # The 404 page is served at any depth, so its links are absolute paths.
        first = LANGUAGES[0]
        ctx = dict(lang=first, t=strings(first.code), page_url=url, absolute_links=url.endswith(".html"),
                   canonical=self.absolute(url), alternates=[],
                   all_strings={lang.code: strings(lang.code) for lang in LANGUAGES})
        return compact(self.env.get_template(template).render(ctx))
