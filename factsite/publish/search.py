"""The full-text search index, built by Pagefind over the finished pages (one index per page language)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from factsite.output.staging import Staging

FOLDER = "pagefind"


def build_index(site: Path) -> str | None:
    """Run Pagefind's extended build (it segments Chinese) over a folder; return its error text on failure."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", FOLDER,
                             "--quiet"], capture_output=True, text=True)
    if result.returncode != 0:
        return (result.stderr or result.stdout).strip().splitlines()[-1] if (result.stderr or result.stdout) else \
            f"pagefind exited with status {result.returncode}"
    return None


def keep_index(previous: Path, staging: Staging) -> None:
    """Carry the last index into a new build whose pages did not change."""
    old = previous / FOLDER
    if old.is_dir():
        for path in sorted(p for p in old.rglob("*") if p.is_file()):
            staging.link(path, f"{FOLDER}/{path.relative_to(old).as_posix()}")
