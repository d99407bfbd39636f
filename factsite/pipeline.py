"""The build, stage by stage: load, validate, verify quotes, model, render, feeds and data, check links, write."""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import content, publish, schema, validate, verify, yamlfile
from .dates import PartialDate
from .links import check_links
from .model import LANGUAGES, Site
from .output import Staging, recover
from .problems import BuildError, Mark, Problems
from .render import Renderer
from .scripts import Scripts


@dataclass
class Options:
    root: Path  # the project: claims.yaml, seeds/, templates/, static/
    out: Path
    base_url: str | None = None
    write: bool = True  # False for `check`: stop after verifying quotes


@dataclass
class Result:
    pages: int = 0
    files: int = 0
    languages: int = len(LANGUAGES)
    quotes: int = 0
    claims: int = 0
    timings: dict[str, float] = field(default_factory=dict)


PROJECT = Path(__file__).resolve().parent.parent


def theme(root: Path, name: str) -> Path:
    """A site's own templates/ or static/, else the ones that ship with factsite."""
    own = root / name
    return own if own.is_dir() else PROJECT / name


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def build_date() -> PartialDate | None:
    """SOURCE_DATE_EPOCH as a date, so reproducible builds print the same edition date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
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
            self.result.timings[name] = time.perf_counter() - start


def load(path: Path, problems: Problems) -> schema.Rec | None:
    """Read claims.yaml and check it against the schema."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(Mark(shown), "file-unreadable", what=shown, reason=getattr(exc, "strerror", None) or str(exc))
        return None
    node = yamlfile.compose(shown, text, problems)
    if problems:
        return None  # without a parse there is nothing more to check
    return schema.check_document(shown, node, problems)


def check(doc: schema.Rec, seeds: Path, problems: Problems):
    """Cross-record checks and the archived sources."""
    validate.check_references(doc, problems)
    validate.check_markdown(doc, problems)
    return validate.read_sources(doc, seeds, problems)


def make_scripts(doc: schema.Rec) -> Scripts:
    site = doc.get("site", {})
    config = site.get("opencc", "t2s") if isinstance(site, dict) else "t2s"
    glossary = tuple((g["zh-Hant"], g["zh-Hans"]) for g in site.get("glossary", ()) if len(g) == 2)
    return Scripts(config if config in ("t2s", "hk2s", "tw2s", "tw2sp") else "t2s", glossary)


def build(opts: Options, progress: Callable[[str], None] = lambda stage: None) -> Result:
    """Build the site, or raise BuildError with every problem found in the input."""
    result = Result()
    stages = Stages(result, progress)
    problems = Problems()
    doc = stages.run("load", load, opts.root / "claims.yaml", problems)
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
    site = stages.run("model", content.build_site, doc, archives, anchors, scripts, build_date())
    result.quotes, result.claims = len(anchors), len(site.claims)
    if not opts.write:
        return result
    pages = stages.run("render", render_pages, site, theme(opts.root, "templates"))
    data = stages.run("feeds and data", publish.files, site)
    stages.run("check links", _check_links, site, pages, set(data) | set(static_files(theme(opts.root, "static"))))
    stages.run("write", write, opts, pages, data, result)
    return result


def render_pages(site: Site, templates: Path) -> dict[str, str]:
    return dict(Renderer(site, templates).pages())


def static_files(static: Path) -> dict[str, Path]:
    if not static.is_dir():
        return {}
    return {f"assets/{p.relative_to(static).as_posix()}": p for p in sorted(static.rglob("*")) if p.is_file()}


def _check_links(site: Site, pages: dict[str, str], files: set[str]) -> None:
    base_path = Renderer.base_path_of(site)
    broken = check_links(pages, files, base_path)
    if broken:
        problems = Problems()
        for page, link in broken:
            problems.add(Mark(f"site/{page}"), "broken-link", value=link)
        raise BuildError(problems)


def write(opts: Options, pages: dict[str, str], data: dict[str, str], result: Result) -> None:
    recover(opts.out)
    staging = Staging(opts.out)
    try:
        for rel, text in sorted({**pages, **data}.items()):
            staging.write(rel, text)
        for rel, path in static_files(theme(opts.root, "static")).items():
            staging.write(rel, path.read_bytes())
        staging.commit()
    except BaseException:
        staging.discard()
        raise
    result.pages = len(pages)
    result.files = staging.written
