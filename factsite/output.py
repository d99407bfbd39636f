"""Write a site into a fresh folder beside the target, then swap it into place."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def recover(out: Path) -> None:
    """Put back the previous build if a run was killed between its two renames."""
    previous = _previous(out)
    if not out.exists() and previous.exists():
        previous.rename(out)
    for stale in sorted(out.parent.glob(f".{out.name}.building-*")):
        shutil.rmtree(stale, ignore_errors=True)


def _previous(out: Path) -> Path:
    return out.with_name(f".{out.name}.previous")


class Staging:
    """A temporary output folder on the same file system as the target."""

    def __init__(self, out: Path):
        self.out = out
        out.parent.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
        self.written = 0
        self._dirs: set[Path] = set()

    def write(self, rel: str, data: str | bytes) -> None:
        path = self.root / rel
        if path.parent not in self._dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(path.parent)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.written += 1

    def link(self, existing: Path, rel: str) -> None:
        """Keep an unchanged file from the previous build: a hard link costs no copy."""
        path = self.root / rel
        if path.parent not in self._dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(path.parent)
        try:
            os.link(existing, path)
        except OSError:  # a file system without hard links
            shutil.copy2(existing, path)

    def commit(self) -> None:
        """Swap the finished folder into place; the old build is removed only after."""
        os.chmod(self.root, 0o755)  # mkdtemp makes it private; a static host must read it
        previous = _previous(self.out)
        if previous.exists():
            shutil.rmtree(previous)
        if self.out.exists():
            self.out.rename(previous)
        self.root.rename(self.out)
        shutil.rmtree(previous, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
