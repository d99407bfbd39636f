"""The full-text search index: Pagefind bundles per language and shard, rebuilt only where pages changed.

Pagefind indexes on one core, so one run over a large site is slow and every edit re-indexed all of it.
Instead the searchable pages (those whose template carries `data-pagefind-body`) are split per language
into bundles (`urls.search_bundle`: the claims in K shards, the site's own pages in a small bundle 00,
since the corrections page changes with any claim's update log). Each bundle is a complete Pagefind one at
`pagefind/<lang>/<NN>/`, made by one Pagefind CLI run over a folder of hard links to its pages, a run per
core at a time; a shard whose pages all have the fingerprints they had last time is kept as it is. The
search page loads bundle 00 and merges the others in the browser (`mergeIndex`). Measurements and the
alternatives tried (one run per language, Pagefind's Python API, records from memory): bench/README.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from factsite.model import urls

FOLDER = urls.SEARCH_INDEX.rstrip("/")
SEARCHABLE = ("claim.html", "page.html")  # the templates whose pages carry data-pagefind-body
FORMAT = 1
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-highlight.js")  # Pagefind's own UI, which the search page does not load

Link = Callable[[Path, str], None]  # put an existing file at a path below the output folder


@dataclass
class Bundles:
    """Each bundle's pages and fingerprint, and which bundle comes first in its language."""

    members: dict[str, list[str]]
    firsts: set[str]  # they carry pagefind.js and the WebAssembly; the others are merged into them
    fps: dict[str, str]


def plan(indexed: dict[str, str], k: int) -> Bundles:
    """The bundles for these pages (output path -> input fingerprint)."""
    members: dict[str, list[str]] = {}
    for rel in sorted(indexed):
        members.setdefault(urls.search_bundle(rel, k), []).append(rel)
    langs = {name.split("/")[0] for name in members}
    firsts = {min(n for n in members if n.split("/")[0] == lang) for lang in langs}
    fps = {name: hashlib.blake2b(json.dumps([FORMAT, k, name in firsts, [(r, indexed[r]) for r in rels]]).encode(),
                                 digest_size=12).hexdigest() for name, rels in members.items()}
    return Bundles(members, firsts, fps)


def load_state(path: Path, clean: bool) -> dict[str, dict[str, object]]:
    """What the last build's bundles were made from, and which files on disk they are."""
    if clean:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        shards = data["shards"] if data.get("format") == FORMAT else {}
        return shards if isinstance(shards, dict) else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # a missing or damaged record only costs time


def save_state(path: Path, out: Path, fps: dict[str, str]) -> None:
    """Record each bundle's fingerprint with the stamp of the bundle now in the output folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    data = {name: {"fp": fp, "stamp": stamp(out / FOLDER / name)} for name, fp in sorted(fps.items())}
    tmp.write_text(json.dumps({"format": FORMAT, "shards": data}), encoding="utf-8")
    os.replace(tmp, path)


def stamp(bundle: Path) -> list[int] | None:
    """Which bundle is on disk: its entry file's size and modification time (kept bundles are hard links)."""
    try:
        st = os.stat(bundle / "pagefind-entry.json")
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def build_index(pages: Path, out: Path, previous: Path, link: Link, bundles: Bundles,
                state: dict[str, dict[str, object]], jobs: int,
                child: Callable[[], None] | None = None) -> tuple[str | None, list[str]]:
    """Keep each bundle of `previous` whose fingerprint is unchanged (linked into `out`), build the others from
    the pages under `pages`; return the first error, if any, and the bundles built."""
    dirty = []
    for name, fp in sorted(bundles.fps.items()):
        old = previous / FOLDER / name
        last = state.get(name) or {}
        if last.get("fp") == fp and last.get("stamp") is not None and last.get("stamp") == stamp(old):
            for path in sorted(p for p in old.rglob("*") if p.is_file()):
                link(path, f"{FOLDER}/{name}/{path.relative_to(old).as_posix()}")
        else:
            dirty.append(name)
    work = out / ".pagefind-work"
    dirty.sort(key=lambda name: (-len(bundles.members[name]), name))  # the largest first packs the cores best
    try:
        with ThreadPoolExecutor(max(1, jobs)) as pool:
            errors = [e for e in pool.map(lambda n: _build(pages, out, work, n, bundles, child), dirty) if e]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return (errors[0] if errors else None), dirty


def _build(pages: Path, out: Path, work: Path, name: str, bundles: Bundles,
           child: Callable[[], None] | None) -> str | None:
    """Index one bundle's pages with the Pagefind CLI; return its error text on failure."""
    farm = work / name.replace("/", "-")
    for rel in bundles.members[name]:  # sorted: Pagefind numbers pages in the order it meets them
        (farm / rel).parent.mkdir(parents=True, exist_ok=True)
        os.link(pages / rel, farm / rel)
    dest = out / FOLDER / name
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(farm), "--output-path", str(dest),
                             "--quiet"], capture_output=True, text=True, preexec_fn=child)
    shutil.rmtree(farm, ignore_errors=True)
    if result.returncode != 0:
        text = (result.stderr or result.stdout).strip()
        return text.splitlines()[-1] if text else f"pagefind exited with status {result.returncode}"
    for unused in UNUSED:
        (dest / unused).unlink(missing_ok=True)
    if name not in bundles.firsts:  # the browser takes pagefind.js and the WebAssembly from the first bundle
        (dest / "pagefind.js").unlink(missing_ok=True)
        for wasm in dest.glob("wasm.*.pagefind"):
            wasm.unlink()
    return None
