"""Hints that name what the editor probably meant: the closest known word, an invisible character's name."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from typing import TypedDict


class CharName(TypedDict):
    """The fields messages name an invisible character with."""

    codepoint: str
    name: str


def describe(ch: str) -> CharName:
    """The code point and name of an invisible character, for messages."""
    name = unicodedata.name(ch, "")
    if not name:
        name = "lone surrogate" if 0xD800 <= ord(ch) <= 0xDFFF else "control character"
    return CharName(codepoint=f"{ord(ch):04X}", name=name.lower())


def did_you_mean(word: str, choices: Iterable[str], what: str = "key") -> str:
    """A hint naming the closest choice, or listing them when none is close."""
    ordered = sorted(choices)
    close = difflib.get_close_matches(word, ordered, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    if not ordered:
        return f"there are no {what}s yet"
    if len(ordered) <= 12:
        return f"known {what}s: " + ", ".join(ordered)
    return f"no {what} has a similar name; check the spelling"
