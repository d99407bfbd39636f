"""Run one factsite build in this process and print its figures as JSON (bench/run.py starts one per run).

python bench/_one.py PROJECT OUT
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("FACTSITE_MAX_YAML_MB", "256")  # the 10,000-claim corpus is 85 MB; read at import
from factsite import pipeline  # noqa: E402
from factsite.problems import BuildError

try:  # factsite versions with a search index run Pagefind inside the "write" stage
    from factsite.publish import search
except ImportError:  # pragma: no cover - older factsite
    search = None


def time_pagefind(spent: list[float]) -> None:
    """Wrap search.build_index so its share of "write" can be reported on its own."""
    original = search.build_index

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    search.build_index = timed


def figures(result: pipeline.Result, pagefind: list[float]) -> dict:
    """What run.py tabulates; older and newer Result fields alike."""
    pages = result.pages
    return {"pages": pages, "rendered": getattr(result, "rendered", pages),
            "written": getattr(result, "written", getattr(result, "files", pages)),
            "timings": dict(result.timings), "pagefind": sum(pagefind) if pagefind else None}


def main(root: str, out: str) -> int:
    pagefind: list[float] = []
    if search is not None and hasattr(search, "build_index"):
        time_pagefind(pagefind)
    try:
        # persist: as `build` runs, starting from the last run's model when only claims changed
        result = pipeline.build(pipeline.Options(root=Path(root), out=Path(out), persist=True))
    except BuildError as exc:
        for problem in exc.problems.sorted():
            print(problem.format(), file=sys.stderr)
        return 1
    print(json.dumps(figures(result, pagefind)))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
