"""The build cache: what each output file was made from, so unchanged pages are neither rendered nor written."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from factsite import __version__

FORMAT = 1
PACKAGE = Path(__file__).resolve().parent.parent  # the whole factsite package


def digest_files(folder: Path, pattern: str = "*") -> str:
    """One digest over the names and bytes of every file in a folder."""
    h = hashlib.blake2b(digest_size=12)
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
            h.update(path.relative_to(folder).as_posix().encode() + b"\x00" + path.read_bytes() + b"\x00")
    return h.hexdigest()


def code_version() -> str:
    """Changes whenever factsite itself changes, so a new version never reuses old pages."""
    return __version__ + "-" + digest_files(PACKAGE, "*.py")


def data_digest(value: object, h: Any) -> None:
    """Feed a route's data into a hash; model records contribute their fingerprints, not their text."""
    fp = getattr(value, "fingerprint", "")
    if fp:
        h.update(fp.encode())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        h.update(type(value).__name__.encode())
        for f in dataclasses.fields(value):
            data_digest(getattr(value, f.name), h)
    elif isinstance(value, (list, tuple)):
        h.update(b"[")
        for item in value:
            data_digest(item, h)
        h.update(b"]")
    elif isinstance(value, dict):
        h.update(b"{")
        for key in sorted(value, key=str):
            h.update(str(key).encode() + b":")
            data_digest(value[key], h)
        h.update(b"}")
    else:
        h.update(repr(value).encode("utf-8", "surrogatepass") + b";")


def route_digest(data: dict) -> str:
    h = hashlib.blake2b(digest_size=12)
    data_digest(data, h)
    return h.hexdigest()


def combine(*parts: str) -> str:
    return hashlib.blake2b("\x00".join(parts).encode(), digest_size=12).hexdigest()


class Manifest:
    """The output folder as the last successful build left it: per file, its input digest and stat."""

    def __init__(self, path: Path, entries: dict[str, dict]):
        self.path = path
        self.entries = entries

    @classmethod
    def load(cls, root: Path, out: Path, clean: bool) -> Manifest:
        key = hashlib.blake2b(str(out.resolve()).encode(), digest_size=8).hexdigest()
        path = root / ".factsite-cache" / f"manifest-{key}.json"
        if clean:
            return cls(path, {})
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["files"] if data.get("format") == FORMAT else {}
        except (OSError, ValueError, KeyError, TypeError):
            entries = {}  # a missing or damaged cache only costs time
        return cls(path, entries)

    def reusable(self, out: Path, rel: str, fp: str) -> dict | None:
        """The cached entry if the file on disk is exactly what a build with this input produced."""
        entry = self.entries.get(rel)
        if entry is None or entry.get("fp") != fp:
            return None
        try:
            st = os.stat(out / rel)
        except OSError:
            return None
        return entry if (st.st_size, st.st_mtime_ns) == (entry["size"], entry["mtime"]) else None

    def save(self, entries: dict[str, dict]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".tmp-{os.getpid()}")
        tmp.write_text(json.dumps({"format": FORMAT, "files": entries}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)
        self.entries = entries
