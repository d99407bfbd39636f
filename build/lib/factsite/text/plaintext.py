"""Markdown reduced to plain text, for meta descriptions, feeds and structured data."""

from __future__ import annotations

import html
import re

from factsite.text import markdown

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|pre)>|<br ?/?>")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """The words of a Markdown text without markup, on one line."""
    rendered = markdown.render(text)
    # Block ends become spaces; inline tags vanish, so Chinese text gains no stray spaces.
    words = _TAG.sub("", _BLOCK_END.sub(" ", rendered))
    return _SPACE.sub(" ", html.unescape(words)).strip()
