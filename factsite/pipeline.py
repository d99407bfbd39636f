"""The build, stage by stage: load, validate, verify quotes, model, render, feeds and data, check links, write."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factsite import build_model, incremental, refresh
from factsite.load import catalog, provenance, validate, yamlfile
from factsite.load.document import Rec, records
from factsite.load.shape import check_document
from factsite.model import urls
from factsite.model.dates import PartialDate
from factsite.model.records import Site
from factsite.output import cache
from factsite.output.staging import Staging, locked, recover
from factsite.problems import BuildError, Mark, Problem, Problems, display_path
from factsite.publish import files as publish_files
from factsite.quotes import verify
from factsite.render.routes import routes
from factsite.render.templates import Renderer
from factsite.resources import theme


@dataclass
class Options:
    root: Path  # the project: claims.yaml, seeds/, and optionally templates/, static/, locales/
    out: Path
    base_url: str | None = None
    write: bool = True  # False for `check`: stop after verifying quotes
    clean: bool = False  # ignore the build cache
    dev: bool = False  # preview pages for `serve`: they load the error overlay
    jobs: int | None = None  # rendering processes; None: one per core
    search: bool = True  # build the Pagefind index
    extra_files: dict[str, str] = field(default_factory=dict)  # more files to publish (the preview's overlay)
    snapshot: bool = False  # keep what the next build needs to redo only the edited claims (the preview)
    persist: bool = False  # also keep it on disk for the next run, and start from the last run's (`build`)


@dataclass
class Result:
    pages: int = 0
    rendered: int = 0
    written: int = 0
    languages: int = 0
    quotes: int = 0
    claims: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    site: Site | None = None  # the model, for reports such as `check --stale`
    claim_marks: dict[str, Mark] = field(default_factory=dict)  # where each claim is written


@dataclass
class Prepared:
    """A checked, verified model and the digest of everything global it was made from."""

    site: Site
    digest: str
    snapshot: refresh.Snapshot | None = None


class Stages:
    """Times each stage of a build and reports progress: `with stages.timed("render"): …`."""

    def __init__(self, result: Result, progress: Callable[[str], None]):
        self.result = result
        self.progress = progress

    @contextlib.contextmanager
    def timed(self, name: str) -> Iterator[None]:
        self.progress(name)
        start = time.perf_counter()
        try:
            yield
        finally:
            self.result.timings[name] = self.result.timings.get(name, 0) + time.perf_counter() - start


def build_date() -> PartialDate | None:
    """SOURCE_DATE_EPOCH as a date, so reproducible builds print the same edition date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit() or len(epoch) > 12:
        return None
    try:
        day = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return PartialDate(day.year, day.month, day.day)


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


def prepare(opts: Options, stages: Stages) -> Prepared:
    """Load, check and verify everything, then build the model; raise BuildError on any problem."""
    reused = _from_last_run(opts, stages) if opts.persist and not opts.clean else None
    if reused is not None:
        return reused
    problems = Problems()
    path = opts.root / "claims.yaml"
    with stages.timed("load"):
        text = yamlfile.read(path, display_path(path), problems)  # refuses devices, FIFOs, huge files unread
        node = yamlfile.compose(display_path(path), text, problems) if text is not None else None
        if problems:
            raise BuildError(problems)  # without a parse there is nothing more to check
        checked = check_document(display_path(path), node, problems, text or "")
    doc, languages = checked.doc, checked.languages
    if doc is None:
        raise BuildError(problems)
    with stages.timed("validate"):
        validate.check_references(doc, problems)
        provenance.check_publishers(doc, problems)
        provenance.check_urls(checked.urls, provenance.blocklist(doc), problems)
        archives, changed = validate.read_sources(doc, opts.root / "seeds", problems)
        catalogs = catalog.load_catalogs(opts.root, languages, (doc.get("site") or doc).at("languages"), problems)
    with stages.timed("verify quotes"):
        indexes = verify.index_sources(archives)
        converters = list(build_model.converters(languages).values())
        anchors = verify.verify_quotes(doc, indexes, converters, changed, problems)
    if problems:
        raise BuildError(problems)
    if opts.base_url:
        doc["site"]["base_url"] = opts.base_url
    with stages.timed("model"):
        site = build_model.build_site(doc, languages, catalogs, archives, anchors, build_date(), text or "")
    result = stages.result
    result.quotes, result.claims, result.languages = len(anchors), len(site.claims), len(languages)
    result.warnings, result.site = problems.sorted_warnings(), site
    result.claim_marks = {rec["id"]: rec.mark for rec in records(doc, "claims")}
    digest = global_digest(doc, text or "", site, opts)
    snap = refresh.snapshot(text or "", doc, site, digest, indexes, inputs(opts), build_date() is None,
                            bool(result.warnings)) if opts.snapshot or opts.persist else None
    if snap is not None and opts.persist:
        refresh.save(snap, _snapshot_path(opts), cache.code_version())
    return Prepared(site, digest, snap)


def inputs(opts: Options) -> str:
    """What else the model depends on besides claims.yaml: archives, catalogues and the build options."""
    return refresh.inputs_digest(opts.root, opts.base_url or "", str(opts.dev), os.environ.get("SOURCE_DATE_EPOCH", ""))


def _snapshot_path(opts: Options) -> Path:
    return opts.root / ".factsite-cache" / "model.pickle"


def _from_last_run(opts: Options, stages: Stages) -> Prepared | None:
    """The last run's model with only the edited claims redone; None when a full build is needed."""
    path = opts.root / "claims.yaml"
    problems = Problems()
    with stages.timed("load"):
        snap = refresh.load(_snapshot_path(opts), cache.code_version())
        data = yamlfile.read_bytes(path, display_path(path), problems) if snap is not None else None
    if snap is None or data is None:
        return None  # the full build reads the file again and reports what is wrong with it
    with stages.timed("refresh"):
        got = refresh.refresh(snap, data, inputs(opts), display_path(path), problems)
    if problems:
        raise BuildError(problems)
    if got is None:
        return None
    fresh, changed = got
    site = fresh.site
    result = stages.result
    result.quotes, result.claims, result.languages = len(site.quotes()), len(site.claims), len(site.languages)
    result.site, result.claim_marks = site, refresh.marks(fresh, display_path(path))
    if changed:
        refresh.save(fresh, _snapshot_path(opts), cache.code_version())
    return Prepared(site, fresh.digest, fresh)


def global_digest(doc: Rec, text: str, site: Site, opts: Options) -> str:
    """Everything a page may show besides its own records: the YAML outside claims and events, and more."""
    cut = sorted(doc[key].span for key in ("claims", "events") if key in doc)
    outside, at = [], 0
    for start, end in cut:
        outside.append(text[at:start])
        at = end
    outside.append(text[at:])
    shas = ",".join(f"{s.id}={s.sha256}" for s in sorted(site.sources, key=lambda s: s.id))
    strings = repr(sorted((code, sorted(c.items())) for code, c in site.catalogs.items()))
    return cache.combine(cache.code_version(), "".join(outside), shas, strings, site.build_date.iso, site.base_url,
                         str(opts.dev))


def emit(opts: Options, prepared: Prepared, stages: Stages) -> incremental.Plan:
    """Render, add feeds and data, check links and write: everything after the model.

    New files go straight into a staging folder as they are made, so no build holds the site in memory;
    the folder replaces the output only once everything has passed, and is thrown away otherwise."""
    with locked(opts.out):  # also covers saving the cache, and is released in long-lived `serve`
        recover(opts.out)
        plan = incremental.Plan(cache.Manifest.load(opts.root, opts.out, opts.clean), opts.out, Staging(opts.out),
                                clean=opts.clean)
        try:
            _emit(opts, prepared, stages, plan)
        except BaseException:
            plan.staging.discard()
            raise
    return plan


def _emit(opts: Options, prepared: Prepared, stages: Stages, plan: incremental.Plan) -> None:
    site = prepared.site
    with stages.timed("plan"):
        pages = plan.routes = routes(site)
        plan.shards = urls.search_shards(len(site.claims))
        renderer = Renderer(site, theme(opts.root, "templates"), dev=opts.dev)
    with stages.timed("render"):
        incremental.render_pages(plan, pages, renderer, prepared.digest, opts.jobs)
    with stages.timed("feeds and data"):
        plan.add_files({**publish_files(site, pages), **opts.extra_files})
    with stages.timed("static files"):
        plan.add_files(incremental.static_files(theme(opts.root, "static")))
    with stages.timed("check links"):
        incremental.check_links(plan, site)
    with stages.timed("write"):
        incremental.write(plan, stages.result, opts.search and not opts.dev, opts.jobs)
