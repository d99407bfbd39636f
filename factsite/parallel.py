"""Render pages on every core: forked workers share the model and the compiled templates."""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable

from .links import scan

MIN_JOBS = 300  # below this, starting workers costs more than it saves

_state: tuple[Callable[[object], str], list] | None = None


def workers(requested: int | None) -> int:
    """How many processes to use: --jobs, else FACTSITE_JOBS, else one per core."""
    if requested:
        return max(1, requested)
    env = os.environ.get("FACTSITE_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _render(job_range: range) -> list[tuple[str, tuple[list[str], list[str]]]]:
    render, jobs = _state
    out = []
    for i in job_range:
        html = render(jobs[i])
        out.append((html, scan(html)))
    return out


def render_all(render: Callable[[object], str], jobs: list, processes: int) -> list[tuple[str, tuple]]:
    """(html, link scan) for each job, in the jobs' order, whichever process rendered it."""
    global _state
    forced = bool(os.environ.get("FACTSITE_JOBS"))
    if processes <= 1 or (len(jobs) < MIN_JOBS and not forced) or "fork" not in multiprocessing.get_all_start_methods():
        _state = (render, jobs)
        try:
            return _render(range(len(jobs)))
        finally:
            _state = None
    size = max(1, -(-len(jobs) // (processes * 4)))  # a few chunks per worker evens out slow pages
    chunks = [range(i, min(i + size, len(jobs))) for i in range(0, len(jobs), size)]
    _state = (render, jobs)  # set before forking: workers inherit it without pickling
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            parts = pool.map(_render, chunks)
    finally:
        _state = None
    return [item for part in parts for item in part]
