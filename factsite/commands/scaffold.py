"""`factsite new DIR`: a small working site to start from, which builds at once and passes `factsite check`."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from factsite import __version__
from factsite.commands.yamledit import today
from factsite.resources import packaged

# Files of the starter site, and where they go: names starting with a dot do not survive every packaging step.
LAYOUT = {"claims.yaml": "claims.yaml", "gitignore": ".gitignore", "requirements.txt": "requirements.txt",
          "seeds": "seeds", "dot-github": ".github"}
FILLED = ("claims.yaml", "requirements.txt")  # {today} and {version} are filled in


def new(args: argparse.Namespace) -> int:
    dest: Path = args.dir
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        print(f"factsite: {dest} exists and is not an empty folder; choose a new one", file=sys.stderr)
        return 1
    starter = packaged("starter")
    dest.mkdir(parents=True, exist_ok=True)
    for name, target in LAYOUT.items():
        src = starter / name
        if src.is_dir():
            shutil.copytree(src, dest / target)
        elif name in FILLED:
            text = src.read_text(encoding="utf-8")
            text = text.replace("{today}", today().isoformat()).replace("{version}", __version__)
            (dest / target).write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(src, dest / target)
    print(f"wrote a new site to {dest}/: claims.yaml, seeds/, .gitignore, requirements.txt and "
          f".github/workflows/publish.yml\n"
          f"next: cd {dest} && factsite serve     (preview at http://127.0.0.1:8000/)")
    return 0
