"""The command line: `python build.py [build|check] [options]`."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from factsite import __version__
from factsite.pipeline import Options, build, display_path
from factsite.problems import BuildError

DESCRIPTION = """\
Build the fact-check site: verify every quote in claims.yaml against its archived
source in seeds/, then render the site in Traditional Chinese, Simplified Chinese
and English into site/. A failed build reports every problem as FILE:LINE:COL and
leaves the previous site/ untouched."""

EPILOG = """\
commands:
  build    verify and render the site (the default); only what changed since
           the last build is rendered and written
  check    load, validate and verify quotes; write nothing
  serve    preview on http://127.0.0.1:PORT/ with live reload; rebuilds on every
           change to claims.yaml, seeds/, templates/ or static/ and shows errors
           in the browser while it keeps serving the last good build

exit status: 0 on success, 1 when the input has problems, 2 for bad usage.
environment: SOURCE_DATE_EPOCH fixes the edition date for reproducible builds;
CI (any value) turns off the progress display.
docs: README.md, docs/editing.md (schema), docs/errors.md (every error message)."""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build.py", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", nargs="?", default="build", choices=("build", "check", "serve"),
                   help="what to do (default: build)")
    p.add_argument("--root", type=Path, default=Path("."), metavar="DIR",
                   help="project folder holding claims.yaml, seeds/, templates/, static/ (default: .)")
    p.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help="output folder (default: ROOT/site)")
    p.add_argument("--base-url", metavar="URL",
                   help="absolute URL the site is published at; overrides site.base_url")
    p.add_argument("--clean", action="store_true", help="ignore the build cache and render every page")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="processes that render pages (default: one per core; FACTSITE_JOBS also sets it)")
    p.add_argument("--no-search", action="store_true",
                   help="skip the search index (quicker builds for checking a change; do not publish them)")
    p.add_argument("--port", type=int, default=8000, help="serve: the port to listen on (default: 8000)")
    p.add_argument("--host", default="127.0.0.1",
                   help="serve: the address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    p.add_argument("--version", action="version", version=f"factsite {__version__}")
    return p


class Progress:
    """One updating line on a terminal; silent in CI, in pipes and with --quiet."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.shown = False

    def __call__(self, stage: str) -> None:
        if self.enabled:
            sys.stderr.write(f"\r\033[K{stage}…")
            sys.stderr.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def summary(result) -> str:
    """What a build actually did: pages rendered and files written."""
    if not result.written:
        return "nothing changed"
    return f"{result.rendered} rendered, {result.written} file{'s' * (result.written != 1)} written"


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.base_url and not args.base_url.startswith(("https://", "http://")):
        parser().error(f"--base-url must be an http(s) URL, not {args.base_url!r}")
    if args.command == "serve":
        from factsite.serve import serve  # livereload and tornado load only when serving
        return serve(args)
    out = args.out if args.out is not None else args.root / "site"
    opts = Options(root=args.root, out=out, base_url=args.base_url, write=args.command == "build",
                   clean=args.clean, jobs=args.jobs, search=not args.no_search)
    progress = Progress(sys.stderr.isatty() and not os.environ.get("CI") and not args.quiet)
    start = time.perf_counter()
    try:
        result = build(opts, progress)
    except BuildError as exc:
        progress.clear()
        for problem in exc.problems.sorted():
            print(problem.format(), file=sys.stderr)
        n = len(exc.problems)
        kept = f"; {display_path(out)}/ left as it was" if opts.write else ""
        print(f"factsite: {n} error{'s' * (n != 1)}{kept}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        progress.clear()
        print(f"factsite: interrupted; {display_path(out)}/ left as it was", file=sys.stderr)
        return 130
    progress.clear()
    ms = round((time.perf_counter() - start) * 1000)
    if not args.quiet:
        if opts.write:
            print(f"built {count(result.pages, 'page')} in {count(result.languages, 'language')}, "
                  f"{count(result.quotes, 'quote')} verified, "
                  f"{summary(result)}, {ms} ms → {display_path(out)}/")
        else:
            print(f"checked {count(result.claims, 'claim')}, {count(result.quotes, 'quote')} verified, no problems, "
                  f"{ms} ms")
    return 0
