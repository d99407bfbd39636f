"""The languages a site is published in, and the only place that names the default ones."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

# What a language is to the site: the script the archived sources are written in (quotes are shown
# verbatim), a script derived from another language with OpenCC (editors may override any field), or a
# language the editors write themselves (quotes are shown in the original with the editors' translation).
SOURCE, DERIVED, WRITTEN = "source", "derived", "written"
ROLES = (SOURCE, DERIVED, WRITTEN)


@dataclass(frozen=True)
class Lang:
    """A language the site is published in."""

    code: str  # BCP 47: <html lang>, hreflang, and the keys of text mappings in claims.yaml
    slug: str  # the URL folder
    name: str  # its own name, for the language switcher
    role: str  # SOURCE, DERIVED or WRITTEN
    locale: str  # Open Graph locale, e.g. zh_TW
    derived_from: str = ""  # DERIVED: the language it is converted from
    opencc: str = ""  # DERIVED: the OpenCC configuration, e.g. t2s
    glossary: tuple[tuple[str, str], ...] = ()  # DERIVED: editors' word choices, applied after OpenCC

    @property
    def written_by_editors(self) -> bool:
        """Whether editorial text must be written in this language (derived text may only be overridden)."""
        return self.role != DERIVED


@dataclass(frozen=True)
class Languages:
    """The configured languages, in the order pages list them; the first is the site's canonical one."""

    all: tuple[Lang, ...]

    def __iter__(self) -> Iterator[Lang]:
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    def __getitem__(self, code: str) -> Lang:
        for lang in self.all:
            if lang.code == code:
                return lang
        raise KeyError(code)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.all)

    @property
    def source(self) -> Lang:
        """The language of the archived sources (validation guarantees exactly one)."""
        return next(lang for lang in self.all if lang.role == SOURCE)

    @property
    def editorial(self) -> tuple[Lang, ...]:
        """The languages every editorial text must be written in."""
        return tuple(lang for lang in self.all if lang.written_by_editors)

    @property
    def translated(self) -> tuple[Lang, ...]:
        """The languages a quote needs a translation into: those written by editors, other than the source's."""
        return tuple(lang for lang in self.all if lang.role == WRITTEN)

    @property
    def derived(self) -> tuple[Lang, ...]:
        return tuple(lang for lang in self.all if lang.role == DERIVED)


DEFAULT = Languages((
    Lang("zh-Hant", "zh-hant", "繁體中文", SOURCE, "zh_TW"),
    Lang("zh-Hans", "zh-hans", "简体中文", DERIVED, "zh_CN", derived_from="zh-Hant", opencc="t2s"),
    Lang("en", "en", "English", WRITTEN, "en_GB"),
))
