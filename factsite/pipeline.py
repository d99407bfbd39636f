"""The build, stage by stage: load, validate, verify quotes, model, render, feeds and data, check links, write."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from factsite import build_model as content
from factsite import publish
from factsite.load import schema, validate, yamlfile
from factsite.model.dates import PartialDate
from factsite.model.records import LANGUAGES, Site
from factsite.output import cache, parallel
from factsite.output import staging as output
from factsite.output.links import check_scans, scan
from factsite.output.staging import Staging, recover
from factsite.problems import BuildError, Mark, Problems
from factsite.publish import search
from factsite.quotes import verify
from factsite.render.templates import Renderer
from factsite.render.views import routes
from factsite.resources import packaged
from factsite.text.chinese import CONFIGS, Scripts


@dataclass
class Options:
    root: Path  # the project: claims.yaml, seeds/, templates/, static/
    out: Path
    base_url: str | None = None
    write: bool = True  # False for `check`: stop after verifying quotes
    clean: bool = False  # ignore the build cache
    dev: bool = False  # preview pages for `serve`: they load the error overlay
    jobs: int | None = None  # rendering processes; None: one per core
    search: bool = True  # build the Pagefind index


@dataclass
class Result:
    pages: int = 0
    rendered: int = 0
    written: int = 0
    languages: int = len(LANGUAGES)
    quotes: int = 0
    claims: int = 0
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class Prepared:
    """A checked, verified model and the digest of everything global it was made from."""

    site: Site
    digest: str


@dataclass
class Plan:
    """What the output folder must hold: files already written to staging, and unchanged ones to keep."""

    written: set[str] = field(default_factory=set)
    keep: set[str] = field(default_factory=set)
    fps: dict[str, str] = field(default_factory=dict)
    scans: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)


def theme(root: Path, name: str) -> list[Path]:
    """Where templates/ or static/ files are looked up: the site's own folder first, then the packaged theme."""
    folders = [root / name, packaged("theme", name)]
    seen: set[Path] = set()
    return [f for f in folders if f.is_dir() and not (f.resolve() in seen or seen.add(f.resolve()))]


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def build_date() -> PartialDate | None:
    """SOURCE_DATE_EPOCH as a date, so reproducible builds print the same edition date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit() or len(epoch) > 12:
        return None
    try:
        day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        return None
    return PartialDate(day.year, day.month, day.day)


class Stages:
    """Runs the stages in order, timing each and reporting progress."""

    def __init__(self, result: Result, progress: Callable[[str], None]):
        self.result = result
        self.progress = progress

    def run(self, name: str, fn, *args):
        self.progress(name)
        start = time.perf_counter()
        try:
            return fn(*args)
        finally:
            self.result.timings[name] = self.result.timings.get(name, 0) + time.perf_counter() - start


def load(path: Path, problems: Problems) -> tuple[schema.Rec | None, str]:
    """Read claims.yaml and check it against the schema."""
    shown = display_path(path)
    text = yamlfile.read(path, shown, problems)  # refuses devices, FIFOs and oversized files before reading
    if text is None:
        return None, ""
    node = yamlfile.compose(shown, text, problems)
    if problems:
        return None, text  # without a parse there is nothing more to check
    return schema.check_document(shown, node, problems), text


def check(doc: schema.Rec, seeds: Path, problems: Problems):
    """Cross-record checks and the archived sources."""
    validate.check_references(doc, problems)
    validate.check_markdown(doc, problems)
    return validate.read_sources(doc, seeds, problems)


def make_scripts(doc: schema.Rec) -> Scripts:
    site = doc.get("site", {})
    config = site.get("opencc", "t2s") if isinstance(site, dict) else "t2s"
    glossary = tuple((g["zh-Hant"], g["zh-Hans"]) for g in site.get("glossary", ()) if len(g) == 2)
    return Scripts(config if config in CONFIGS else "t2s", glossary)


def global_digest(doc: schema.Rec, text: str, archives: dict, site: Site, opts: Options) -> str:
    """Everything a page may show besides its own records: the YAML outside claims and events, and more."""
    cut = sorted(doc[key].span for key in ("claims", "events") if key in doc)
    outside, at = [], 0
    for start, end in cut:
        outside.append(text[at:start])
        at = end
    outside.append(text[at:])
    shas = ",".join(f"{k}={a.sha256}" for k, a in sorted(archives.items()))
    return cache.combine(cache.code_version(), "".join(outside), shas, site.build_date.iso, site.base_url,
                         str(opts.dev))


def prepare(opts: Options, stages: Stages) -> Prepared:
    """Load, check and verify everything, then build the model; raise BuildError on any problem."""
    problems = Problems()
    doc, text = stages.run("load", load, opts.root / "claims.yaml", problems)
    if doc is None:
        raise BuildError(problems)
    archives = stages.run("validate", check, doc, opts.root / "seeds", problems)
    scripts = make_scripts(doc)
    indexes = stages.run("index sources", verify.index_sources, archives)
    anchors = stages.run("verify quotes", verify.verify_quotes, doc, indexes, scripts, problems)
    if problems:
        raise BuildError(problems)
    if opts.base_url:
        doc["site"]["base_url"] = opts.base_url
    site = stages.run("model", content.build_site, doc, archives, anchors, scripts, build_date(), text)
    stages.result.quotes, stages.result.claims = len(anchors), len(site.claims)
    return Prepared(site, global_digest(doc, text, archives, site, opts))


def build(opts: Options, progress: Callable[[str], None] = lambda stage: None) -> Result:
    """Build the site, or raise BuildError with every problem found in the input."""
    result = Result()
    stages = Stages(result, progress)
    # Loading makes millions of long-lived objects and almost no garbage: the cyclic collector would only
    # rescan them. Pause it, then freeze the model so the collections during rendering skip it.
    gc.disable()
    try:
        prepared = prepare(opts, stages)
    finally:
        gc.enable()
    gc.freeze()
    try:
        if opts.write:
            emit(opts, prepared, stages)
    finally:
        gc.unfreeze()
    return result


def emit(opts: Options, prepared: Prepared, stages: Stages) -> None:
    """Render, add feeds and data, check links and write: everything after the model.

    New files go straight into a staging folder as they are made, so no build holds the site in memory;
    the folder replaces the output only once everything has passed, and is thrown away otherwise."""
    with output.locked(opts.out):  # also covers saving the cache, and is released in long-lived `serve`
        _emit(opts, prepared, stages)


def _emit(opts: Options, prepared: Prepared, stages: Stages) -> None:
    recover(opts.out)
    manifest = cache.Manifest.load(opts.root, opts.out, opts.clean)
    plan = Plan()
    staging = Staging(opts.out)
    try:
        templates = theme(opts.root, "templates")
        stages.run("render", render_pages, prepared.site, templates, opts, manifest, prepared.digest, plan, staging)
        stages.run("feeds and data", add_files, publish.files(prepared.site, opts.dev), opts, manifest, plan,
                   staging)
        stages.run("static files", add_files, static_files(theme(opts.root, "static")), opts, manifest, plan,
                   staging)
        stages.run("check links", _check_links, prepared.site, plan)
        stages.run("write", write, opts, plan, manifest, stages.result, staging)
    except BaseException:
        staging.discard()
        raise


def render_pages(site: Site, templates: Path, opts: Options, manifest: cache.Manifest, digest: str,
                 plan: Plan, staging: Staging) -> None:
    """Render each page whose inputs changed since the last build, on every core; keep the others."""
    renderer = Renderer(site, templates, dev=opts.dev)
    jobs: list[tuple[str, tuple]] = []
    for route in routes(site):
        data = cache.route_digest(route.data)
        look = renderer.template_digest(route.template)
        for lang in LANGUAGES:
            rel = renderer.file(route.url(lang))
            _plan_page(plan, manifest, opts.out, rel, cache.combine(digest, look, lang.code, data), jobs, (route, lang))
    for template, url in renderer.NEUTRAL:
        fp = cache.combine(digest, renderer.template_digest(template))
        _plan_page(plan, manifest, opts.out, renderer.file(url), fp, jobs, (template, url))

    def produce(item: tuple[str, tuple]) -> tuple[list[str], list[str]]:
        rel, job = item
        html = renderer.render_job(job)
        staging.write(rel, html)
        return scan(html)

    for (rel, _), links in zip(jobs, parallel.run_all(produce, jobs, parallel.workers(opts.jobs))):
        plan.written.add(rel)
        plan.scans[rel] = links


def _plan_page(plan: Plan, manifest: cache.Manifest, out: Path, rel: str, fp: str, jobs: list, job: tuple) -> None:
    """Keep the page from the last build if its inputs are the same, else queue it for rendering."""
    plan.fps[rel] = fp
    entry = manifest.reusable(out, rel, fp)
    if entry is not None:
        plan.keep.add(rel)
        plan.scans[rel] = (entry["ids"], entry["links"])
    else:
        jobs.append((rel, job))


def add_files(files: dict[str, str | bytes], opts: Options, manifest: cache.Manifest, plan: Plan,
              staging: Staging) -> None:
    """Non-page files: kept when their bytes are what the last build wrote."""
    for rel, data in files.items():
        raw = data.encode("utf-8") if isinstance(data, str) else data
        fp = hashlib.blake2b(raw, digest_size=12).hexdigest()
        plan.fps[rel] = fp
        if manifest.reusable(opts.out, rel, fp) is not None:
            plan.keep.add(rel)
        else:
            staging.write(rel, raw)
            plan.written.add(rel)


def static_files(folders: list[Path]) -> dict[str, bytes]:
    """The theme's assets; a site's own file replaces the packaged one of the same name."""
    out: dict[str, bytes] = {}
    for folder in reversed(folders):
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                out[f"assets/{p.relative_to(folder).as_posix()}"] = p.read_bytes()
    return dict(sorted(out.items()))


def _check_links(site: Site, plan: Plan) -> None:
    files = set(plan.fps)
    broken = check_scans(plan.scans, files, Renderer.base_path_of(site))
    if broken:
        problems = Problems()
        for page, link in broken:
            problems.add(Mark(f"site/{page}"), "broken-link", value=link)
        raise BuildError(problems)


def write(opts: Options, plan: Plan, manifest: cache.Manifest, result: Result, staging: Staging) -> None:
    """Complete the staging folder with the kept files (hard links) and swap it in; no change, no swap."""
    wanted = set(plan.fps)
    result.pages = len(plan.scans)
    result.rendered = sum(1 for rel in plan.written if rel in plan.scans)
    if not plan.written and wanted == set(manifest.entries) and opts.out.is_dir():
        staging.discard()
        return
    for rel in sorted(plan.keep):
        staging.link(opts.out / rel, rel)
    _search(opts, plan, staging)
    staging.commit()
    result.written = len(plan.written)
    manifest.save({rel: _entry(opts.out, rel, plan) for rel in sorted(wanted)})


def _search(opts: Options, plan: Plan, staging: Staging) -> None:
    """Index the pages when any changed; previews skip it to keep reloads fast."""
    if opts.dev or not opts.search:
        return
    if any(rel.endswith(".html") for rel in plan.written) or not (opts.out / search.FOLDER).is_dir():
        failure = search.build_index(staging.root)
        if failure:
            problems = Problems()
            problems.add(Mark(display_path(opts.out)), "search-index", reason=failure)
            raise BuildError(problems)
    else:
        search.keep_index(opts.out, staging)


def _entry(out: Path, rel: str, plan: Plan) -> dict:
    st = os.stat(out / rel)
    entry = {"fp": plan.fps[rel], "size": st.st_size, "mtime": st.st_mtime_ns}
    if rel in plan.scans:
        entry["ids"], entry["links"] = plan.scans[rel]
    return entry
