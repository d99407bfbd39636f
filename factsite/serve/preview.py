"""The preview build: a full build first, then quick rebuilds that redo only what an edit touched."""

from __future__ import annotations

import enum
import gc
import json
import threading
import time
from pathlib import Path

from factsite.load import yamlfile
from factsite.pipeline import Options, Result, Stages, emit, prepare
from factsite.problems import BuildError, Problem, Problems, display_path
from factsite.render.templates import Renderer
from factsite.resources import theme
from factsite.serve import live
from factsite.serve.indexer import Indexer

STATUS = "__factsite/errors.json"  # what the overlay reads: the last build's errors, and the search index's state


class ChangeKind(enum.Enum):
    """What an edit touched, and so how much of the build must run again."""

    CONTENT = "content"  # claims.yaml, seeds/ or locales/: load, verify and model again
    TEMPLATES = "templates"  # re-render from the model in memory
    STATIC = "static"  # copy the assets; pages stay as they are


def kind_of(root: Path, path: Path) -> ChangeKind:
    """Route a changed path to the work it needs."""
    rel = path.relative_to(root).parts  # not resolved: templates/ may be a link into the packaged theme
    if rel[:1] == ("templates",):
        return ChangeKind.TEMPLATES
    if rel[:1] == ("static",):
        return ChangeKind.STATIC
    return ChangeKind.CONTENT


class Preview:
    """The preview folder, the memory of its last good build, and its search index kept in the background."""

    def __init__(self, root: Path, base_url: str | None):
        self.root = root
        cache = root / ".factsite-cache"
        self.out = cache / "preview"
        self.search_dir = cache / "preview-search"  # served at /pagefind/, outside the folder a full build swaps
        overlay = (Path(__file__).parent / "overlay.js").read_text(encoding="utf-8")
        self.opts = Options(root=root, out=self.out, base_url=base_url, dev=True, search=False, snapshot=True,
                            extra_files={"__factsite/overlay.js": overlay})
        self.state: live.State | None = None
        self.errors: list[str] = []
        self.lock = threading.Lock()  # one build at a time; the index swaps in between builds
        self.search = Indexer(self)

    def rebuild(self, kind: ChangeKind) -> str:
        """Run what the change needs; return one line for the terminal (and every error above it)."""
        start = time.perf_counter()
        with self.lock:
            try:
                what = self._quick() if kind is ChangeKind.CONTENT and self.state else None
                what = what or self._full(kind)
            except BuildError as exc:
                return self._failed(exc.problems.sorted())
            was_failing, self.errors = bool(self.errors), []
            self.search.wake()  # the index is behind the pages from now until it catches up
            self.status()
        ms = round((time.perf_counter() - start) * 1000)
        return ("fixed: " if was_failing else "") + f"{what} in {ms} ms"

    def _quick(self) -> str | None:
        assert self.state is not None
        path = self.root / "claims.yaml"
        data = yamlfile.read_bytes(path, display_path(path), Problems())  # a full build reports any problem
        done = live.quick(self.state, self.opts, data) if data is not None else None
        if done is None:
            return None
        self.search.follow = True
        names = ", ".join(done.changed[:3]) + (f" and {len(done.changed) - 3} more" if len(done.changed) > 3 else "")
        return (f"{len(done.changed)} claim(s) changed ({names or 'layout only'}): "
                f"{len(done.rendered)} page(s) rendered, {len(done.removed)} removed")

    def _full(self, kind: ChangeKind) -> str:
        result = Result()
        stages = Stages(result, lambda stage: None)
        gc.unfreeze()  # the last model may go now
        gc.disable()  # loading makes millions of lasting objects and little garbage (as in pipeline.build)
        try:
            if kind is ChangeKind.CONTENT or self.state is None:
                prepared = prepare(self.opts, stages)
            else:
                prepared = self.state.prepared
            plan = emit(self.opts, prepared, stages)
            renderer = Renderer(prepared.site, theme(self.root, "templates"), dev=True)
            renderer.warm()  # compile now, so the first quick rebuild is as quick as the rest
            self.state = live.State.after(prepared, plan, renderer)
        finally:
            gc.enable()
            gc.collect()
            # The model stays for many quick rebuilds: out of the collector's sight, a full collection
            # during one of them costs milliseconds instead of a second at 10,000 claims.
            gc.freeze()
        return f"{result.rendered} page(s) rendered, {result.written} file(s) written"

    def _failed(self, problems: list[Problem]) -> str:
        self.errors = [p.format() for p in problems]
        self.status()
        return "\n".join(self.errors) + f"\n{len(self.errors)} error(s); still serving the last good build"

    def status(self) -> None:
        """Write the overlay's status file; it always exists, so the browser never meets a 404 for it."""
        data = {"errors": self.errors, "search": self.search.state}
        live.write(self.out, STATUS, json.dumps(data, ensure_ascii=False).encode("utf-8"))
