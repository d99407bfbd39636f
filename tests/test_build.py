"""The fixture site built end to end: every page type, determinism, atomic output."""

from __future__ import annotations

import hashlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factsite.output.links import check_links
from factsite.output.staging import Staging, recover
from helpers import run_build

LANGS = ("zh-hant", "zh-hans", "en")
PAGE_TYPES = ("", "claims/", "claims/h20-curbs-report/", "verdicts/accurate/", "timeline/", "timeline/2025/",
              "sources/", "sources/wwp/", "topics/", "topics/export-controls/", "about/", "methodology/",
              "corrections/", "data/", "search/")


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.marks = 0
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.marks += tag == "mark"
        self.ids.update(v for k, v in attrs if k == "id")

    def handle_data(self, data):
        self.parts.append(data)


def parse(path: Path) -> Text:
    t = Text()
    t.feed(path.read_text(encoding="utf-8"))
    return t


@pytest.fixture
def built(mini: Path) -> Path:
    result = run_build(mini)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("built 62 pages in 3 languages, 3 quotes verified, ")
    return mini / "site"


def test_every_page_type_exists_in_every_language(built: Path):
    for lang in LANGS:
        for page in PAGE_TYPES:
            assert (built / lang / page / "index.html").is_file(), f"{lang}/{page}"
    assert (built / "index.html").is_file() and (built / "404.html").is_file()
    assert (built / "assets" / "style.css").is_file()


def test_claim_page_shows_verdict_quote_and_evidence(built: Path):
    page = " ".join(parse(built / "en/claims/h20-curbs-report/index.html").parts)
    assert "Accurate" in page and "Bloomberg did report this." in page
    assert "彭博社周四(1月30日)引述知情人稱" in page  # the original words, verbatim
    assert "Our translation" in page
    assert "Trump Officials Discuss Tighter Curbs on Nvidia China Sales" in page


def test_simplified_pages_are_converted_and_keep_the_original(built: Path):
    page = " ".join(parse(built / "zh-hans/claims/h20-curbs-report/index.html").parts)
    assert "特朗普政府官员正研究把芯片销售限制扩大至 Nvidia H20" in page  # OpenCC + glossary 晶片→芯片
    assert "引述知情人称" in page and "引述知情人稱" in page  # converted reading, original one click away


def test_source_page_highlights_each_quote_with_an_anchor(built: Path):
    page = parse(built / "zh-hant/sources/wwp/index.html")
    assert {"q-h20-curbs-report-1", "q-navy-email-1", "q-e-2022-10-1"} <= page.ids
    assert page.marks >= 3


def test_no_internal_link_is_broken(built: Path):
    pages = {p.relative_to(built).as_posix(): p.read_text(encoding="utf-8") for p in built.rglob("*.html")}
    files = {p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()}
    assert check_links(pages, files, "/mini/") == []


def test_same_input_gives_the_same_bytes(mini: Path, tmp_path: Path):
    env = {"SOURCE_DATE_EPOCH": "1767225600"}
    assert run_build(mini, "--out", str(tmp_path / "a"), env=env).returncode == 0
    assert run_build(mini, "--out", str(tmp_path / "b"), env=env).returncode == 0
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert "2026年1月1日" in (tmp_path / "a/zh-hant/index.html").read_text(encoding="utf-8")


def test_check_verifies_but_writes_nothing(mini: Path):
    result = run_build(mini, "check")
    assert result.returncode == 0
    assert result.stdout.startswith("checked 2 claims, 3 quotes verified, no errors")
    assert not (mini / "site").exists()


def test_base_url_option_sets_canonical_links(mini: Path):
    assert run_build(mini, "--base-url", "https://checks.example.net/x/").returncode == 0
    html = (mini / "site/en/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://checks.example.net/x/en/">' in html
    assert run_build(mini, "--base-url", "ftp://nope").returncode == 2


def test_help_lists_commands_and_options(mini: Path):
    out = run_build(mini, "--help").stdout
    for word in ("build", "check", "serve", "SOURCE_DATE_EPOCH", "exit status"):
        assert word in out
    out = run_build(mini, "build", "--help").stdout
    for word in ("--out", "--base-url", "--root", "--quiet", "--clean", "--jobs", "--no-search"):
        assert word in out


def test_rebuild_replaces_the_old_site_whole(mini: Path):
    (mini / "site").mkdir()
    (mini / "site" / "stale.html").write_text("old", encoding="utf-8")
    assert run_build(mini).returncode == 0
    assert not (mini / "site" / "stale.html").exists()
    assert not list(mini.glob(".site.*"))  # no staging or previous folders left behind


def test_a_run_killed_between_the_two_renames_is_recovered(tmp_path: Path):
    out = tmp_path / "site"
    (tmp_path / ".site.previous").mkdir()
    (tmp_path / ".site.previous" / "index.html").write_text("last good", encoding="utf-8")
    (tmp_path / ".site.building-x1").mkdir()
    recover(out)
    assert (out / "index.html").read_text(encoding="utf-8") == "last good"
    assert not (tmp_path / ".site.building-x1").exists()


def test_discarded_staging_leaves_the_site_untouched(tmp_path: Path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("live", encoding="utf-8")
    staging = Staging(out)
    staging.write("index.html", "half-built")
    staging.discard()
    assert (out / "index.html").read_text(encoding="utf-8") == "live"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_link_checker_reports_missing_pages_and_fragments():
    pages = {"a/index.html": '<a href="../b/">b</a><a href="../b/#nope">x</a><a href="#top" id="top">t</a>',
             "b/index.html": '<p id="here">b</p><a href="../a/index.html#top">a</a><a href="https://x.org/">e</a>'}
    assert check_links(pages, set()) == [("a/index.html", "../b/#nope")]


def test_parallel_rendering_gives_the_same_bytes_as_serial(mini: Path, tmp_path: Path):
    env = {"SOURCE_DATE_EPOCH": "1767225600"}
    assert run_build(mini, "--out", str(tmp_path / "serial"), env={**env, "FACTSITE_JOBS": "1"}).returncode == 0
    assert run_build(mini, "--out", str(tmp_path / "parallel"), env={**env, "FACTSITE_JOBS": "2"}).returncode == 0
    assert digest(tmp_path / "serial") == digest(tmp_path / "parallel")


def _reference_relative(current: str, target: str) -> str:
    import posixpath
    path, _, frag = target.partition("#")
    here = current[:-1] if current.endswith("/") else posixpath.dirname(current)
    rel = posixpath.relpath(path, here or ".") if path else ""
    if path and rel == ".":
        rel = "./"
    elif path and path.endswith("/"):
        rel += "/"
    return rel + ("#" + frag if frag else "") or "./"


def test_relative_links_agree_with_posixpath():
    from hypothesis import given
    from hypothesis import strategies as st

    from factsite.model.urls import relative
    segment = st.sampled_from(["en", "zh-hant", "claims", "a", "b", "timeline"])
    page = st.lists(segment, max_size=4).map(lambda parts: "".join(p + "/" for p in parts))
    target = st.tuples(page, st.sampled_from(["", "feed.xml", "index.html"]), st.sampled_from(["", "#x"])).map(
        lambda t: t[0] + t[1] + t[2])

    @given(st.one_of(page, st.just("404.html")), target)
    def check(current, link):
        assert relative(current, link) == _reference_relative(current, link)
    check()
