"""The real edition, built once: links resolve, HTML validates, every page type is there."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factsite.output.links import check_links
from helpers import heavy_pages, validate_html


@pytest.fixture
def site(edition: Path) -> Path:
    return edition


def test_every_internal_link_and_fragment_resolves(site: Path):
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert len(pages) > 100
    assert check_links(pages, files, "/") == []


def test_w3c_nu_validator_reports_no_errors(site: Path):
    validate_html(site)


def test_the_site_makes_no_third_party_requests(site: Path):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for attr in ('src="http', "src='http", '<link rel="stylesheet" href="http', "@import"):
            assert attr not in html, page
    assert "url(" not in (site / "assets/style.css").read_text(encoding="utf-8")


def test_no_page_weighs_over_100_kb_with_its_css_and_js(site: Path):
    assert heavy_pages(site) == []


def test_every_page_forbids_third_party_and_inline_script(site: Path):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in html and "default-src 'none'" in html, page
        assert "'unsafe-inline'" not in html and "'unsafe-eval'" not in html


def test_fast_link_scan_reads_every_page_exactly_like_an_html_parser(site: Path):
    from factsite.output.links import scan, scan_strict
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert scan(html) == scan_strict(html), page


class LanguageOfParts(HTMLParser):
    """Text whose script does not fit the language it inherits (WCAG 3.1.2): axe and vnu cannot see this.

    In a Chinese context, a run of three or more Latin words must sit in an element marked with a Latin-script
    language; in an English one, no Chinese, Japanese or Korean character may appear unmarked. Addresses, hashes
    and code are not prose and are left alone."""

    LATIN = re.compile(r"[A-Za-z]{2,}(?:[\s,;:!?'’\"“”()\-–—&/]+[A-Za-z]{2,}){2,}")
    CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")
    NOT_PROSE = re.compile(r"^\s*(https?://|mailto:)\S+\s*$|^[0-9a-f]{32,}$")
    VOID = {"meta", "link", "br", "img", "input", "circle", "line", "path", "hr", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.unmarked: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else "")))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if not self.stack or any(t in ("script", "style", "title", "code") for t, _ in self.stack):
            return
        if self.NOT_PROSE.match(data):
            return
        lang = self.stack[-1][1].split("-")[0].lower()
        found = (self.LATIN if lang in ("zh", "ja", "ko") else self.CJK).search(data) if lang else None
        if found:
            self.unmarked.append((lang, data.strip()[:60]))


def test_every_run_of_text_carries_the_language_it_is_written_in(site: Path):
    problems = {}
    for page in sorted(site.rglob("*.html")):
        check = LanguageOfParts()
        check.feed(page.read_text(encoding="utf-8"))
        if check.unmarked:
            problems[page.relative_to(site).as_posix()] = check.unmarked[:3]
    assert problems == {}
