"""The search index in bundles: an edit re-indexes only its bundles, and a reader finds the same claims."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import serve_folder
from helpers import ROOT, run_build
from test_browser import SEARCHES

ONE_CLAIM_A_BUNDLE = {"FACTSITE_SEARCH_SHARD_PAGES": "1", "SOURCE_DATE_EPOCH": "1795392000"}
EIGHT = {"FACTSITE_SEARCH_SHARD_PAGES": "8", "SOURCE_DATE_EPOCH": "1795392000"}


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def entries(site: Path) -> dict[str, int]:
    """Each bundle's entry file and its inode: a bundle kept from the last build is the same file."""
    return {p.parent.relative_to(site / "pagefind").as_posix(): p.stat().st_ino
            for p in sorted((site / "pagefind").glob("*/*/pagefind-entry.json"))}


def test_an_edit_reindexes_only_the_bundles_of_the_pages_it_changed(mini: Path, tmp_path: Path):
    assert run_build(mini, env=ONE_CLAIM_A_BUNDLE).returncode == 0
    before = entries(mini / "site")
    assert {name.split("/")[1] for name in before} == {"00", "01", "02"}  # two claims: K = 2
    claims = mini / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        "en: The Navy confirmed the email was genuine.", "en: The Navy confirmed the email."), encoding="utf-8")
    assert run_build(mini, env=ONE_CLAIM_A_BUNDLE).returncode == 0
    after = entries(mini / "site")
    rebuilt = sorted(name for name in after if after[name] != before[name])
    assert len(rebuilt) == 3 and len({name.split("/")[1] for name in rebuilt}) == 1  # its bundle, per language
    assert run_build(mini, "--clean", "--out", str(tmp_path / "clean"), env=ONE_CLAIM_A_BUNDLE).returncode == 0
    assert files(mini / "site") == files(tmp_path / "clean")


@pytest.fixture(scope="module")
def sharded(tmp_path_factory) -> Iterator[str]:
    """The real edition with its claims in eight bundles per language, served."""
    out = tmp_path_factory.mktemp("sharded") / "site"
    result = run_build(ROOT, "--out", str(out), env=EIGHT)
    assert result.returncode == 0, result.stderr
    assert len(list((out / "pagefind" / "en").iterdir())) == 9
    yield from serve_folder(out)


@pytest.mark.parametrize("lang,query,expected", SEARCHES)
def test_a_reader_finds_the_same_claims_in_a_sharded_index(page, sharded, lang, query, expected):
    trouble: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and trouble.append(msg.text))
    page.on("requestfailed", lambda req: trouble.append(f"failed: {req.url}"))
    page.goto(f"{sharded}{lang}/search/?q={query}")
    page.wait_for_selector("#search-results li", timeout=10_000)
    hrefs = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.href)")
    assert any(f"/{lang}/claims/{expected}/" in href for href in hrefs), hrefs
    assert trouble == []


def results(page, base: str, query: str) -> set[str]:
    page.goto(f"{base}en/search/?q={query}")
    page.wait_for_function("() => document.getElementById('search-status').textContent !== ''", timeout=10_000)
    return {urlsplit(href).path for href in page.eval_on_selector_all("#search-results a", "ls => ls.map(a => a.href)")}


# A bundle that lacks one of the words must not answer with pages that hold only the others.
@pytest.mark.parametrize("query", ["Nvidia H20", "Navy email", "Lutnick hearing"])
def test_several_words_find_what_one_index_finds(page, sharded, served, query):
    found = results(page, served, query)
    assert 0 < len(found) < 20  # a short list: the same pages, whatever the ranking
    assert results(page, sharded, query) == found
