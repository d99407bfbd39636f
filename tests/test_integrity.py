"""Integrity: a build killed at any moment leaves the previous complete site, and the next build is exact.

- SIGKILL at ten spread-out moments of a build: site/ is always one whole build (the old or the new one,
  compared by digest), and the next build is byte-identical to a clean build of its input, so the
  incremental cache in .factsite-cache/ never makes a later build wrong;
- two builds at once: the second waits for the first (a lock beside the output folder), neither corrupts
  the other, and a build that cannot get the lock in time says so and leaves the folder alone;
- the swap of the finished folder is one atomic rename where the system has one, and the fallback of two
  renames is repaired by the next run.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factsite.output import staging as output
from factsite.output.staging import Staging, recover
from helpers import ROOT, run_build

EPOCH = {"SOURCE_DATE_EPOCH": "1795392000"}


def digest(folder: Path) -> str:
    """One digest over every file's path and bytes (symbolic links and empty folders included)."""
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            h.update(f"L {rel} {os.readlink(path)}\n".encode())
        elif path.is_file():
            h.update(f"F {rel} ".encode() + hashlib.sha256(path.read_bytes()).digest() + b"\n")
        else:
            h.update(f"D {rel}\n".encode())
    return h.hexdigest()


def variant(text: str, n: int) -> str:
    """Input n: a different site title (every page changes) and one claim's wording."""
    if n == 0:
        return text
    text = text.replace("en: Mini Fact-Check}", f"en: Mini Fact-Check {n}}}", 1)
    return text.replace("The US Navy told its people", f"The US Navy ({n}) told its people", 1)


@pytest.fixture
def variants(mini: Path, tmp_path: Path) -> tuple[list[str], list[str]]:
    """Two inputs and the digests of their clean builds."""
    original = (mini / "claims.yaml").read_text(encoding="utf-8")
    texts = [variant(original, 0), variant(original, 1)]
    digests = []
    for i, text in enumerate(texts):
        (mini / "claims.yaml").write_text(text, encoding="utf-8")
        out = tmp_path / f"clean-{i}"
        assert run_build(mini, "--clean", "--out", str(out), env=EPOCH).returncode == 0
        digests.append(digest(out))
    assert digests[0] != digests[1]
    return texts, digests


def start_build(site: Path, **env) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "build.py")], cwd=site, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env=dict(os.environ, CI="true", **EPOCH, **env))


def test_a_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_build_is_exact(mini: Path, variants):
    texts, digests = variants
    site = mini / "site"
    (mini / "claims.yaml").write_text(texts[0], encoding="utf-8")
    start = time.monotonic()
    assert run_build(mini, env=EPOCH).returncode == 0
    length = time.monotonic() - start  # how long one whole build takes here
    assert digest(site) == digests[0]
    rng = random.Random(20261123)
    delays = [length * (i + rng.random()) / 10 for i in range(10)]  # spread over every stage of a build
    rng.shuffle(delays)
    current = 0
    for delay in delays:
        target = 1 - current
        (mini / "claims.yaml").write_text(texts[target], encoding="utf-8")
        proc = start_build(mini)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers and Pagefind, at once
        proc.communicate()
        assert site.is_dir(), f"no site/ after a kill at {delay:.3f} s"
        now = digest(site)
        assert now in (digests[current], digests[target]), f"a mixed site/ after a kill at {delay:.3f} s"
        left = len(list(mini.glob(".site.building-*")))
        print(f"killed at {delay:.3f} s of {length:.3f}: site/ is the {'new' if now == digests[target] else 'old'} "
              f"build, {left} staging folder(s) left")

        result = run_build(mini, env=EPOCH)
        assert result.returncode == 0, result.stderr
        assert digest(site) == digests[target], f"the build after a kill at {delay:.3f} s is not exact"
        assert not list(mini.glob(".site.building-*")) and not (mini / ".site.previous").exists()
        current = target


def test_two_builds_at_once_run_one_after_the_other(mini: Path, variants):
    texts, digests = variants
    site = mini / "site"
    (mini / "claims.yaml").write_text(texts[1], encoding="utf-8")
    assert run_build(mini, env=EPOCH).returncode == 0
    (mini / "claims.yaml").write_text(texts[0], encoding="utf-8")

    assert output.acquire(site)  # this test is the first build, holding the lock
    try:
        builds = [start_build(mini), start_build(mini)]
        time.sleep(2)
        assert all(b.poll() is None for b in builds), "a build went ahead without the lock"
        assert digest(site) == digests[1]  # nothing written while it waits
    finally:
        output.release(site)
    results = [b.communicate(timeout=120) for b in builds]
    assert [b.returncode for b in builds] == [0, 0], results
    assert all(f"waiting for another build (process {os.getpid()}) to finish writing site/" in err
               for _, err in results)
    assert digest(site) == digests[0]


def test_builds_of_different_inputs_started_together_never_mix(mini: Path, variants, tmp_path: Path):
    texts, digests = variants
    site = mini / "site"
    for _ in range(3):
        copies = []
        for i, text in enumerate(texts):  # two project folders writing one output folder
            root = tmp_path / f"root-{i}"
            if not root.exists():
                root.mkdir()
                (root / "seeds").symlink_to(mini / "seeds")
            (root / "claims.yaml").write_text(text, encoding="utf-8")
            copies.append(subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--out", str(site)], cwd=root,
                                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                           env=dict(os.environ, CI="true", **EPOCH)))
        assert [p.wait(timeout=120) for p in copies] == [0, 0]
        assert digest(site) in digests
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--out", str(site)], cwd=tmp_path / "root-1",
                            capture_output=True, text=True, env=dict(os.environ, CI="true", **EPOCH))
    assert result.returncode == 0 and digest(site) == digests[1]


def test_a_build_that_cannot_get_the_lock_in_time_says_so(mini: Path):
    (mini / "site").mkdir()
    (mini / "site" / "index.html").write_text("previous build", encoding="utf-8")
    assert output.acquire(mini / "site")
    try:
        result = run_build(mini, env={"FACTSITE_LOCK_WAIT": "0.5"})
    finally:
        output.release(mini / "site")
    assert result.returncode == 1 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr == (
        f"factsite: waiting for another build (process {os.getpid()}) to finish writing site/…\n"
        f"site: error: another build (process {os.getpid()}) is writing site/; waited 0.5 s\n"
        "  hint: wait for it to finish, or stop it if it is stuck; two builds may not write one folder at once\n"
        "factsite: 1 error; site/ left as it was\n")
    assert (mini / "site" / "index.html").read_text(encoding="utf-8") == "previous build"


def test_the_lock_is_reentrant_in_one_process_and_times_out_for_another(tmp_path: Path):
    out = tmp_path / "site"
    with output.locked(out):
        recover(out)  # the pipeline's own call: already held, no deadlock
        assert output.lock_file(out).read_text().strip() == str(os.getpid())
        code = ("import sys; from pathlib import Path; from factsite.output import staging as output\n"
                "from factsite.problems import BuildError\n"
                f"try: output.acquire(Path({str(out)!r}), wait=0.3)\n"
                "except BuildError as e: print(e.problems.items[0].format()); sys.exit(3)\n")
        held = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
        assert held.returncode == 3 and "is writing" in held.stdout
    free = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert free.returncode == 0, free.stdout + free.stderr


def test_commit_swaps_atomically_and_the_fallback_is_repaired(tmp_path: Path, monkeypatch):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("old", encoding="utf-8")
    staging = Staging(out)
    staging.write("index.html", "new")
    staging.commit()
    assert (out / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    monkeypatch.setattr(output, "exchange", lambda a, b: False)  # a system without renameat2
    staging = Staging(out)
    staging.write("index.html", "newer")
    staging.commit()
    assert (out / "index.html").read_text(encoding="utf-8") == "newer"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    # killed while deleting the replaced build: the leftover goes at the next run, the site stays
    (tmp_path / ".site.previous").mkdir()
    (tmp_path / ".site.previous" / "half.html").write_text("half-deleted", encoding="utf-8")
    recover(out)
    output.release(out)
    assert not (tmp_path / ".site.previous").exists()
    assert (out / "index.html").read_text(encoding="utf-8") == "newer"


def test_a_build_that_fails_while_writing_leaves_the_old_site(mini: Path):
    """Pagefind runs over the finished staging folder; when it fails, the old site stays and nothing is left over."""
    assert run_build(mini, env=EPOCH).returncode == 0
    before = digest(mini / "site")
    (mini / "claims.yaml").write_text((mini / "claims.yaml").read_text(encoding="utf-8").replace(
        "Mini Fact-Check", "Mini Fact-Check 2"), encoding="utf-8")
    broken = mini / "broken" / "pagefind"  # found first on PYTHONPATH by `python -m pagefind`
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("", encoding="utf-8")
    (broken / "__main__.py").write_text("import sys\nsys.exit('pagefind: disk full')\n", encoding="utf-8")
    result = run_build(mini, env={**EPOCH, "PYTHONPATH": str(broken.parent)})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the search index could not be built: pagefind: disk full" in result.stderr
    assert digest(mini / "site") == before
    assert not list(mini.glob(".site.building-*")) and not (mini / ".site.previous").exists()
