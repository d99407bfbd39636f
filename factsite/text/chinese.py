"""Chinese script conversion with OpenCC (Traditional to Simplified and back), plus the editors' glossary."""

from __future__ import annotations

import re
from functools import cache

import opencc

CONFIGS = ("t2s", "hk2s", "tw2s", "tw2sp")


@cache
def _converter(config: str) -> opencc.OpenCC:
    # Creating a converter loads its dictionaries (~0.08 s): do it once per process.
    return opencc.OpenCC(f"{config}.json")


class Converter:
    """Derives one language from another: OpenCC for the script, then glossary fixes for editorial words."""

    def __init__(self, config: str = "t2s", glossary: tuple[tuple[str, str], ...] = ()):
        self._convert = _converter(config).convert
        # Each glossary entry is matched on the converted text, so it must be converted too. All entries are
        # applied in one pass, longest first, so no entry rewrites what another one wrote.
        self._fixes = {self._convert(hant): hans for hant, hans in glossary}
        keys = sorted(self._fixes, key=lambda k: (-len(k), k))
        self._pattern = re.compile("|".join(map(re.escape, keys))) if keys else None
        self._cache: dict[str, str] = {}

    def script(self, text: str) -> str:
        """Script conversion only: for quotes, whose words must stay the source's."""
        return str(self._convert(text))

    def editorial(self, text: str) -> str:
        """Script conversion plus the glossary, for text the editors wrote."""
        done = self._cache.get(text)
        if done is None:
            done = str(self._convert(text))
            if self._pattern is not None:
                done = self._pattern.sub(lambda m: self._fixes[m.group()], done)
            self._cache[text] = done
        return done
