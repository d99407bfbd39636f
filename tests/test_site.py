"""The real edition, built once: links resolve, HTML validates, every page type is there."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT, validate_html
from factsite.output.links import check_links

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
    import re
    heavy = []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        weight = len(html.encode("utf-8"))
        for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html):
            path = site / ref.lstrip("/") if ref.startswith("/") else page.parent / ref
            weight += path.resolve().stat().st_size
        if weight > 100_000:
            heavy.append((page.relative_to(site).as_posix(), weight))
    assert heavy == []


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
