"""`new-claim`: append a claim skeleton with every required field, in the languages the site's editors write."""

from __future__ import annotations

import argparse
import re
import sys

from factsite.commands.yamledit import append_item, today, write
from factsite.load import yamlfile
from factsite.load.languages import read_languages
from factsite.model.languages import Languages
from factsite.problems import Problems


def _texts(codes: tuple[str, ...]) -> str:
    return "{" + ", ".join(f'{code}: ""' for code in codes) + "}"


def skeleton(ident: str, source: str, languages: Languages) -> str:
    """A claim whose empty fields the build reports one by one, each with its line and a hint."""
    editorial = tuple(lang.code for lang in languages.editorial)
    translated = tuple(lang.code for lang in languages.translated)
    day = today().isoformat()
    lines = [
        f"  - id: {ident}                # becomes the page address; never rename a published claim",
        '    topic: ""                   # an id from site.topics',
        '    verdict: ""                 # an id from site.verdicts',
        f"    claimant: {_texts(editorial)}   # who made the statement we rate",
        '    claimant_type: ""           # person or organization',
        '    date: ""                    # when the statement was made, YYYY-MM-DD',
        f"    claim: {_texts(editorial)}      # the statement we rate, short and neutral",
        f"    rated: {_texts(editorial)}      # one line: exactly which statement the verdict judges",
        "    quotes:",
        f"      - source: {source}",
        '        text: ""                # copy the passage from the archived file, exactly',
    ]
    if translated:
        lines.append(f"        translation: {_texts(translated)}")
    lines += [
        f"    summary: {_texts(editorial)}    # at most three sentences, opening with the verdict",
        f"    reasoning: {_texts(editorial)}  # Markdown: how we checked, with links",
        "    evidence:",
        '      - publisher: ""           # an id from publishers:',
        "        title: {}               # the page's own headline, in its own language",
        '        date: ""',
        '        url: ""',
        f"    checked: {day}             # when its facts were last checked",
        f"    published: {day}",
    ]
    return "\n".join(lines) + "\n"


def new_claim(args: argparse.Namespace) -> int:
    problems = Problems()
    path = args.root / "claims.yaml"
    text = yamlfile.read(path, "claims.yaml", problems)
    node = yamlfile.compose("claims.yaml", text, problems) if text is not None else None
    if problems or text is None or node is None:
        for problem in problems.sorted():
            print(problem.format(), file=sys.stderr)
        print("factsite: claims.yaml must load before a claim can be added; nothing was changed", file=sys.stderr)
        return 1
    languages = read_languages("claims.yaml", node, problems)
    ids = set(re.findall(r"^  - id: ([a-z0-9-]+)", text, re.M))
    if f"  - id: {args.source}" not in text:
        print(f"factsite: no source with id {args.source!r} (see `factsite add-source`)", file=sys.stderr)
        return 1
    ident = args.id or next(name for n in range(1, len(ids) + 2)
                            if (name := "new-claim" if n == 1 else f"new-claim-{n}") not in ids)
    if ident in ids:
        print(f"factsite: the id {ident!r} is taken; choose another with --id", file=sys.stderr)
        return 1
    write(path, append_item(text, "claims", skeleton(ident, args.source, languages)))
    print(f"added claim {ident!r} quoting {args.source!r} to claims.yaml; `factsite check` points at each field "
          f"to fill in")
    return 0
