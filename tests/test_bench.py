"""The benchmark corpus generator: deterministic, quotes that verify, a project factsite builds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from helpers import ROOT, heavy_pages, run_build

sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402  (bench/ is a folder of scripts, not a package)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def small() -> corpus.Corpus:
    return corpus.generate(20, seed=7)


def test_same_seed_gives_the_same_bytes(tmp_path: Path):
    corpus.write_project(corpus.generate(20, seed=7), tmp_path / "a")
    corpus.write_project(corpus.generate(20, seed=7), tmp_path / "b")
    corpus.write_project(corpus.generate(20, seed=8), tmp_path / "c")
    a = tree(tmp_path / "a")
    assert a == tree(tmp_path / "b")
    assert a["claims.yaml"] != tree(tmp_path / "c")["claims.yaml"]


def test_every_quote_occurs_exactly_once_in_its_source(small: corpus.Corpus):
    sources = {s.id: s for s in small.sources}
    quotes = [q for c in small.claims for q in c.quotes]
    assert 20 <= len(quotes) <= 60
    for q in quotes:
        assert corpus.count(corpus.fold(sources[q.source].data.decode("utf-8")), corpus.fold(q.text)) == 1


def test_text_has_the_sizes_the_issue_asks_for(small: corpus.Corpus):
    for claim in small.claims:
        assert 150 <= len(claim.summary.hant) <= 300
        assert 1200 <= len(claim.reasoning.hant) <= 1900
        assert "](https://" in claim.reasoning.hant and "\n- " in claim.reasoning.hant


def test_a_small_corpus_builds_with_every_claim_page(tmp_path: Path, small: corpus.Corpus):
    project = tmp_path / "project"
    corpus.write_project(small, project)
    result = run_build(tmp_path, "--root", str(project), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    for claim in small.claims:
        for lang in ("zh-hant", "zh-hans", "en"):
            assert (tmp_path / "site" / lang / "claims" / claim.id / "index.html").is_file()


def test_pages_stay_small_at_a_thousand_claims(tmp_path: Path):
    """Listings are paginated: at 1,000 claims no page outweighs 100 KB with its CSS and JS."""
    project = tmp_path / "project"
    corpus.write_project(corpus.generate(1000, seed=3), project)
    result = run_build(tmp_path, "--root", str(project), "--out", str(tmp_path / "site"), "--no-search",
                       env={"FACTSITE_MAX_YAML_MB": "64"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert heavy_pages(tmp_path / "site") == []
