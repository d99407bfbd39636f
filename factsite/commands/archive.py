"""`add-source`: archive an article's text into seeds/; `rehash`: accept a deliberate change to an archive."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys

from factsite.commands.yamledit import append_item, set_scalar, write
from factsite.load import yamlfile
from factsite.load.document import Rec, records
from factsite.load.shape import check_document
from factsite.load.sources import read_file, resolve
from factsite.problems import Mark, Problems, display_path
from factsite.quotes.matcher import SourceIndex


def _fail(problems: Problems) -> int:
    for problem in problems.sorted():
        print(problem.format(), file=sys.stderr)
    print(f"factsite: {len(problems)} error{'s' * (len(problems) != 1)}; nothing was changed", file=sys.stderr)
    return 1


def add_source(args: argparse.Namespace) -> int:
    """Copy the file into seeds/ unchanged and append a sources: entry for it."""
    problems = Problems()
    shown = display_path(args.file)
    archived = read_file(args.file, shown, Mark(shown), problems)  # what the build would refuse, refused now
    ident = args.id or re.sub(r"[^a-z0-9]+", "-", args.file.stem.lower()).strip("-") or "source"
    seeds = args.root / "seeds"
    dest = seeds / args.file.name
    if archived is not None and dest.exists() and dest.resolve() != args.file.resolve():
        problems.add(Mark(shown), "file-unreadable", what=f"seeds/{args.file.name}",
                     reason="a different file of that name is already archived; rename one of them")
    if problems or archived is None:
        return _fail(problems)
    claims = args.root / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    if re.search(rf"^  - id: {re.escape(ident)}\s*$", text, re.M):
        print(f"factsite: a record with id {ident!r} exists already; choose another with --id", file=sys.stderr)
        return 1
    seeds.mkdir(exist_ok=True)
    if dest.resolve() != args.file.resolve():
        shutil.copyfile(args.file, dest)
    empty = '""'
    item = (f"  - id: {ident}\n"
            f"    file: {args.file.name}\n"
            f"    sha256: {archived.sha256}\n"
            f"    title: {{}}                      # the article's own headline, e.g. {{LANG: headline}}\n"
            f"    publisher: {args.publisher or empty}  # an id from publishers:\n"
            f"    date: {args.date or empty}  # the article's date, YYYY-MM-DD\n"
            f"    url: {json.dumps(args.url) if args.url else empty}  # the original's address; delete if unknown\n")
    write(claims, append_item(text, "sources", item))
    lines = archived.text.count("\n") + 1
    print(f"archived {display_path(dest)} ({lines} lines, sha256 {archived.sha256[:12]}…) as source {ident!r}; "
          f"fill in the fields `factsite check` points at in claims.yaml")
    return 0


def rehash(args: argparse.Namespace) -> int:
    """Show which quotes still match a changed archive; with --yes, record its new sha256."""
    problems = Problems()
    path = args.root / "claims.yaml"
    text = yamlfile.read(path, "claims.yaml", problems)
    node = yamlfile.compose("claims.yaml", text, problems) if text is not None else None
    doc = check_document("claims.yaml", node, Problems()).doc if node is not None else None
    if problems or doc is None or text is None:
        return _fail(problems)
    sources = records(doc, "sources")
    found = [(i, rec) for i, rec in enumerate(sources) if rec.get("id") == args.source]
    if not found:
        print(f"factsite: no source with id {args.source!r}", file=sys.stderr)
        return 1
    index, rec = found[0]
    file = resolve(args.root / "seeds", rec.get("file", ""))
    archived = read_file(file, rec["file"], rec.at("file"), problems) if file else None
    if archived is None:
        return _fail(problems)
    if archived.sha256 == rec.get("sha256"):
        print(f"seeds/{rec['file']} is unchanged (sha256 {archived.sha256[:12]}…); nothing to do")
        return 0
    still, broken = _matches(doc, args.source, SourceIndex(archived.text))
    print(f"seeds/{rec['file']} changed since it was archived.")
    for line in still:
        print(f"  still matches: {line}")
    for line in broken:
        print(f"  NO LONGER MATCHES: {line}")
    if not args.yes:
        print("Compare the file with its original before accepting the change; then run again with --yes.")
        return 1 if broken else 0
    write(path, set_scalar(text, ("sources", index, "sha256"), archived.sha256))
    print(f"recorded sha256 {archived.sha256} for {args.source!r}")
    return 1 if broken else 0


def _matches(doc: Rec, source_id: str, index: SourceIndex) -> tuple[list[str], list[str]]:
    from factsite.load.document import iter_quotes

    still: list[str] = []
    broken: list[str] = []
    for quote, owner in iter_quotes(doc):
        if quote.get("source") == source_id and "text" in quote:
            (still if index.find_all(quote["text"]) else broken).append(f"quote at {quote.mark} ({owner})")
    return still, broken
