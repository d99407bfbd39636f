"""Archived sources: safe paths inside seeds/, UTF-8 text, and the recorded sha256."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .problems import Problems
from .schema import Rec, did_you_mean


@dataclass(frozen=True)
class Archived:
    """The text of one archived file and its actual hash."""

    text: str
    sha256: str


def resolve(seeds: Path, name: str) -> Path | None:
    """The file's path if it lies inside seeds/ (after following links), else None."""
    if not name or os.path.isabs(name) or name.startswith(("/", "\\")) or "\\" in name:
        return None
    parts = Path(name).parts
    if ".." in parts or "\x00" in name:
        return None
    root = seeds.resolve()
    real = (root / name).resolve()
    return real if real.is_relative_to(root) else None


def read_source(seeds: Path, rec: Rec, problems: Problems) -> Archived | None:
    """Read one source's file, reporting every way it can be unusable."""
    name, mark = rec["file"], rec.at("file")
    path = resolve(seeds, name)
    if path is None:
        problems.add(mark, "source-path", value=name)
        return None
    try:
        info = path.stat()
    except OSError:
        known = sorted(p.name for p in seeds.iterdir() if p.is_file()) if seeds.is_dir() else []
        problems.add(mark, "source-missing", value=name, suggestion=did_you_mean(name, known, "file"))
        return None
    if not stat.S_ISREG(info.st_mode):
        problems.add(mark, "source-not-text", value=name, reason="not a regular file")
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.add(mark, "source-not-text", value=name, reason=f"invalid byte at offset {exc.start}")
        return None
    if not text.strip():
        problems.add(mark, "source-empty", value=name)
        return None
    return Archived(text, hashlib.sha256(data).hexdigest())
