"""Static checks run as tests: mypy at the strictness [tool.mypy] names, and ruff with [tool.ruff]."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT

LINTED = ["factsite", "tests", "bench", "scripts", "build.py"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """A tool of the test venv, from the project folder, so pyproject.toml is the configuration it reads."""
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_mypy_finds_no_type_errors():
    result = _run("mypy", "--config-file", str(ROOT / "pyproject.toml"))
    assert result.returncode == 0, f"mypy failed:\n{result.stdout}{result.stderr}"


def test_ruff_finds_nothing():
    result = _run("ruff", "check", "--config", str(ROOT / "pyproject.toml"), "--output-format", "concise", *LINTED)
    assert result.returncode == 0, f"ruff failed:\n{result.stdout}{result.stderr}"
