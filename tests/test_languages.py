"""Languages are configuration: a fourth language, a single one, catalogues, and no language hard-wired in code."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from factsite.incremental import Plan
from factsite.model.records import L10n
from factsite.output.cache import Manifest
from factsite.output.staging import Staging
from factsite.problems import BuildError
from helpers import FIXTURES, ROOT, run_build, validate_html

EPOCH = {"SOURCE_DATE_EPOCH": "1795392000"}


def build_fixture(name: str, tmp_path: Path) -> Path:
    site = tmp_path / name
    shutil.copytree(FIXTURES / name, site)
    result = run_build(site, "--no-search", env=EPOCH)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def four(tmp_path_factory) -> Path:
    return build_fixture("four-languages", tmp_path_factory.mktemp("four")) / "site"


@pytest.fixture(scope="module")
def one(tmp_path_factory) -> Path:
    return build_fixture("one-language", tmp_path_factory.mktemp("one")) / "site"


def test_a_fourth_language_comes_from_configuration_and_a_catalogue(four: Path):
    page = (four / "ja/claims/h20-curbs-report/index.html").read_text(encoding="utf-8")
    assert '<html lang="ja">' in page
    assert "ブルームバーグは実際にそう報じた。" in page  # the editors' Japanese summary
    assert "編集部訳" in page and "ブルームバーグは木曜日" in page  # the catalogue's label, the ja translation
    assert '<span lang="zh-Hant">彭博社周四' in page  # the quote in the source's script, marked as such
    assert '<span lang="en">Trump Officials Discuss' in page  # an English-only title on a Japanese page
    assert 'hreflang="ja"' in (four / "en/index.html").read_text(encoding="utf-8")
    assert "2025年1月31日" in page
    data = json.loads((four / "data/claims.json").read_text(encoding="utf-8"))
    assert set(data["claims"][0]["summary"]) == {"zh-Hant", "zh-Hans", "en", "ja"}
    schema = json.loads((four / "data/claims.schema.json").read_text(encoding="utf-8"))
    assert set(schema["$defs"]["urls"]["required"]) == {"zh-Hant", "zh-Hans", "en", "ja"}
    assert "claim_ja" in (four / "data/claims.csv").read_text(encoding="utf-8-sig").splitlines()[0]


def test_a_site_in_one_language_has_no_other(one: Path):
    assert sorted(p.name for p in one.iterdir() if p.is_dir()) == ["assets", "data", "en", "sources"]
    page = (one / "en/claims/library-hours-cost/index.html").read_text(encoding="utf-8")
    assert "The change will cost about 120,000 dollars a year" in page
    assert "Our translation" not in page and "<details>" not in page  # the quote is already in the page's language


def test_both_fixtures_pass_the_html_validator(four: Path, one: Path):
    validate_html(four, one)


CODE_FILES = [p for p in (ROOT / "factsite").rglob("*") if p.suffix in (".py", ".html", ".js")]
LANGUAGE_CODE = re.compile(r"zh-Han[st]|zh_(?:TW|CN)|[\"']en[\"']")


def test_language_codes_live_only_in_the_defaults():
    naming = sorted(p.relative_to(ROOT).as_posix() for p in CODE_FILES
                    if LANGUAGE_CODE.search(p.read_text(encoding="utf-8")))
    assert naming == ["factsite/load/languages.py", "factsite/model/languages.py"]  # the defaults, the loader


def test_a_language_without_a_catalogue_is_an_error(mini: Path):
    text = (mini / "claims.yaml").read_text(encoding="utf-8")
    text = text.replace("    - {code: en, slug: en, name: English, role: written, locale: en_GB}\n",
                        "    - {code: en, slug: en, name: English, role: written, locale: en_GB}\n"
                        "    - {code: ko, slug: ko, name: 한국어, role: written, locale: ko_KR}\n")
    (mini / "claims.yaml").write_text(text, encoding="utf-8")
    result = run_build(mini, "check")
    assert result.returncode == 1
    assert "claims.yaml:12:5: error: no interface catalogue for language 'ko'\n" \
           "  hint: add locales/ko.yaml beside claims.yaml" in result.stderr
    assert "field 'title' has no ko text" in result.stderr  # every editorial text needs the new language too


def test_a_catalogue_missing_keys_or_using_unknown_placeholders_is_an_error(mini: Path):
    (mini / "locales").mkdir()
    (mini / "locales/en.yaml").write_text("skip: Skip\nn_claims: '{count} checks'\nmenu: Menu\n", encoding="utf-8")
    result = run_build(mini, "check")
    assert result.returncode == 1
    assert "locales/en.yaml:1:1: error: locales/en.yaml: 'n_claims' uses {count}, which the pages do not fill in" \
        in result.stderr
    assert "locales/en.yaml:1:1: error: locales/en.yaml: unknown key 'menu'" in result.stderr


def test_a_site_catalogue_overrides_single_words(mini: Path):
    (mini / "locales").mkdir()
    (mini / "locales/en.yaml").write_text("short: In brief\n", encoding="utf-8")
    assert run_build(mini, "--no-search").returncode == 0
    page = (mini / "site/en/claims/navy-email/index.html").read_text(encoding="utf-8")
    assert "In brief" in page and "If your time is short" not in page


def test_two_outputs_for_one_path_stop_the_build(tmp_path: Path):
    plan = Plan(Manifest(tmp_path / "m.json", {}), tmp_path / "site", Staging(tmp_path / "site"))
    plan.claim("en/claims/index.html", "claims.html (en/claims/)")
    with pytest.raises(BuildError) as caught:
        plan.claim("en/claims/index.html", "page.html (en/claims/)")
    assert caught.value.problems.items[0].format() == (
        "en/claims/index.html: error: two outputs for en/claims/index.html: claims.html (en/claims/) and "
        "page.html (en/claims/)\n  hint: this is a bug in factsite or a theme; please report it")
    plan.staging.discard()


def test_text_remembers_the_language_it_is_written_in():
    title = L10n((("zh-Hant", "Title", "en"), ("en", "Title", "en")))
    assert title["zh-Hant"] == "Title" and title.lang_of("zh-Hant") == "en"
