"""The deploy workflow is valid (actionlint) and follows the official GitHub Pages flow with least privilege."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_actionlint_finds_no_problem():
    actionlint = shutil.which("actionlint") or str(Path(__import__("sys").executable).parent / "actionlint")
    if not Path(actionlint).exists():
        pytest.fail("actionlint is missing: pip install -e '.[test]'")
    result = subprocess.run([actionlint, *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_publish_tests_builds_reproducibly_and_deploys_with_least_privilege():
    flow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert flow[True]["push"]["branches"] == ["main"]  # PyYAML reads the key `on` as True
    assert flow["permissions"] == {"contents": "read"}
    assert flow["concurrency"]["group"] == "pages"
    jobs = flow["jobs"]
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert "scripts/test" in jobs["test"]["steps"][-1]["run"]
    build_steps = jobs["build"]["steps"]
    assert any("SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" in s.get("run", "") for s in build_steps)
    assert {"uses": "actions/upload-pages-artifact@v3", "with": {"path": "site"}} in build_steps
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    for name, job in jobs.items():
        if name != "deploy":
            assert "permissions" not in job  # only the deploy job may write


def test_external_link_check_runs_on_a_schedule_apart_from_deploys():
    flow = yaml.safe_load((ROOT / ".github/workflows/external-links.yml").read_text(encoding="utf-8"))
    assert "schedule" in flow[True] and "push" not in flow[True]
    assert flow["permissions"] == {"contents": "read"}
