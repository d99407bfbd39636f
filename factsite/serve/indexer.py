"""The preview's background work: the feeds and open data after a quick rebuild, and the search index.

The index is built as `build` builds it (bundles per language and shard; only the bundles whose pages
changed are made again) into a folder beside the served one, and the two are swapped. Pagefind runs at
low priority and dies with the preview, however the preview ends.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import sys
import threading
from pathlib import Path
from typing import Protocol

from factsite.model import urls
from factsite.output.staging import exchange
from factsite.pipeline import Options
from factsite.publish import search
from factsite.serve import live


class Preview(Protocol):
    """What the indexer needs of the preview it works for."""

    state: live.State | None
    opts: Options
    lock: threading.Lock
    out: Path
    search_dir: Path

    def status(self) -> None: ...


class Indexer(threading.Thread):
    """Brings the feeds, open data and search index up to date after each rebuild, off the critical path."""

    def __init__(self, preview: Preview):
        super().__init__(name="factsite-search", daemon=True)
        self.preview = preview
        self.wanted = threading.Event()
        self.state = "behind"  # "current" once the index holds the last build's pages; "failed"
        self.follow = False  # the last rebuild was quick: the feeds and data wait for this thread
        self.bundles: dict[str, dict[str, object]] = {}  # the served bundles' fingerprints and stamps

    def wake(self) -> None:
        self.state = "behind"
        self.wanted.set()

    def run(self) -> None:
        while True:
            self.wanted.wait()
            failure = self.catch_up()
            if failure:
                print(f"search index: {failure}", file=sys.stderr, flush=True)

    def catch_up(self, search: bool = True) -> str | None:
        """Write the files a quick rebuild left for later, then index the pages; the error text on failure."""
        self.wanted.clear()  # a rebuild from now on asks again
        state = self.preview.state
        if self.follow and state is not None:
            self.follow = False
            live.follow_up(state, self.preview.opts, self.preview.lock)
        if not search:
            return None
        failure = self.index()
        with self.preview.lock:
            if not self.wanted.is_set():
                self.state = "failed" if failure else "current"
            self.preview.status()
        return failure

    def index(self) -> str | None:
        """Make the bundles whose pages changed beside the served index, then swap the two folders."""
        state = self.preview.state
        if state is None:
            return None
        languages = state.prepared.site.languages
        searchable = [urls.file_of(r.url(lang)) for r in state.routes.pages if r.template in search.SEARCHABLE
                      for lang in languages]
        bundles = search.plan({rel: state.fps[rel] for rel in searchable if rel in state.fps},
                              urls.search_shards(len(state.prepared.site.claims)))
        target = self.preview.search_dir
        fresh = target.with_name(target.name + ".next")
        shutil.rmtree(fresh, ignore_errors=True)
        failure, _ = search.build_index(self.preview.out, fresh, target, _linker(fresh), bundles, self.bundles, 1,
                                        _background)
        if failure:
            shutil.rmtree(fresh, ignore_errors=True)
            return failure
        (fresh / search.FOLDER).mkdir(parents=True, exist_ok=True)
        if target.is_dir() and exchange(fresh, target):
            shutil.rmtree(fresh, ignore_errors=True)
        else:
            shutil.rmtree(target, ignore_errors=True)
            fresh.rename(target)
        self.bundles = {name: {"fp": fp, "stamp": search.stamp(target / search.FOLDER / name)}
                        for name, fp in bundles.fps.items()}
        return None


def _linker(root: Path) -> search.Link:
    def link(path: Path, rel: str) -> None:
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, dest)
    return link


def _background() -> None:
    """In Pagefind's process: the index waits for the editor's next rebuild, and ends with the preview."""
    os.nice(10)
    if _prctl is not None:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


_PR_SET_PDEATHSIG = 1
try:
    _prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform.startswith("linux") else None
except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
    _prctl = None
