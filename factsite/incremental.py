"""Incremental output: render and write only what changed since the last build, keep the rest by hard link."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factsite.model import urls
from factsite.model.languages import Lang
from factsite.model.records import Site
from factsite.output import cache, parallel
from factsite.output.links import check_scans, scan
from factsite.output.staging import Staging
from factsite.problems import BuildError, Mark, Problems, display_path
from factsite.publish import search
from factsite.render.routes import Routes
from factsite.render.templates import Job, Renderer
from factsite.render.views import Route

Scan = tuple[list[str], list[str]]  # the ids a page defines and the links it makes


@dataclass
class Plan:
    """What the output folder must hold: files written to staging, unchanged ones to keep, and who made each."""

    manifest: cache.Manifest
    out: Path
    staging: Staging
    written: set[str] = field(default_factory=set)
    keep: set[str] = field(default_factory=set)
    fps: dict[str, str] = field(default_factory=dict)
    scans: dict[str, Scan] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)
    routes: Routes | None = None  # the route table the pages came from
    indexed: dict[str, str] = field(default_factory=dict)  # the pages the search index holds: their fingerprints
    shards: int = 1  # search index shards per language
    clean: bool = False  # rebuild everything, the search index included

    def claim(self, rel: str, owner: str) -> None:
        """Reserve an output path; two outputs for one path is a bug in factsite, never silently resolved."""
        if rel in self.owners:
            problems = Problems()
            problems.add(Mark(rel), "output-clash", path=rel, first=self.owners[rel], second=owner)
            raise BuildError(problems)
        self.owners[rel] = owner

    def page(self, rel: str, fp: str, owner: str) -> bool:
        """Record a page's inputs; True when it must be rendered, False when the last build's file stands."""
        self.claim(rel, owner)
        self.fps[rel] = fp
        entry = self.manifest.reusable(self.out, rel, fp)
        if entry is None:
            return True
        self.keep.add(rel)
        self.scans[rel] = (entry["ids"], entry["links"])
        return False

    def add_files(self, files: dict[str, str | bytes]) -> None:
        """Non-page files: kept when their bytes are what the last build wrote."""
        for rel, data in files.items():
            self.claim(rel, "published file")
            raw = data.encode("utf-8") if isinstance(data, str) else data
            fp = file_fingerprint(raw)
            self.fps[rel] = fp
            if self.manifest.reusable(self.out, rel, fp) is not None:
                self.keep.add(rel)
            else:
                self.staging.write(rel, raw)
                self.written.add(rel)


def file_fingerprint(raw: bytes) -> str:
    """What a non-page file was made from: its bytes."""
    return hashlib.blake2b(raw, digest_size=12).hexdigest()


def page_fingerprint(digest: str, renderer: Renderer, route: Route, lang: Lang, data: str | None = None) -> str:
    """What a page in one language is made from: the site's global inputs, its templates and its data."""
    data = cache.route_digest(route.data) if data is None else data
    return cache.combine(digest, renderer.template_digest(route.template), lang.code, data)


def render_pages(plan: Plan, routes: Routes, renderer: Renderer, digest: str, jobs: int | None) -> None:
    """Render each page whose inputs changed since the last build, on every core; keep the others."""
    todo: list[tuple[str, Job]] = []
    for route in routes.pages:
        data = cache.route_digest(route.data)
        for lang in renderer.site.languages:
            url = route.url(lang)
            rel = urls.file_of(url)
            if plan.page(rel, page_fingerprint(digest, renderer, route, lang, data), f"{route.template} ({url})"):
                todo.append((rel, Job(route, lang)))
            if route.template in search.SEARCHABLE:
                plan.indexed[rel] = plan.fps[rel]
    for neutral in routes.neutral:
        fp = cache.combine(digest, renderer.template_digest(neutral.template))
        rel = urls.file_of(neutral.url(None))
        if plan.page(rel, fp, neutral.template):
            todo.append((rel, Job(neutral, None)))

    def produce(item: tuple[str, Job]) -> Scan:
        rel, job = item
        html = renderer.render(job)
        plan.staging.write(rel, html)
        return scan(html)

    for (rel, _), links in zip(todo, parallel.run_all(produce, todo, parallel.workers(jobs)), strict=True):
        plan.written.add(rel)
        plan.scans[rel] = links


def static_files(folders: list[Path]) -> dict[str, str | bytes]:
    """The theme's assets; a site's own file replaces the packaged one of the same name."""
    out: dict[str, str | bytes] = {}
    for folder in reversed(folders):
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                out[urls.asset(p.relative_to(folder).as_posix())] = p.read_bytes()
    return dict(sorted(out.items()))


def check_links(plan: Plan, site: Site) -> None:
    """Every internal link of every page resolves to a file and, with a #fragment, to an id in it.

    The pages kept from the last build were checked then: while no file went and no page lost an id, their
    links still resolve, and only the pages written now are checked."""
    before = plan.manifest.entries
    lost = not before or any(rel not in plan.fps for rel in before) or any(
        not set(before[rel].get("ids", ())) <= set(plan.scans[rel][0])
        for rel in plan.written if rel in plan.scans and rel in before)
    checked = plan.scans if lost else {rel: plan.scans[rel] for rel in plan.written if rel in plan.scans}
    broken = check_scans(checked, set(plan.fps), urls.base_path(site.base_url), plan.scans)
    if broken:
        problems = Problems()
        for page, link in broken:
            problems.add(Mark(f"site/{page}"), "broken-link", value=link)
        raise BuildError(problems)


def write(plan: Plan, result: Any, search_index: bool, jobs: int | None) -> None:
    """Complete the staging folder with the kept files (hard links) and the search index, and swap it in;
    no change, no swap."""
    wanted = set(plan.fps)
    result.pages = len(plan.scans)
    result.rendered = sum(1 for rel in plan.written if rel in plan.scans)
    bundles = search.plan(plan.indexed, plan.shards) if search_index else None
    state = search.load_state(search_state(plan.manifest), plan.clean)
    if (not plan.written and wanted == set(plan.manifest.entries) and plan.out.is_dir()
            and (bundles is None or {n: s.get("fp") for n, s in state.items()} == bundles.fps)):
        plan.staging.discard()
        return
    for rel in sorted(plan.keep):
        plan.staging.link(plan.out / rel, rel)
    if bundles is not None:
        failure, _ = search.build_index(plan.staging.root, plan.staging.root, plan.out, plan.staging.link, bundles,
                                        state, parallel.workers(jobs))
        if failure:
            problems = Problems()
            problems.add(Mark(display_path(plan.out)), "search-index", reason=failure)
            raise BuildError(problems)
    plan.staging.commit()
    result.written = len(plan.written)
    plan.manifest.save({rel: _entry(plan, rel) for rel in sorted(wanted)})
    if bundles is not None:
        search.save_state(search_state(plan.manifest), plan.out, bundles.fps)


def search_state(manifest: cache.Manifest) -> Path:
    """Where the search bundles' fingerprints are kept, beside the manifest of the same output folder."""
    return manifest.path.with_name(manifest.path.name.replace("manifest-", "search-", 1))


def _entry(plan: Plan, rel: str) -> dict[str, Any]:
    st = os.stat(plan.out / rel)
    entry: dict[str, Any] = {"fp": plan.fps[rel], "size": st.st_size, "mtime": st.st_mtime_ns}
    if rel in plan.scans:
        entry["ids"], entry["links"] = plan.scans[rel]
    return entry
