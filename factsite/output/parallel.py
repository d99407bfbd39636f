"""Render pages on every core: forked workers share the model and the compiled templates, and write their pages."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any, TypeVar

MIN_JOBS = 300  # below this, starting workers costs more than it saves
T = TypeVar("T")
R = TypeVar("R")

_state: tuple[Callable[[Any], Any], list[Any]] | None = None


def workers(requested: int | None) -> int:
    """How many processes to use: --jobs, else FACTSITE_JOBS, else one per core."""
    if requested:
        return max(1, requested)
    env = os.environ.get("FACTSITE_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _run(job_range: range) -> list[Any]:
    assert _state is not None  # set by run_all, in this process or before the fork
    work, jobs = _state
    return [work(jobs[i]) for i in job_range]


def run_all(work: Callable[[T], R], jobs: list[T], processes: int) -> list[R]:
    """work(job) for each job, in the jobs' order, whichever process ran it; results must be small."""
    global _state
    forced = bool(os.environ.get("FACTSITE_JOBS"))
    if processes <= 1 or (len(jobs) < MIN_JOBS and not forced) or "fork" not in multiprocessing.get_all_start_methods():
        _state = (work, jobs)
        try:
            return _run(range(len(jobs)))
        finally:
            _state = None
    size = max(1, -(-len(jobs) // (processes * 4)))  # a few chunks per worker evens out slow pages
    chunks = [range(i, min(i + size, len(jobs))) for i in range(0, len(jobs), size)]
    _state = (work, jobs)  # set before forking: workers inherit it without pickling
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            parts = pool.map(_run, chunks)
    finally:
        _state = None
    return [item for part in parts for item in part]
