"""Archived sources: safe paths inside seeds/, UTF-8 text, and the recorded sha256."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from factsite.load.document import Rec
from factsite.load.kinds import HIDDEN
from factsite.problems import Mark, Problems
from factsite.problems.hints import describe, did_you_mean

MAX_MB = 8  # per archived file; articles are tens of kilobytes
MAX_BYTES = MAX_MB * 2**20


@dataclass(frozen=True)
class Archived:
    """The text of one archived file and its actual hash."""

    text: str
    sha256: str


class LinkLoop(Exception):
    """The name leads into a loop of symbolic links."""


def resolve(seeds: Path, name: str) -> Path | None:
    """The file's path if it lies inside seeds/ (after following links), else None; LinkLoop for a loop."""
    if not name or os.path.isabs(name) or name.startswith(("/", "\\")) or "\\" in name:
        return None
    parts = Path(name).parts
    if ".." in parts or "\x00" in name:
        return None
    try:
        root = seeds.resolve()
        real = (root / name).resolve()
    except RuntimeError as exc:  # Python 3.11-3.12 report a loop so; 3.13 leaves the loop to stat()
        raise LinkLoop(name) from exc
    except OSError:  # a name too long for the file system
        return None
    return real if real.is_relative_to(root) else None


def _read(path: Path) -> tuple[bytes | None, str | None, int]:
    """The file's bytes, or a reason it cannot be read; the type is checked on the open descriptor.

    O_NONBLOCK keeps a FIFO from blocking the open, O_NOFOLLOW refuses a link swapped in
    after the path was resolved, and no more than MAX_BYTES + 1 bytes are ever read.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return None, exc.strerror or str(exc), 0
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, "not a regular file", 0
        if info.st_size > MAX_BYTES:
            return None, None, info.st_size
        try:
            data = f.read(MAX_BYTES + 1)
        except OSError as exc:
            return None, exc.strerror or str(exc), 0
    if len(data) > MAX_BYTES:
        return None, None, len(data)
    return data, None, len(data)


def read_source(seeds: Path, rec: Rec, problems: Problems) -> Archived | None:
    """Read one source's file, reporting every way it can be unusable."""
    name, mark = rec["file"], rec.at("file")
    try:
        path = resolve(seeds, name)
    except LinkLoop:
        problems.add(mark, "source-not-text", value=name, reason="a symbolic link that loops")
        return None
    if path is None:
        problems.add(mark, "source-path", value=name)
        return None
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            problems.add(mark, "source-not-text", value=name, reason="a symbolic link that loops")
            return None
        try:
            known = sorted(p.name for p in seeds.iterdir() if p.is_file()) if seeds.is_dir() else []
        except OSError:
            known = []
        problems.add(mark, "source-missing", value=name, suggestion=did_you_mean(name, known, "file"))
        return None
    if not stat.S_ISREG(info.st_mode):
        problems.add(mark, "source-not-text", value=name, reason="not a regular file")
        return None
    return read_file(path, name, mark, problems)


def read_file(path: Path, name: str, mark: Mark, problems: Problems) -> Archived | None:
    """An archived file's text and sha256, or None after reporting why it cannot be an archive."""
    data, failure, size = _read(path)
    if data is None:
        if failure is None:
            problems.add(mark, "source-too-large", value=name, size=f"{size / 2**20:.1f}", limit=MAX_MB)
        else:
            problems.add(mark, "source-not-text", value=name, reason=failure)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.add(mark, "source-not-text", value=name, reason=f"invalid byte at offset {exc.start}")
        return None
    if not text.strip():
        problems.add(mark, "source-empty", value=name)
        return None
    hidden = HIDDEN.search(text)
    if hidden:
        at = hidden.start()
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        problems.add(mark, "source-hidden-char", value=name, line=line, column=column, **describe(hidden.group()))
        return None
    return Archived(text, hashlib.sha256(data).hexdigest())
