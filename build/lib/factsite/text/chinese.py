"""Chinese script conversion with OpenCC (Traditional to Simplified and back), plus the editors' glossary."""

from __future__ import annotations

from functools import lru_cache

import opencc

CONFIGS = ("t2s", "hk2s", "tw2s", "tw2sp")


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    # Creating a converter loads its dictionaries (~0.08 s): do it once per process.
    return opencc.OpenCC(f"{config}.json")


class Converter:
    """Derives one language from another: OpenCC for the script, then glossary fixes for editorial words."""

    def __init__(self, config: str = "t2s", glossary: tuple[tuple[str, str], ...] = ()):
        self._convert = _converter(config).convert
        # Each glossary entry is matched on the converted text, so it must be converted too.
        self._fixes = tuple(sorted(((self._convert(hant), hans) for hant, hans in glossary),
                                   key=lambda pair: -len(pair[0])))
        self._cache: dict[str, str] = {}

    def script(self, text: str) -> str:
        """Script conversion only: for quotes, whose words must stay the source's."""
        return self._convert(text)

    def editorial(self, text: str) -> str:
        """Script conversion plus the glossary, for text the editors wrote."""
        done = self._cache.get(text)
        if done is None:
            done = self._convert(text)
            for converted, preferred in self._fixes:
                done = done.replace(converted, preferred)
            self._cache[text] = done
        return done
