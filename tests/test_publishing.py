"""Publishing formats checked with real parsers on the real edition: JSON-LD, Atom, sitemaps, open data."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import extruct
import feedparser
import jsonschema
import pytest

from factsite.quotes.fragments import text_fragment
from factsite.quotes.matcher import normalize
from factsite.render.jsonld import dumps
from helpers import ROOT, run_build

LANGS = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans", "en": "en"}
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


class Visible(HTMLParser):
    """The bits of a claim page the JSON-LD must agree with."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.h1 = ""
        self.verdict = ""
        self.canonical = ""
        self.lang = ""
        self._in_verdict = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a["lang"]
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a["href"]
        if tag == "p" and a.get("class") == "verdict-line":
            self._in_verdict = True
        self.stack.append("verdict-label" if a.get("class") == "verdict-label" else tag)

    def handle_endtag(self, tag):
        if tag == "p":
            self._in_verdict = False
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if "h1" in self.stack:  # a run in another language is marked with a <span lang> inside
            self.h1 += data
        if self._in_verdict and "verdict-label" in self.stack:
            self.verdict += data


def claim_pages(site: Path):
    for slug in LANGS:
        yield from sorted((site / slug / "claims").glob("*/index.html"))


def test_every_claim_page_has_one_claimreview_that_matches_the_page(edition: Path):
    pages = list(claim_pages(edition))
    assert len(pages) >= 3 * 30
    for page in pages:
        html = page.read_text(encoding="utf-8")
        data = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
        reviews = [d for d in data if d.get("@type") == "ClaimReview"]
        assert len(reviews) == 1, page
        r = reviews[0]
        seen = Visible()
        seen.feed(html)
        rating = r["reviewRating"]
        assert r["url"] == seen.canonical and r["inLanguage"] == seen.lang
        assert r["claimReviewed"] == seen.h1.strip()
        assert rating["alternateName"] == seen.verdict, page
        assert rating["worstRating"] == 1 and rating["bestRating"] >= rating.get("ratingValue", 1) >= 1
        assert rating["ratingExplanation"]
        assert r["author"]["@type"] == "Organization" and r["author"]["name"]
        assert r["datePublished"] <= r["dateModified"]
        claim = r["itemReviewed"]
        assert claim["@type"] == "Claim" and claim["author"]["@type"] in ("Person", "Organization")
        assert claim["author"]["name"] and claim["datePublished"]
        assert claim["appearance"][0]["url"].startswith("https://")
        assert claim["firstAppearance"] == claim["appearance"][0]


def test_unverifiable_verdicts_omit_the_rating_value_but_keep_the_scale(edition: Path):
    data = json.loads((edition / "data/claims.json").read_text(encoding="utf-8"))
    off = [c["id"] for c in data["claims"] if c["verdict"] == "unverifiable"]
    if not off:
        pytest.skip("no unverifiable claim in this edition")
    html = (edition / "en/claims" / off[0] / "index.html").read_text(encoding="utf-8")
    rating = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"][0]["reviewRating"]
    assert "ratingValue" not in rating and rating["bestRating"] > 1


def test_json_ld_cannot_close_its_script_element():
    text = dumps({"claimReviewed": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["claimReviewed"] == "</script><script>alert(1)</script> & <!--"


def test_atom_feeds_parse_with_stable_unique_ids(edition: Path):
    data = json.loads((edition / "data/claims.json").read_text(encoding="utf-8"))
    expected = len(data["claims"]) + sum(len(c["updates"]) for c in data["claims"])
    for slug, code in LANGS.items():
        feed = feedparser.parse((edition / slug / "feed.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.language == code
        ids = [e.id for e in feed.entries]
        assert len(ids) == expected == len(set(ids))
        assert all(e.link.startswith(data["site"]["base_url"]) for e in feed.entries)


def site_path(edition: Path, url: str, base: str) -> Path:
    rel = url[len(base):]
    return edition / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


def test_sitemaps_list_existing_pages_with_hreflang_alternates(edition: Path):
    base = json.loads((edition / "data/claims.json").read_text(encoding="utf-8"))["site"]["base_url"]
    index = ET.parse(edition / "sitemap.xml").getroot()
    maps = [loc.text for loc in index.iter(SM + "loc")]
    assert len(maps) == 3
    total = 0
    for url in maps:
        root = ET.parse(site_path(edition, url, base)).getroot()
        for entry in root.iter(SM + "url"):
            total += 1
            assert site_path(edition, entry.find(SM + "loc").text, base).is_file()
            alternates = entry.findall(XHTML + "link")
            codes = {a.get("hreflang") for a in alternates}
            assert codes - {"x-default"} == set(LANGS.values())
            if "x-default" in codes:  # the language homes and the chooser point at the chooser
                assert entry.find(SM + "loc").text.rstrip("/") in {base.rstrip("/")} | {base + s for s in LANGS}
            assert all(site_path(edition, a.get("href"), base).is_file() for a in alternates)
    assert total == len(list(edition.glob("**/index.html")))  # every page, the chooser at / included
    assert f"Sitemap: {base}sitemap.xml" in (edition / "robots.txt").read_text(encoding="utf-8")


def test_claims_json_follows_its_schema_and_every_selector_gives_back_its_quote(edition: Path):
    data = json.loads((edition / "data/claims.json").read_text(encoding="utf-8"))
    schema = json.loads((edition / "data/claims.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    texts = {s["id"]: (ROOT / "seeds" / s["file"]).read_text(encoding="utf-8") for s in data["sources"]}
    quotes = [q for c in data["claims"] for q in c["quotes"]] + [q for e in data["events"] for q in e["quotes"]]
    assert len(quotes) >= 30
    for q in quotes:
        text = texts[q["source"]]
        exact, position = q["target"]["selector"]
        assert text[position["start"]:position["end"]] == exact["exact"]
        assert text[:position["start"]].endswith(exact["prefix"])
        assert text[position["end"]:].startswith(exact["suffix"])
        assert normalize(exact["exact"]) == normalize(q["text"])


def test_claims_csv_has_a_row_per_claim(edition: Path):
    rows = list(csv.DictReader(io.StringIO((edition / "data/claims.csv").read_text(encoding="utf-8-sig"))))
    data = json.loads((edition / "data/claims.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == [c["id"] for c in data["claims"]]
    assert all(r["verdict"] and r["claim_en"] for r in rows)


def test_timelinejs_json_has_every_event(edition: Path):
    data = json.loads((edition / "data/claims.json").read_text(encoding="utf-8"))
    for slug in LANGS:
        tl = json.loads((edition / f"data/timeline.{slug}.json").read_text(encoding="utf-8"))
        assert len(tl["events"]) == len(data["events"])
        for event in tl["events"]:
            assert event["start_date"]["year"] >= 2022 and event["text"]["headline"] and event["group"]


def test_quotes_deep_link_to_the_original_with_a_text_fragment(mini: Path):
    assert run_build(mini).returncode == 0
    html = (mini / "site/en/claims/navy-email/index.html").read_text(encoding="utf-8")
    link = next(part.split('"')[0] for part in html.split('href="') if "#:~:text=" in part)
    assert link.startswith("https://www.wenweipo.com/test-fixture-article.html#:~:text=")
    start = unquote(urlsplit(link).fragment.split("text=", 1)[1].split(",")[0])
    assert "美國海軍在一封電郵中，已指示海軍全體人員避免使用 DeepSeek 的 AI 技術".startswith(start)


def test_text_fragment_adds_a_prefix_only_when_the_start_is_ambiguous():
    source = normalize("甲說：DeepSeek 的 AI 很好。乙說：DeepSeek 的 AI 不好。")
    assert text_fragment("DeepSeek 的 AI 很好", "甲說：", source) == \
        "#:~:text=DeepSeek%20%E7%9A%84%20AI%20%E5%BE%88%E5%A5%BD"
    assert text_fragment("DeepSeek 的 AI", "乙說：", source).startswith("#:~:text=%E4%B9%99%E8%AA%AA%EF%BC%9A-,")


def test_citations_with_an_archive_copy_carry_robust_links_attributes(mini: Path):
    assert run_build(mini).returncode == 0
    html = (mini / "site/zh-hant/claims/h20-curbs-report/index.html").read_text(encoding="utf-8")
    assert 'data-versionurl="https://web.archive.org/web/2025/' in html
    assert 'data-originalurl="https://www.bloomberg.com/' in html and 'data-versiondate="2025-01-29"' in html


def test_every_page_has_canonical_and_open_graph_metadata(edition: Path):
    for page in sorted(edition.glob("*/**/index.html")):
        html = page.read_text(encoding="utf-8")
        assert '<link rel="canonical" href="https://' in html, page
        assert '<meta property="og:title"' in html and '<meta property="og:description" content="' in html
