"""A second build renders and writes only what an edit changed, and matches a clean build byte for byte."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from factsite.incremental import Plan, check_links
from factsite.output.cache import Manifest
from factsite.output.staging import Staging
from factsite.problems import BuildError
from factsite.resources import packaged
from helpers import run_build
from test_build import digest

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}


def edit(site: Path, old: str, new: str) -> None:
    path = site / "claims.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def stamps(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def test_one_claim_edit_rebuilds_only_its_pages_and_equals_a_clean_build(mini: Path, tmp_path: Path):
    assert run_build(mini, env=EPOCH).returncode == 0
    before = stamps(mini / "site")
    edit(mini, "en: The email went out on 24 January.", "en: The email went out on Friday, 24 January.")

    result = run_build(mini, env=EPOCH)

    assert result.returncode == 0, result.stderr
    assert ", 3 rendered, " in result.stdout  # the claim page in three languages; no list shows reasoning
    after = stamps(mini / "site")
    changed = sorted(p for p in after if before.get(p) != after[p])
    assert [p for p in changed if p.endswith(".html")] == [
        "en/claims/navy-email/index.html", "zh-hans/claims/navy-email/index.html",
        "zh-hant/claims/navy-email/index.html"]
    clean = tmp_path / "clean"
    shutil.copytree(mini, clean, ignore=shutil.ignore_patterns("site", ".factsite-cache"))
    assert run_build(clean, "--clean", env=EPOCH).returncode == 0
    assert digest(mini / "site") == digest(clean / "site")


def test_editing_a_claims_title_also_refreshes_the_lists_that_show_it(mini: Path):
    assert run_build(mini, env=EPOCH).returncode == 0
    edit(mini, "en: The US Navy told its people by email not to use DeepSeek.",
         "en: The US Navy told all personnel by email not to use DeepSeek.")
    assert run_build(mini, env=EPOCH).returncode == 0
    for page in ("en/index.html", "en/claims/index.html", "en/timeline/2025/index.html",
                 "en/verdicts/accurate/index.html", "en/topics/us-government/index.html",
                 "en/claims/h20-curbs-report/index.html"):
        assert "all personnel by email" in (mini / "site" / page).read_text(encoding="utf-8"), page


def test_a_build_with_no_change_writes_nothing(mini: Path):
    assert run_build(mini, env=EPOCH).returncode == 0
    site = mini / "site"
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*")}
    result = run_build(mini, env=EPOCH)
    assert "nothing changed" in result.stdout
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*")} == before
    assert os.stat(site).st_ino == next(iter([os.stat(site).st_ino]))


def test_a_template_edit_rerenders_every_page_without_touching_data(mini: Path):
    assert run_build(mini, env=EPOCH).returncode == 0
    base = mini / "templates" / "base.html"  # a site's own copy of one template overrides the packaged one
    base.parent.mkdir()
    packaged_base = packaged("theme", "templates", "base.html").read_text(encoding="utf-8")
    base.write_text(packaged_base.replace("<main id=\"main\"", "<main data-x=\"1\" id=\"main\""), encoding="utf-8")
    result = run_build(mini, env=EPOCH)
    assert ", 60 rendered, 60 files written" in result.stdout  # 60 pages extend base.html; root and 404 do not
    assert 'data-x="1"' in (mini / "site/en/index.html").read_text(encoding="utf-8")


def test_a_changed_output_file_is_repaired_by_the_next_build(mini: Path):
    assert run_build(mini, env=EPOCH).returncode == 0
    page = mini / "site/en/claims/navy-email/index.html"
    good = page.read_bytes()
    page.write_text("tampered", encoding="utf-8")
    assert run_build(mini, env=EPOCH).returncode == 0
    assert page.read_bytes() == good


def test_clean_ignores_the_cache(mini: Path):
    assert run_build(mini, env=EPOCH).returncode == 0
    assert ", 62 rendered, " in run_build(mini, "--clean", env=EPOCH).stdout


def link_plan(tmp_path: Path, before: dict, now: dict, written: set[str]):
    """A plan whose last build left `before` (page -> ids, links) and whose pages are now `now`."""
    manifest = Manifest(tmp_path / "manifest.json", {rel: {"fp": "x", "ids": ids, "links": links}
                                                      for rel, (ids, links) in before.items()})
    plan = Plan(manifest, tmp_path / "site", Staging(tmp_path / "site"))
    plan.fps = dict.fromkeys(now, "x")
    plan.scans, plan.written = dict(now), written
    return plan


def test_a_kept_page_whose_link_target_lost_its_anchor_is_reported(tmp_path: Path):
    class Site:
        base_url = "https://example.org/"

    kept = ([], ["../b/#quote-1"])
    before = {"a/index.html": kept, "b/index.html": (["quote-1"], [])}
    same = link_plan(tmp_path, before, {"a/index.html": kept, "b/index.html": (["quote-1", "q2"], [])},
                     {"b/index.html"})
    check_links(same, Site())  # b gained an id: the kept page a is not read again, and stays right
    lost = link_plan(tmp_path, before, {"a/index.html": kept, "b/index.html": (["quote-2"], [])}, {"b/index.html"})
    with pytest.raises(BuildError) as caught:
        check_links(lost, Site())
    assert [str(p.mark) for p in caught.value.problems.sorted()] == ["site/a/index.html"]
