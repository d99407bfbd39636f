"""Files that ship inside the package: the theme, the interface catalogues, the starter site."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def packaged(*parts: str) -> Path:
    """A file or folder of the installed package, as a path (wheels install unpacked, never zipped)."""
    return Path(str(files("factsite").joinpath(*parts)))
