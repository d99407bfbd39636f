"""Text Fragment links (#:~:text=…) that open the original article at a quoted passage."""

from __future__ import annotations

import re
from urllib.parse import quote as percent

from factsite.quotes.matcher import normalize

# A fragment must start and end on word boundaries; Chinese has no spaces, so we cut
# at punctuation, which every browser's segmenter treats as a boundary.
_PUNCT = re.compile(r"[，。、；：！？「」『』（）,.;:!?()\s]")
SHORT = 40  # quotes up to this length are matched whole


def _enc(text: str) -> str:
    return percent(text, safe="")  # also encodes '-', ',' and '&', which the syntax reserves


def _head(text: str) -> str:
    cut = [m.start() for m in _PUNCT.finditer(text) if m.start() >= 6]
    return text[:cut[0]] if cut and cut[0] <= SHORT else text[:SHORT // 2]


def _tail(text: str) -> str:
    cut = [m.end() for m in _PUNCT.finditer(text) if len(text) - m.end() >= 6]
    return text[cut[-1]:] if cut and len(text) - cut[-1] <= SHORT else text[-(SHORT // 2):]


def text_fragment(passage: str, prefix: str, source_norm: str) -> str:
    """The #:~:text= directive for a passage, with a prefix only when the start is ambiguous.

    source_norm is the source in quotes.normalize form, computed once per source by the caller."""
    passage = passage.strip()
    if len(passage) <= SHORT:
        start, end = passage, ""
    else:
        start, end = _head(passage).strip(), _tail(passage).strip()
    directive = _enc(start) + ("," + _enc(end) if end else "")
    if source_norm.count(normalize(start)) > 1:
        before = _lead(prefix)
        if before:
            directive = _enc(before) + "-," + directive
    return "#:~:text=" + directive


def _lead(prefix: str) -> str:
    """The clause just before a passage, with its closing punctuation: a prefix must touch the start."""
    text = prefix.rstrip()
    body = len(text)
    while body and _PUNCT.match(text[body - 1]):
        body -= 1
    cuts = [m.end() for m in _PUNCT.finditer(text, 0, body)]
    return text[cuts[-1] if cuts else max(0, body - 10):]
