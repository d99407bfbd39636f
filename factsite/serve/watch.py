"""Notice edits within a few tens of milliseconds: a polling loop over the few paths a preview depends on.

livereload's own watcher polls every 800 ms and then waits before reloading; this one looks every
POLL seconds, which costs a few stat calls per look (seeds/ is read less often: it can hold thousands
of files and is edited rarely), and hands each settled change to a callback on its own thread.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

POLL = 0.02  # seconds between looks at the small paths
SLOW_EVERY = 8  # look at the large folders every this many polls
SETTLE = 0.02  # seconds of quiet before a change is handed on: a save that writes twice is one change
WRITE_RATE = 1e9  # bytes a second an editor's save is assumed to write at least: an 85 MB file gets 85 ms more
Stamp = dict[str, tuple[int, int]]


def stamp(path: Path) -> Stamp:
    """Size and modification time of a file, or of every file under a folder."""
    out: Stamp = {}
    try:
        if path.is_file():
            st = path.stat()
            return {str(path): (st.st_size, st.st_mtime_ns)}
        stack = [str(path)] if path.is_dir() else []
        while stack:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    if entry.is_dir():
                        stack.append(entry.path)
                    elif entry.is_file():
                        st = entry.stat()
                        out[entry.path] = (st.st_size, st.st_mtime_ns)
    except OSError:
        pass  # removed while we looked: the next look sees the result
    return out


class Watcher(threading.Thread):
    """Calls `changed(paths)` with the watched paths that changed, once their files have settled."""

    def __init__(self, fast: list[Path], slow: list[Path], changed: Callable[[list[Path]], None]):
        super().__init__(name="factsite-watch", daemon=True)
        self.fast, self.slow, self.changed = fast, slow, changed
        self.stopped = threading.Event()
        self.stamps = {p: stamp(p) for p in fast + slow}

    def run(self) -> None:
        polls = 0
        while not self.stopped.wait(POLL):
            polls += 1
            looked = self.fast + (self.slow if polls % SLOW_EVERY == 0 else [])
            moved = [p for p in looked if stamp(p) != self.stamps[p]]
            if moved:
                self._settle(moved)
                self.changed(moved)

    def _settle(self, moved: list[Path]) -> None:
        """Wait until the changed paths stay still (at most two seconds). An editor that saves in place empties
        the file first and writes it after: an empty file, or a large one, is given longer to be written."""
        deadline = time.monotonic() + 2.0
        now = {p: stamp(p) for p in moved}
        while time.monotonic() < deadline:
            sizes = [size for st in now.values() for size, _ in st.values()]
            emptied = any(p.is_file() and not sizes_of(now[p]) for p in moved)
            time.sleep(SETTLE + sum(sizes) / WRITE_RATE)
            again = {p: stamp(p) for p in moved}
            if again == now and not emptied:
                break
            now = again
        self.stamps.update(now)


def sizes_of(st: Stamp) -> int:
    return sum(size for size, _ in st.values())
