"""factsite as a package: a wheel that works on its own, and the commands an editor starts a site with."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, run_build

EPOCH = {"SOURCE_DATE_EPOCH": "1795392000"}  # 2026-11-23


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """factsite installed from a wheel into a fresh venv; its dependencies come from the test venv's site-packages."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # a copy: setuptools writes build/ into the tree it builds
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", "node_modules", ".git", "site", "build",
                                                                ".factsite-cache", "*.egg-info", "__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work), str(source)],
                   check=True, capture_output=True)
    wheel = next(work.glob("factsite-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([venv / "bin/python", "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True)
    purelib = subprocess.run([venv / "bin/python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # A plain path entry: the test venv's .pth files (its editable factsite among them) are not read from it.
    Path(purelib, "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return venv / "bin"


def factsite(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CI="true", **EPOCH)
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(bin_dir / "factsite"), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_wheel_carries_the_theme_catalogues_and_starter(installed: Path, tmp_path: Path):
    where = subprocess.run([installed / "python", "-c", "import factsite, sys; print(factsite.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout.strip()
    package = Path(where).parent
    assert str(package).startswith(str(installed.parent)), "imported the source tree, not the wheel"
    for part in ("theme/templates/claim.html", "theme/static/style.css", "locales/en.yaml",
                 "starter/claims.yaml", "data/blocklist.yaml", "serve/overlay.js"):
        assert (package / part).is_file(), part


def test_factsite_new_then_build_from_the_wheel(installed: Path, tmp_path: Path):
    result = factsite(installed, tmp_path, "new", "mysite")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "mysite"
    assert {p.name for p in site.iterdir()} >= {"claims.yaml", "seeds", ".gitignore", ".github", "requirements.txt"}
    check = factsite(installed, site, "check")
    assert check.returncode == 0 and check.stderr == "", check.stderr
    built = factsite(installed, site, "build")
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    assert built.stdout.startswith("built 59 pages in 3 languages, 1 quote verified")
    page = (site / "site/en/claims/tianxia-weigong-source/index.html").read_text(encoding="utf-8")
    assert "大道之行也，天下為公" in page and (site / "site/pagefind/zh-hant/00/pagefind.js").is_file()


def test_a_folder_with_only_claims_and_seeds_builds_with_the_packaged_theme(installed: Path, tmp_path: Path):
    site = tmp_path / "edition"
    site.mkdir()
    shutil.copy(ROOT / "claims.yaml", site / "claims.yaml")
    shutil.copytree(ROOT / "seeds", site / "seeds")
    result = factsite(installed, site, "build", "--no-search")
    assert result.returncode == 0, result.stderr[-3000:]
    assert (site / "site/zh-hant/claims/oct-2022-rules-merged/index.html").is_file()


def test_new_refuses_a_folder_that_has_files(tmp_path: Path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken/notes.txt").write_text("mine", encoding="utf-8")
    result = run_build(tmp_path, "new", "taken")
    assert result.returncode == 1
    assert result.stderr == "factsite: taken exists and is not an empty folder; choose a new one\n"
    assert (tmp_path / "taken/notes.txt").read_text(encoding="utf-8") == "mine"


def test_add_source_then_new_claim_leave_fields_the_build_points_at(tmp_path: Path):
    assert run_build(tmp_path, "new", "desk").returncode == 0
    site = tmp_path / "desk"
    article = tmp_path / "2025-02-10-example.txt"
    article.write_text("# 示範報道\n\n美國商務部一名官員表示，當局正評估是否擴大管制。\n", encoding="utf-8")
    added = run_build(site, "add-source", str(article), "--publisher", "ctext", "--date", "2025-02-10")
    assert added.returncode == 0, added.stderr
    assert (site / "seeds/2025-02-10-example.txt").read_bytes() == article.read_bytes()
    assert run_build(site, "new-claim", "--source", "2025-02-10-example").returncode == 0
    result = run_build(site, "check")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert lines[0].endswith("error: field 'title' has no text")  # the new source's headline
    assert any("error: url is empty" in line for line in lines)
    assert any("error: verdict is empty" in line for line in lines)
    assert any("error: rated.en is empty" in line for line in lines)


def test_add_source_refuses_what_the_build_would(tmp_path: Path):
    assert run_build(tmp_path, "new", "desk").returncode == 0
    bad = tmp_path / "big5.txt"
    bad.write_bytes("報道".encode("big5"))
    result = run_build(tmp_path / "desk", "add-source", str(bad))
    assert result.returncode == 1
    assert "is not UTF-8 text (invalid byte at offset 0)" in result.stderr
    assert not (tmp_path / "desk/seeds/big5.txt").exists()


def test_rehash_says_which_quotes_still_match_and_records_only_with_yes(mini: Path):
    seed = mini / "seeds/wwp-excerpt.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("全體人員", "所有人員"), encoding="utf-8")
    failed = run_build(mini, "check")
    assert "has changed since it was archived" in failed.stderr
    assert "(claim 'navy-email') NO LONGER MATCHES" in failed.stderr
    assert "(claim 'h20-curbs-report') still matches" in failed.stderr
    assert "quote not found" not in failed.stderr  # never a hint to fit the quote to the changed archive
    shown = run_build(mini, "rehash", "wwp")
    assert "still matches: quote at claims.yaml:" in shown.stdout
    assert "NO LONGER MATCHES: quote at claims.yaml:" in shown.stdout and "claim 'navy-email'" in shown.stdout
    assert "Compare the file with its original" in shown.stdout
    before = (mini / "claims.yaml").read_text(encoding="utf-8")
    assert shown.returncode == 1 and before == (mini / "claims.yaml").read_text(encoding="utf-8")
    seed.write_text(seed.read_text(encoding="utf-8").replace("所有人員", "全體人員") + "\n補記。\n", encoding="utf-8")
    accepted = run_build(mini, "rehash", "wwp", "--yes")
    assert accepted.returncode == 0 and "recorded sha256" in accepted.stdout
    assert run_build(mini, "check").returncode == 0


def test_check_stale_lists_old_facts_oldest_first(mini: Path):
    result = run_build(mini, "check", "--stale", "2", env=EPOCH)  # 2026-11-23; the fixture was checked 11-20
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "2 claims last checked more than 2 days ago, oldest first:",
        "claims.yaml:77:5: h20-curbs-report: facts checked 2026-11-20 (3 days ago); topic export-controls",
        "claims.yaml:114:5: navy-email: facts checked 2026-11-20 (3 days ago); topic us-government"]
    fresh = run_build(mini, "check", "--stale", "30", env=EPOCH)
    assert fresh.stdout.splitlines()[1] == "no claim's facts are older than 30 days"


def test_a_hostile_file_prints_the_first_50_errors_and_a_count(mini: Path):
    text = (mini / "claims.yaml").read_text(encoding="utf-8")
    bad_claims = "".join(f"  - id: bad-{i}\n    topic: nowhere\n" for i in range(40))
    (mini / "claims.yaml").write_text(text.replace("\nclaims:\n", "\nclaims:\n" + bad_claims, 1), encoding="utf-8")
    result = run_build(mini, "check")
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 50
    assert result.stderr.splitlines()[-2].startswith("… and ") and "more errors: fix these first" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("factsite: ") and int(result.stderr.split("factsite: ")[1]
                                                                          .split()[0]) > 50


def test_help_names_every_command():
    result = run_build(ROOT, "--help")
    for command in ("build", "check", "serve", "new", "add-source", "new-claim", "rehash"):
        assert command in result.stdout
    assert "--stale" in run_build(ROOT, "check", "--help").stdout
    assert "--out" not in run_build(ROOT, "serve", "--help").stdout  # each command shows its own options
