"""Shared fixtures: a throwaway copy of a fixture site, and a way to build it."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import CHROMIUM, CHROMIUM_FLAGS, FIXTURES, ROOT, run_build


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the mini fixture site."""
    dest = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", dest)
    return dest


@pytest.fixture(scope="session")
def edition(tmp_path_factory) -> Path:
    """The real edition in claims.yaml, built once per test run."""
    out = tmp_path_factory.mktemp("edition") / "site"
    result = run_build(ROOT, "--out", str(out), env={"SOURCE_DATE_EPOCH": "1795392000"})
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser (pytest-playwright picks this fixture up)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: scripts/system-deps installs it")
        pytest.skip("install Debian's chromium to run the browser tests (scripts/system-deps)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def serve_folder(folder: Path) -> Iterator[str]:
    """A built site on a local static server, as a reader's browser would fetch it."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def served(edition: Path) -> Iterator[str]:
    """The built edition, served."""
    yield from serve_folder(edition)
