"""Helpers the tests share: where things are, how to run a build, how to validate HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def run_build(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python build.py` as an editor would, from the site's folder."""
    full_env = dict(os.environ, CI="true", **(env or {}))
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=300)


def validate_html(*folders: Path) -> None:
    """The W3C Nu validator over whole built sites: no errors (it runs once, its JVM takes seconds to start)."""
    java = shutil.which("java")
    if not (java and VNU.is_file()):
        if os.environ.get("CI"):
            pytest.fail("the W3C Nu validator must run in CI: scripts/setup test installs Java and vnu-jar")
        pytest.skip("install Java and run `npm ci` to validate HTML (scripts/setup test does both)")
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "gnu", "--skip-non-html",
                             *map(str, folders)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[:5000]
    assert result.stderr == ""


def heavy_pages(site: Path, limit: int = 100_000) -> list[tuple[str, int]]:
    """Pages that weigh more than `limit` bytes together with the stylesheets and scripts they load."""
    import re

    heavy = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        weight = len(html.encode("utf-8"))
        for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html):
            path = site / ref.lstrip("/") if ref.startswith("/") else page.parent / ref
            weight += path.resolve().stat().st_size
        if weight > limit:
            heavy.append((page.relative_to(site).as_posix(), weight))
    return heavy
