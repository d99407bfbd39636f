"""Editorial Markdown to HTML: CommonMark, raw HTML off, only safe links, no images.

Images are off because the pages' security policy loads only the site's own images (an
image from elsewhere would show broken, or track readers if the policy ever changed);
`![alt](url)` is reported by validation, and would render as `!` and a link.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

_SAFE_LINK = re.compile(r"^(https?:|mailto:|#|/|\.\.?/)", re.IGNORECASE)
_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\uf900-\ufaff]")


def safe_link(url: str) -> bool:
    """Whether a Markdown link target may be published."""
    return bool(_SAFE_LINK.match(url.strip()))


class _Safe(MarkdownIt):
    """The parser pages are rendered with: it validates links with safe_link."""

    def validateLink(self, url: str) -> bool:
        return safe_link(url)


class _Permissive(MarkdownIt):
    """A parser that sees every link, so refused ones can be reported."""

    def validateLink(self, url: str) -> bool:
        return True


def _softbreak(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    # Editors wrap long Chinese lines in YAML blocks; a newline between CJK characters
    # would show as a stray space, so it disappears there and stays a space elsewhere.
    before = tokens[idx - 1].content[-1:] if idx > 0 else ""
    after = tokens[idx + 1].content[:1] if idx + 1 < len(tokens) else ""
    return "" if _CJK.match(before) or _CJK.match(after) else "\n"


def _make() -> MarkdownIt:
    md = _Safe("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")
    md.add_render_rule("softbreak", _softbreak)
    return md


_MD = _make()
_PERMISSIVE = _Permissive("commonmark", {"html": False})
_cache: dict[str, str] = {}  # text (or _INLINE + text) -> HTML
_targets: dict[str, tuple[list[str], list[str]]] = {}
_INLINE = "\x00inline\x00"


def render(text: str) -> str:
    """HTML for a Markdown text; each distinct text is rendered once per process."""
    html = _cache.get(text)
    if html is None:
        html = _cache[text] = _MD.render(text)
    return html


def render_inline(text: str) -> str:
    """HTML for one line of Markdown, without the paragraph around it."""
    key = _INLINE + text
    html = _cache.get(key)
    if html is None:
        html = _cache[key] = _MD.renderInline(text)
    return html


def targets(text: str, inline: bool = False) -> tuple[list[str], list[str]]:
    """The link targets and image sources in a Markdown text.

    One parse serves both validation and the page: when every link may be published and there is no image
    (the only case a build goes on with), the parse is rendered now and render() finds it ready."""
    key = _INLINE + text if inline else text
    found = _targets.get(key)
    if found is not None:
        return found
    links: list[str] = []
    images: list[str] = []
    if "[" in text or "<" in text:  # no link, autolink or image can be written without one
        tokens = _PERMISSIVE.parseInline(text) if inline else _PERMISSIVE.parse(text)
        for token in tokens:
            for child in token.children or ():
                if child.type == "link_open" and child.attrGet("href") is not None:
                    links.append(str(child.attrGet("href")))
                elif child.type == "image" and child.attrGet("src") is not None:
                    images.append(str(child.attrGet("src")))
        if not images and all(safe_link(url) for url in links):
            _cache[key] = _MD.renderer.render(tokens, _MD.options, {})
    _targets[key] = found = (links, images)
    return found


def unsafe_links(text: str) -> list[str]:
    """Link targets in a Markdown text that would be refused."""
    return [url for url in targets(text)[0] if not safe_link(url)]


def forget() -> None:
    """Drop every cached rendering: a long-lived preview calls this when its texts are replaced wholesale."""
    _cache.clear()
    _targets.clear()
