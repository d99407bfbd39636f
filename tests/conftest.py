"""Shared fixtures: a throwaway copy of a fixture site, and a way to build it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run_build(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python build.py` as an editor would, from the site's folder."""
    full_env = dict(os.environ, CI="true", **(env or {}))
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=300)


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
