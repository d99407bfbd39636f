"""The benchmark's report: the runs it measured, and the Markdown tables bench/README.md keeps."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass, field
from pathlib import Path

ROWS = ("cold build", "no-op rebuild", "edit one claim", "edit one template")


@dataclass
class Run:
    """One timed child process and what it reported."""

    tool: str
    row: str
    round: int
    wall: float
    cpu: float
    rss_mib: float
    pages: int = 0  # HTML pages in the finished site
    written: int = 0  # files this run wrote (a cache may keep the rest)
    timings: dict[str, float] = field(default_factory=dict)
    pagefind: float | None = None  # factsite's search indexing, part of its "write" stage
    note: str = ""


def best(runs: list[Run], tool: str, row: str) -> Run | None:
    """The fastest run of a tool and row (each is run once per round)."""
    mine = [r for r in runs if r.tool == tool and r.row == row]
    return min(mine, key=lambda r: r.wall) if mine else None


def fmt(x: float, digits: int = 2) -> str:
    return f"{x:,.{digits}f}"


def main_table(runs: list[Run]) -> str:
    lines = ["| run | tool | wall s | CPU s | peak RSS MiB | pages | files written | ms/page | wall s, every round "
             "| note |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for row in ROWS:
        for tool in ("factsite", "hugo", "hugo+pagefind", "floor"):
            b = best(runs, tool, row)
            if b is None:
                continue
            every = ", ".join(fmt(r.wall) for r in runs if r.tool == tool and r.row == row)
            lines.append(f"| {row} | {tool} | {fmt(b.wall)} | {fmt(b.cpu)} | {fmt(b.rss_mib, 0)} | {b.pages:,} | "
                         f"{b.written:,} | {fmt(1000 * b.wall / max(b.pages, 1), 3)} | {every} | {b.note} |")
    return "\n".join(lines)


def ratio_table(runs: list[Run]) -> str:
    lines = ["| run | wall | wall without Pagefind | CPU | peak RSS | ms/page | wall vs floor |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    floor = best(runs, "floor", "cold build")
    a, b = best(runs, "factsite", "cold build"), best(runs, "hugo+pagefind", "cold build")
    if a is not None and b is not None:  # both with a search index
        lines.append(f"| cold build, both with search (vs Hugo + Pagefind) | {a.wall / b.wall:.2f}× | | "
                     f"{a.cpu / b.cpu:.2f}× | {a.rss_mib / b.rss_mib:.2f}× | | |")
    for row in ROWS:
        a, b = best(runs, "factsite", row), best(runs, "hugo", row)
        if a is None or b is None:
            continue
        per_page = (a.wall / max(a.pages, 1)) / (b.wall / max(b.pages, 1))
        # Hugo's site has no search index; this column takes factsite's Pagefind run out.
        bare = f"{(a.wall - (a.pagefind or 0)) / b.wall:.1f}×"
        vs_floor = f"{a.wall / floor.wall:.0f}× (hugo {b.wall / floor.wall:.0f}×)" if floor else ""
        lines.append(f"| {row} | {a.wall / b.wall:.1f}× | {bare} | {a.cpu / b.cpu:.1f}× | "
                     f"{a.rss_mib / b.rss_mib:.1f}× | {per_page:.1f}× | {vs_floor} |")
    return "\n".join(lines)


def stage_table(runs: list[Run]) -> str:
    """factsite's own stage timings (Result.timings) for the fastest run of each row."""
    chosen = [b for row in ROWS if (b := best(runs, "factsite", row))]
    stages: list[str] = []
    for b in chosen:
        stages += [s for s in b.timings if s not in stages]
    lines = ["| run | " + " | ".join(stages) + " | of which Pagefind | startup + other | wall |",
             "|---|" + "---:|" * (len(stages) + 3)]
    for b in chosen:
        cells = [fmt(b.timings[s]) if s in b.timings else "" for s in stages]
        other = b.wall - sum(b.timings.values())
        pagefind = "" if b.pagefind is None else fmt(b.pagefind)
        lines.append(f"| {b.row} | " + " | ".join(cells) + f" | {pagefind} | {fmt(other)} | {fmt(b.wall)} |")
    return "\n".join(lines)


def machine() -> str:
    """nproc, memory and CPU model, as the README records them."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
               if line.startswith("MemTotal"))
    return f"{os.cpu_count()} CPUs ({model}), {mem / 1024 / 1024:.1f} GiB RAM, Python {platform.python_version()}"
