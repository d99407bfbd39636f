"""The command line: `python build.py [COMMAND] [options]`, `factsite` once installed."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from factsite import __version__
from factsite.pipeline import Options, Result, build
from factsite.problems import BuildError, Problem, display_path

DESCRIPTION = """\
Build a fact-check site: verify every quote in claims.yaml against its archived source
in seeds/, then render the site in every language site.languages lists (by default
Traditional Chinese, Simplified Chinese derived with OpenCC, and English) into site/.
A failed build reports every problem as FILE:LINE:COL with a hint and leaves the
previous site/ untouched."""

EPILOG = """\
exit status: 0 on success, 1 when the input has problems, 2 for bad usage.
environment: SOURCE_DATE_EPOCH fixes the edition date (and "today" for --stale);
CI (any value) turns off the progress display; FACTSITE_JOBS sets --jobs;
FACTSITE_MAX_YAML_MB raises the 8 MB limit on claims.yaml.
docs: README.md, docs/editing.md (every field), docs/errors.md (every message)."""

COMMANDS = ("build", "check", "serve", "new", "add-source", "new-claim", "rehash")
MAX_SHOWN = 50  # errors printed for one run; a hostile file can have thousands


def program() -> str:
    """The name this program was started by: `build.py` in a checkout, `factsite` once installed."""
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "build.py" if name == "build.py" else "factsite"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=program(), description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"factsite {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=Path("."), metavar="DIR",
                        help="project folder holding claims.yaml and seeds/ (default: .)")
    common.add_argument("-q", "--quiet", action="store_true", help="print only errors and warnings")
    sub = p.add_subparsers(dest="command", metavar="COMMAND",
                           description=f"build is the default; `{program()} COMMAND --help` shows a command's options")
    b = sub.add_parser("build", parents=[common], help="verify and render the site (the default)",
                       description="Verify every quote and render the site; only pages whose inputs changed since "
                                   "the last build are rendered and written.")
    b.add_argument("--out", type=Path, default=None, metavar="DIR", help="output folder (default: ROOT/site)")
    b.add_argument("--base-url", metavar="URL", help="absolute URL the site is published at; overrides "
                                                     "site.base_url")
    b.add_argument("--clean", action="store_true",
                   help="ignore the build cache: read, check and render everything again")
    b.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="processes that render pages (default: one per core)")
    b.add_argument("--no-search", action="store_true",
                   help="skip the search index (quicker builds for checking a change; do not publish them)")
    c = sub.add_parser("check", parents=[common], help="load, validate and verify quotes; write nothing",
                       description="Check everything a build checks, without writing anything.")
    c.add_argument("--stale", type=int, metavar="DAYS",
                   help="also list the claims whose facts were last checked more than DAYS days ago, oldest first")
    s = sub.add_parser("serve", parents=[common], help="preview with live reload",
                       description="Build a preview into ROOT/.factsite-cache/preview/ (without the search index) "
                                   "and serve it; every save of claims.yaml, seeds/, templates/, static/ or locales/ "
                                   "rebuilds what changed and reloads the open pages. Errors show in the browser "
                                   "and the terminal while the last good preview stays up.")
    s.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
    s.add_argument("--host", default="127.0.0.1", help="the address to bind (default: 127.0.0.1, this machine only)")
    s.add_argument("--base-url", metavar="URL", help="overrides site.base_url in the preview")
    n = sub.add_parser("new", help="start a new site in a folder",
                       description="Write a small working site to start from: claims.yaml with the site settings, "
                                   "the verdict scale, a topic, a publisher, one archived source in seeds/ and one "
                                   "claim quoting it, a .gitignore and a GitHub Pages workflow.")
    n.add_argument("dir", type=Path, help="the folder to create (it must not exist, or be empty)")
    a = sub.add_parser("add-source", parents=[common], help="archive a text file into seeds/",
                       description="Copy an article's text into seeds/ unchanged (refusing what the build would "
                                   "refuse), record its sha256, and append a sources: entry whose empty fields the "
                                   "build points at until you fill them in.")
    a.add_argument("file", type=Path, help="the article as UTF-8 plain text")
    a.add_argument("--id", help="the source's id (default: from the file name)")
    a.add_argument("--publisher", help="a publisher id from publishers:")
    a.add_argument("--date", help="the article's date, YYYY-MM-DD")
    a.add_argument("--url", help="the original article's address")
    nc = sub.add_parser("new-claim", parents=[common], help="append a claim skeleton quoting a source",
                        description="Append a claim with every required field, in every language the site's "
                                    "editors write; the build points at each field until it is filled in.")
    nc.add_argument("--source", required=True, help="the id of the archived source the claim quotes")
    nc.add_argument("--id", help="the claim's id (default: new-claim, new-claim-2, …)")
    r = sub.add_parser("rehash", parents=[common], help="accept a changed archive after comparing it with the "
                                                       "original",
                       description="When an archived file changed on purpose (a transcription error corrected "
                                   "against the original), show which quotes still match it and, with --yes, "
                                   "record its new sha256.")
    r.add_argument("source", help="the source id")
    r.add_argument("--yes", action="store_true", help="record the new sha256 (after comparing with the original)")
    return p


VALUED = ("--root", "--out", "--base-url", "--jobs", "--port", "--host", "--id", "--publisher", "--date", "--url",
          "--source", "--stale")  # options that take a value, so the word after them is not a command


def parse(argv: list[str] | None) -> argparse.Namespace:
    """Arguments, with `build` as the command when none is named (`build.py --clean` builds), and the command
    found wherever it stands (`build.py --root DIR check` checks)."""
    args = list(sys.argv[1:] if argv is None else argv)
    at = next((i for i, a in enumerate(args) if a in COMMANDS and (i == 0 or args[i - 1] not in VALUED)), None)
    if at is not None:
        args.insert(0, args.pop(at))
    elif not any(a in ("-h", "--help", "--version") for a in args[:1]):
        args.insert(0, "build")
    return parser().parse_args(args)


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


def report(errors: list[Problem], warnings: list[Problem]) -> None:
    """Every warning, then the errors (root causes first), at most MAX_SHOWN of them."""
    for problem in warnings:
        print(problem.format(), file=sys.stderr)
    for problem in errors[:MAX_SHOWN]:
        print(problem.format(), file=sys.stderr)
    if len(errors) > MAX_SHOWN:
        print(f"… and {len(errors) - MAX_SHOWN} more errors: fix these first", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if getattr(args, "base_url", None) and not args.base_url.startswith(("https://", "http://")):
        parser().error(f"--base-url must be an http(s) URL, not {args.base_url!r}")
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {"build": run_build, "check": run_build}
    if args.command in ("new", "add-source", "new-claim", "rehash"):
        from factsite import commands  # only the editing commands need it
        handlers.update(commands.HANDLERS)
    elif args.command == "serve":
        from factsite.serve import serve  # livereload and tornado load only when serving
        handlers["serve"] = serve
    return handlers[args.command](args)


def run_build(args: argparse.Namespace) -> int:
    """`build` and `check`: one line saying what was done, or every problem and exit status 1."""
    writing = args.command == "build"
    out = (args.out if writing and args.out is not None else args.root / "site")
    opts = Options(root=args.root, out=out, base_url=getattr(args, "base_url", None), write=writing,
                   clean=getattr(args, "clean", False), jobs=getattr(args, "jobs", None),
                   search=not getattr(args, "no_search", False), persist=writing)
    progress = Progress(sys.stderr.isatty() and not os.environ.get("CI") and not args.quiet)
    start = time.perf_counter()
    try:
        result = build(opts, progress)
    except BuildError as exc:
        progress.clear()
        report(exc.problems.sorted(), exc.problems.sorted_warnings())
        n = len(exc.problems)
        kept = f"; {display_path(out)}/ left as it was" if writing else ""
        print(f"factsite: {count(n, 'error')}{kept}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        progress.clear()
        print(f"factsite: interrupted; {display_path(out)}/ left as it was", file=sys.stderr)
        return 130
    progress.clear()
    report([], result.warnings)
    ms = round((time.perf_counter() - start) * 1000)
    if not args.quiet:
        print(summary(result, ms, display_path(out) if writing else None))
    if not writing and args.stale is not None:
        from factsite.commands.stale import print_stale
        print_stale(result, args.stale)
    return 0


def summary(result: Result, ms: int, out: str | None) -> str:
    """What a build or check did, in one line."""
    verified = f"{count(result.quotes, 'quote')} verified"
    warned = f", {count(len(result.warnings), 'warning')}" if result.warnings else ""
    if out is None:
        return f"checked {count(result.claims, 'claim')}, {verified}, no errors{warned}, {ms} ms"
    did = (f"{result.rendered} rendered, {count(result.written, 'file')} written" if result.written
           else "nothing changed")
    return (f"built {count(result.pages, 'page')} in {count(result.languages, 'language')}, {verified}, {did}"
            f"{warned}, {ms} ms → {out}/")
