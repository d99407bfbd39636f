"""The preview's memory between edits: after a change to a few claims, only their pages are made again.

A full build leaves its model, route table and every output file's fingerprint here. When the next
edit changes claims only (see `factsite.refresh`), the groups of pages those claims appear in are
planned again, the pages whose fingerprint moved are rendered and written in place, and their links
are checked; the feeds, open data and search index follow in the background (`preview.Indexer`). The files
are then exactly what a clean build makes, which the tests check byte for byte.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from factsite import incremental, refresh
from factsite.model import urls
from factsite.model.languages import Languages
from factsite.model.records import Site
from factsite.output import cache
from factsite.output.links import check_scans, scan
from factsite.pipeline import Options, Prepared, inputs
from factsite.problems import BuildError, Mark, Problems, display_path
from factsite.publish import files as publish_files
from factsite.render import routes
from factsite.render.routes import Key, Routes
from factsite.render.templates import Job, Renderer
from factsite.render.views import Route

Scan = incremental.Scan


@dataclass
class State:
    """The preview folder as the last build left it, and what it was made from."""

    prepared: Prepared
    routes: Routes
    renderer: Renderer
    fps: dict[str, str]  # output path → what it was made from (pages and every other file)
    scans: dict[str, Scan]  # page → ids and links
    files: dict[Key, list[str]] = field(default_factory=dict)  # group → its pages' output paths

    @classmethod
    def after(cls, prepared: Prepared, plan: incremental.Plan, renderer: Renderer) -> State:
        assert plan.routes is not None
        state = cls(prepared, plan.routes, renderer, dict(plan.fps), dict(plan.scans))
        state.files = {key: _paths(group, prepared.site.languages) for key, group in plan.routes.groups.items()}
        return state


@dataclass
class Update:
    """What one quick rebuild did, and how long each step took."""

    changed: list[str]  # the claims edited
    rendered: list[str] = field(default_factory=list)  # pages written again
    removed: list[str] = field(default_factory=list)  # pages no longer part of the site
    timings: dict[str, float] = field(default_factory=dict)


def _paths(group: list[Route], languages: Languages) -> list[str]:
    return [urls.file_of(route.url(lang)) for route in group for lang in languages]


def quick(state: State, opts: Options, data: bytes) -> Update | None:
    """Rebuild after an edit to claims.yaml that only changed claims; None when a full build is needed.

    Raises BuildError, leaving the state and the folder as they were, when the edited claims have problems."""
    snap = state.prepared.snapshot
    if snap is None:
        return None
    clock = Clock()
    problems = Problems()
    got = refresh.refresh(snap, data, inputs(opts), display_path(opts.root / "claims.yaml"), problems)
    if problems:
        raise BuildError(problems)
    if got is None:
        return None
    fresh, changed = got
    update = Update(changed, timings=clock.lap("model"))
    site = fresh.site
    ctx = routes.context(site, state.routes.context, changed)
    touched = routes.affected(snap.site, site, changed)
    order = routes.keys(ctx)
    new = {key for key in order if key in touched or key not in state.routes.groups}
    groups = {key: routes.build(ctx, key) if key in new else state.routes.groups[key] for key in order}
    renderer = state.renderer.use(site)
    files = {key: _paths(groups[key], site.languages) for key in new}
    gone = {rel for key in state.files.keys() - (groups.keys() - new) for rel in state.files[key]}
    gone -= {rel for paths in files.values() for rel in paths}
    fps = dict(state.fps)
    todo = _plan(fps, [r for key in new for r in groups[key]], fresh.digest, renderer)
    clock.lap("plan")
    pages = {rel: renderer.render(job) for rel, job in todo}
    clock.lap("render")
    scans = dict(state.scans)
    for rel in gone:
        fps.pop(rel, None)
        scans.pop(rel, None)
    scans.update({rel: scan(html) for rel, html in pages.items()})
    lost = gone or any(not set(state.scans[rel][0]) <= set(scans[rel][0]) for rel in pages if rel in state.scans)
    _check_links(scans if lost else {rel: scans[rel] for rel in pages}, set(fps), site, scans)
    clock.lap("check links")
    for rel, html in pages.items():
        write(opts.out, rel, html.encode("utf-8"))
    for rel in sorted(gone):
        (opts.out / rel).unlink(missing_ok=True)
    clock.lap("write")
    state.prepared = Prepared(site, fresh.digest, fresh)
    state.routes = Routes([r for group in groups.values() for r in group], state.routes.neutral, groups, ctx)
    state.renderer, state.fps, state.scans = renderer, fps, scans
    state.files = {key: files[key] if key in new else state.files[key] for key in groups}
    update.rendered, update.removed = sorted(pages), sorted(gone)
    return update


def _plan(fps: dict[str, str], planned: list[Route], digest: str, renderer: Renderer) -> list[tuple[str, Job]]:
    """The pages whose fingerprint moved; `fps` gets every planned page's new one."""
    todo = []
    for route in planned:
        data = cache.route_digest(route.data)
        for lang in renderer.site.languages:
            rel = urls.file_of(route.url(lang))
            fp = incremental.page_fingerprint(digest, renderer, route, lang, data)
            if fps.get(rel) != fp:
                todo.append((rel, Job(route, lang)))
            fps[rel] = fp
    return todo


class Clock:
    """Seconds per step, for the terminal line and the benchmark."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, name: str) -> dict[str, float]:
        now = time.perf_counter()
        self.timings[name] = now - self.last
        self.last = now
        return self.timings


def _check_links(scans: dict[str, Scan], files: set[str], site: Site, pages: dict[str, Scan]) -> None:
    """The written pages' links (every page's, when a file went or a page lost an id), against every page."""
    broken = check_scans(scans, files, urls.base_path(site.base_url), pages)
    if broken:
        problems = Problems()
        for page, link in broken:
            problems.add(Mark(f"site/{page}"), "broken-link", value=link)
        raise BuildError(problems)


def write(out: Path, rel: str, data: bytes) -> None:
    """Replace one file at once: the server never sends half a page."""
    path = out / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def follow_up(state: State, opts: Options, lock: threading.Lock) -> list[str]:
    """The files that follow the pages (feeds, sitemaps, open data): write those whose bytes changed.

    They are made from the state as it was when called, outside the lock, so an edit arriving meanwhile is
    not kept waiting; they are written only if no rebuild came in between (it will call again)."""
    site, table = state.prepared.site, state.routes
    made = publish_files(site, table) | opts.extra_files
    written: list[str] = []
    with lock:
        if state.prepared.site is not site:
            return written
        for rel, data in made.items():
            raw = data.encode("utf-8") if isinstance(data, str) else data
            fp = incremental.file_fingerprint(raw)
            if state.fps.get(rel) != fp:
                write(opts.out, rel, raw)
                state.fps[rel] = fp
                written.append(rel)
    return written
