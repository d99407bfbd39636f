"""Editorial Markdown to HTML: CommonMark, raw HTML off, only safe links, no images.

Images are off because the pages' security policy loads only the site's own images (an
image from elsewhere would show broken, or track readers if the policy ever changed);
`![alt](url)` is reported by validation, and would render as `!` and a link.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_SAFE_LINK = re.compile(r"^(https?:|mailto:|#|/|\.\.?/)", re.IGNORECASE)
_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\uf900-\ufaff]")


def safe_link(url: str) -> bool:
    """Whether a Markdown link target may be published."""
    return bool(_SAFE_LINK.match(url.strip()))


def _softbreak(self, tokens, idx, options, env):
    # Editors wrap long Chinese lines in YAML blocks; a newline between CJK characters
    # would show as a stray space, so it disappears there and stays a space elsewhere.
    before = tokens[idx - 1].content[-1:] if idx > 0 else ""
    after = tokens[idx + 1].content[:1] if idx + 1 < len(tokens) else ""
    return "" if _CJK.match(before) or _CJK.match(after) else "\n"


def _make() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")
    md.validateLink = safe_link
    md.add_render_rule("softbreak", _softbreak)
    return md


_MD = _make()
_PERMISSIVE = MarkdownIt("commonmark", {"html": False})
_PERMISSIVE.validateLink = lambda url: True  # sees every link, so refused ones can be reported
_cache: dict[str, str] = {}


def render(text: str) -> str:
    """HTML for a Markdown text; each distinct text is rendered once per process."""
    html = _cache.get(text)
    if html is None:
        html = _cache[text] = _MD.render(text)
    return html


def render_inline(text: str) -> str:
    """HTML for one line of Markdown, without the paragraph around it."""
    key = "\x00inline\x00" + text
    html = _cache.get(key)
    if html is None:
        html = _cache[key] = _MD.renderInline(text)
    return html


def _targets(text: str, kind: str) -> list[str]:
    found = []
    for token in _PERMISSIVE.parse(text):
        for child in token.children or ():
            url = child.attrGet("href") if kind == "link_open" else child.attrGet("src")
            if child.type == kind and url is not None:
                found.append(url)
    return found


def links(text: str) -> list[str]:
    """Every link target in a Markdown text."""
    return _targets(text, "link_open")


def unsafe_links(text: str) -> list[str]:
    """Link targets in a Markdown text that would be refused."""
    return [url for url in _targets(text, "link_open") if not safe_link(url)]


def images(text: str) -> list[str]:
    """The sources of the images in a Markdown text (none are published)."""
    return _targets(text, "image")
