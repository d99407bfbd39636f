"""The snapshot kept between runs of `build`, in the project's .factsite-cache."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

FORMAT = 1


def save(snap: Any, path: Path, version: str) -> None:
    """Keep the snapshot for the next run. A grandchild process pickles it (a second or two at 10,000 claims)
    while this one goes on: it writes beside the file and renames, so a reader sees the old one or the new."""
    if not hasattr(os, "fork"):
        return  # only a cost: the next build makes the model from scratch
    child = os.fork()
    if child:
        os.waitpid(child, 0)
        return
    try:
        if os.fork() == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
            with open(tmp, "wb") as f:
                pickle.dump((FORMAT, version, snap), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
    finally:
        os._exit(0)


def load(path: Path, version: str, kind: type) -> Any | None:
    """The last run's snapshot, if this version of factsite wrote it; None otherwise.

    The file lives in the project's own .factsite-cache (git-ignored), written by this program: trusted like
    the project's code, and never shipped with the site."""
    try:
        with open(path, "rb") as f:
            fmt, wrote, snap = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        return None  # a missing or damaged snapshot only costs time
    return snap if (fmt, wrote) == (FORMAT, version) and isinstance(snap, kind) else None
