"""Files that ship inside the package: the theme, the interface catalogues, the starter site."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def packaged(*parts: str) -> Path:
    """A file or folder of the installed package, as a path (wheels install unpacked, never zipped)."""
    return Path(str(files("factsite").joinpath(*parts)))


def theme(root: Path, name: str) -> list[Path]:
    """Where templates/ or static/ files are looked up: the site's own folder first, then the packaged theme."""
    folders: list[Path] = []
    for folder in (root / name, packaged("theme", name)):
        if folder.is_dir() and folder.resolve() not in {f.resolve() for f in folders}:
            folders.append(folder)
    return folders
