"""Our published data in the clients third parties really use, offline: anchorpoint and Apache Annotator resolve
the quote selectors, TimelineJS renders the timelines, pandas reads the CSV, pyld and rdflib read the JSON-LD."""

from __future__ import annotations

import codecs
import contextlib
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import FIXTURES, ROOT, run_build

SLUGS = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans", "en": "en"}
TIMELINEJS_LANGUAGE = {"zh-hant": "zh-tw", "zh-hans": "zh-cn", "en": "en"}
NODE_MODULES = ROOT / "node_modules"
TIMELINEJS = NODE_MODULES / "@knight-lab/timelinejs/dist"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_EVENT = "e-2025-01-24"
HOSTILE_HTML = "<b>{}</b> & <img src=x onerror=alert(1)>"


def need_node_modules(*paths: Path) -> None:
    if not all(path.exists() for path in paths):
        if os.environ.get("CI"):
            pytest.fail("the client tests need node_modules: scripts/setup test runs `npm ci`")
        pytest.skip("run `npm ci` to install TimelineJS, Apache Annotator and esbuild (scripts/setup test does it)")


def claims_json(site: Path) -> dict:
    return json.loads((site / "data/claims.json").read_text(encoding="utf-8"))


def quotes(data: dict) -> list[dict]:
    """Every quote with a selector: the claims', their evidence's, the events' and the events' links'."""
    found = [q for c in data["claims"] for q in c["quotes"]]
    found += [e["quote"] for c in data["claims"] for e in c["evidence"] if e["quote"]]
    found += [q for e in data["events"] for q in e["quotes"]]
    return found + [li["quote"] for e in data["events"] for li in e["links"] if li["quote"]]


def local(site: Path, data: dict, url: str) -> Path:
    """The built file a published URL stands for."""
    base = data["site"]["base_url"]
    assert url.startswith(base), url
    return site / url.removeprefix(base)


@contextlib.contextmanager
def static_server(folder: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


# The mini site, made hostile where a client could be fooled: a claim that is a spreadsheet formula, an evidence
# quote (the edition has none) and an event title that is HTML.
MINI_EDITS = [
    ("      zh-Hant: 特朗普政府官員正研究把晶片銷售限制擴大至 Nvidia H20。\n",
     """      zh-Hant: '=HYPERLINK("https://evil.example/","官員研究限制 H20")'\n"""),
    ("      en: Trump officials were studying extending chip curbs to Nvidia's H20.\n",
     """      en: '=HYPERLINK("https://evil.example/","Officials studied H20 curbs")'\n"""),
    ("avoid-using.html\n\nevents:",
     "avoid-using.html\n        quote: {source: wwp, text: 該電郵於上周五發送}\n\nevents:"),
    ("    title: {zh-Hant: 美國海軍禁用 DeepSeek, en: US Navy bans DeepSeek}\n",
     f"    title: {{zh-Hant: '{HOSTILE_HTML.format('海軍')}', en: '{HOSTILE_HTML.format('Navy')}'}}\n"),
]


@pytest.fixture(scope="module")
def hostile_mini(tmp_path_factory) -> Path:
    """The mini fixture with MINI_EDITS, built; returns its site/ folder."""
    root = tmp_path_factory.mktemp("clients") / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    text = (root / "claims.yaml").read_text(encoding="utf-8")
    for old, new in MINI_EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (root / "claims.yaml").write_text(text, encoding="utf-8")
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def served_mini(hostile_mini: Path):
    with static_server(hostile_mini) as url:
        yield url


# --- 1. anchorpoint -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("built", ["edition", "hostile_mini"])
def test_anchorpoint_finds_every_quote_once_at_the_offsets_the_position_selector_gives(request, built):
    from anchorpoint import TextPositionSelector, TextQuoteSelector

    site = request.getfixturevalue(built)
    data = claims_json(site)
    hashes = {s["text_url"]: s["sha256"] for s in data["sources"]}
    found = quotes(data)
    # the edition quotes only in claims; the mini site adds an evidence quote and has an event quote
    assert len(found) >= 50 if built == "edition" else len(found) == 4
    for q in found:
        archive = local(site, data, q["target"]["source"]).read_bytes()
        assert hashlib.sha256(archive).hexdigest() == hashes[q["target"]["source"]], "not published byte for byte"
        text = archive.decode("utf-8")
        quote, position = q["target"]["selector"]
        assert (quote["type"], position["type"]) == ("TextQuoteSelector", "TextPositionSelector")
        at = TextQuoteSelector(exact=quote["exact"], prefix=quote["prefix"], suffix=quote["suffix"]) \
            .as_unique_position(text)
        assert (at.start, at.end) == (position["start"], position["end"]), q["id"]
        assert TextPositionSelector(start=position["start"], end=position["end"]).select_text(text) == \
            quote["exact"], q["id"]


# --- browser helpers --------------------------------------------------------------------------------------------

def local_only(page, files: dict[str, Path | str]) -> list[str]:
    """Serve `files` (path → file, folder if it ends in /, or HTML text) on the page's origin, block every request
    that leaves 127.0.0.1, and note what went wrong: blocked requests, dialogs, script errors."""
    trouble: list[str] = []

    def handle(route):
        url = urlsplit(route.request.url)
        if url.hostname != "127.0.0.1":
            trouble.append(f"left 127.0.0.1: {route.request.url}")
            return route.abort()
        for prefix, target in files.items():
            if isinstance(target, str) and url.path == prefix:
                return route.fulfill(content_type="text/html; charset=utf-8", body=target)
            if isinstance(target, Path) and prefix.endswith("/") and url.path.startswith(prefix):
                return route.fulfill(path=target / url.path.removeprefix(prefix))
            if isinstance(target, Path) and url.path == prefix:
                return route.fulfill(path=target)
        return route.continue_()

    page.route("**/*", handle)
    page.on("dialog", lambda dialog: (trouble.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: trouble.append(f"error: {error}"))
    page.on("console", lambda msg: msg.type == "error" and trouble.append(f"console: {msg.text}"))
    return trouble


# --- 2. Apache Annotator ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def annotator_js(tmp_path_factory) -> Path:
    """Apache Annotator's DOM and selector packages bundled for the browser by esbuild."""
    esbuild = NODE_MODULES / ".bin/esbuild"
    need_node_modules(esbuild, NODE_MODULES / "@apache-annotator/dom", NODE_MODULES / "@apache-annotator/selector")
    out = tmp_path_factory.mktemp("annotator") / "annotator.js"
    entry = ("import * as dom from '@apache-annotator/dom'; import * as selector from '@apache-annotator/selector';"
             "window.annotator = {...selector, ...dom};")
    subprocess.run([str(esbuild), "--bundle", "--format=iife", "--log-level=warning", f"--outfile={out}"],
                   input=entry, text=True, cwd=ROOT, check=True, timeout=60)
    return out


# Python's test server sends text/plain without a charset, so Chromium would guess windows-1252 for the .txt (GitHub
# Pages sends charset=utf-8); fetch() always reads UTF-8, so the page puts the archive's text into a <pre> itself.
ANNOTATOR_PAGE = '<!doctype html><meta charset="utf-8"><title>A</title><script src="annotator.js"></script><pre>'
ANCHOR = """async ({url, selectors}) => {
    const response = await fetch(url);
    const pre = document.querySelector('pre');
    pre.textContent = await response.text();
    const all = async (matches) => {
        const found = [];
        for await (const range of matches) found.push(range);
        return found;
    };
    const same = (a, b) => a.compareBoundaryPoints(Range.START_TO_START, b) === 0
                           && a.compareBoundaryPoints(Range.END_TO_END, b) === 0;
    const results = [];
    for (const [quote, position] of selectors) {
        const byQuote = await all(annotator.createTextQuoteSelectorMatcher(quote)(pre));
        const byPosition = await all(annotator.createTextPositionSelectorMatcher(position)(pre));
        results.push({texts: byQuote.map(String), positionTexts: byPosition.map(String),
                      same: byQuote.length === 1 && byPosition.length === 1 && same(byQuote[0], byPosition[0])});
    }
    return {status: response.status, type: response.headers.get('content-type'), results};
}"""


@pytest.mark.parametrize("built,server", [("edition", "served"), ("hostile_mini", "served_mini")])
def test_apache_annotator_in_chromium_finds_every_quote_once_in_the_archive_the_selectors_name(
        page, request, annotator_js, built, server):
    site, origin = request.getfixturevalue(built), request.getfixturevalue(server)
    data = claims_json(site)
    trouble = local_only(page, {"/_clients/annotator.html": ANNOTATOR_PAGE, "/_clients/annotator.js": annotator_js})
    page.goto(origin + "_clients/annotator.html")
    html_pages = {url for s in data["sources"] for url in s["url"].values()}
    by_archive: dict[str, list[dict]] = {}
    for q in quotes(data):
        by_archive.setdefault(q["target"]["source"], []).append(q)
    assert set(by_archive) <= {s["text_url"] for s in data["sources"]}
    for source, qs in by_archive.items():
        # the review's check: the selectors named the HTML page, where no selector matched; now they name the archive
        assert source not in html_pages and source.endswith(".txt"), source
        url = origin + source.removeprefix(data["site"]["base_url"])
        found = page.evaluate(ANCHOR, {"url": url, "selectors": [q["target"]["selector"] for q in qs]})
        assert found["status"] == 200 and found["type"].startswith("text/plain"), source
        for q, result in zip(qs, found["results"], strict=True):
            exact = q["target"]["selector"][0]["exact"]
            assert result["texts"] == [exact], q["id"]
            assert result["positionTexts"] == [exact] and result["same"], q["id"]
    assert trouble == []


# --- 3. TimelineJS ------------------------------------------------------------------------------------------------

TIMELINE_PAGE = """<!doctype html><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="timelinejs/css/timeline.css"><script src="timelinejs/js/timeline.js"></script>
<div id="timeline" style="width: 1200px; height: 700px"></div>
<script>
const query = new URLSearchParams(location.search);
window.timeline = new TL.Timeline('timeline', query.get('data'), {language: query.get('language'), font: null,
    script_path: new URL('timelinejs/js/', location.href).href});
timeline.on('loaded', () => { window.timelineLoaded = true; });
</script>"""


def open_timeline(page, origin: str, data_path: str, slug: str) -> None:
    page.goto(f"{origin}_clients/timeline.html?data={data_path}&language={TIMELINEJS_LANGUAGE[slug]}")
    page.wait_for_function("() => window.timelineLoaded === true", timeout=20_000)


SLIDES = """() => [...document.querySelectorAll('.tl-slide')].map(slide => ({
    id: slide.id, headline: slide.querySelector('.tl-headline')?.textContent,
    links: [...slide.querySelectorAll('.tl-text-content a')].map(a => a.href)}))"""


@pytest.mark.parametrize("slug", SLUGS)
def test_timelinejs_renders_every_event_with_working_links_to_its_fact_checks(page, served, edition, slug):
    need_node_modules(TIMELINEJS / "js/timeline.js")
    data, code = claims_json(edition), SLUGS[slug]
    trouble = local_only(page, {"/_clients/timeline.html": TIMELINE_PAGE, "/_clients/timelinejs/": TIMELINEJS})
    open_timeline(page, served, f"/data/timeline.{slug}.json", slug)
    slides = {slide["id"]: slide for slide in page.evaluate(SLIDES)}
    assert list(slides)[0] == "title" and sorted(slides) == sorted(["title"] + [e["id"] for e in data["events"]])
    assert page.locator(".tl-timemarker").count() == len(data["events"])
    assert page.locator(".tl-timegroup").count() == len({e["topic"] for e in data["events"]})
    claims = {c["id"]: c for c in data["claims"]}
    checked: set[str] = set()
    for event in data["events"]:
        slide = slides[event["id"]]
        assert slide["headline"] == event["title"][code]
        assert slide["links"] == [claims[cid]["url"][code] for cid in event["claims"]], event["id"]
        for href in set(slide["links"]) - checked:
            response = page.request.get(served + href.removeprefix(data["site"]["base_url"]))
            assert response.ok and f'<link rel="canonical" href="{href}">' in response.text(), href
            checked.add(href)
    assert sum(bool(e["claims"]) for e in data["events"]) >= 25 and checked
    assert trouble == []


@pytest.mark.parametrize("slug", SLUGS)
def test_timelinejs_shows_an_html_event_title_as_literal_text_without_a_request_or_dialog(
        page, served, hostile_mini, tmp_path, slug):
    need_node_modules(TIMELINEJS / "js/timeline.js")
    title = next(e["title"][SLUGS[slug]] for e in claims_json(hostile_mini)["events"] if e["id"] == HOSTILE_EVENT)
    assert title == HOSTILE_HTML.format({"zh-hant": "海軍", "zh-hans": "海军", "en": "Navy"}[slug])
    hostile = tmp_path / f"timeline.{slug}.json"
    shutil.copyfile(hostile_mini / f"data/timeline.{slug}.json", hostile)
    requests: list[str] = []
    page.on("request", lambda req: requests.append(urlsplit(req.url).path))
    trouble = local_only(page, {"/_clients/timeline.html": TIMELINE_PAGE, "/_clients/timelinejs/": TIMELINEJS,
                                "/_clients/hostile.json": hostile})
    open_timeline(page, served, "/_clients/hostile.json", slug)
    page.wait_for_timeout(300)
    slides = {slide["id"]: slide for slide in page.evaluate(SLIDES)}
    assert slides[HOSTILE_EVENT]["headline"] == title
    assert page.locator(f"#{HOSTILE_EVENT}-marker").inner_text().strip() == title
    assert page.locator("#timeline b, #timeline img, [onerror]").count() == 0
    assert all(path in ("/_clients/timeline.html", "/_clients/hostile.json") or path.startswith("/_clients/timelinejs/")
               for path in requests), requests
    assert trouble == []


# --- 4. pandas ---------------------------------------------------------------------------------------------------

CSV_COLUMNS = ["id", "verdict", "rating", "topic", "claimant_type", "appeared_in", "date", "checked", "published",
               "modified"] + [f"{name}_{code}" for name in ("url", "claimant", "claim", "summary", "verdict_label")
                              for code in SLUGS.values()] + ["quotes", "sources", "evidence_urls"]


def read_csv(site: Path, **options):
    import pandas

    return pandas.read_csv(site / "data/claims.csv", encoding="utf-8-sig", **options)


def test_pandas_reads_the_csv_with_chinese_intact_a_row_per_claim_and_the_new_columns(edition):
    import pandas

    raw = (edition / "data/claims.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and b"\n" not in raw.replace(b"\r\n", b""), "Excel needs a BOM, CRLF"
    data = claims_json(edition)
    verdicts = {v["id"]: v for v in data["verdicts"]}
    table = read_csv(edition, dtype=str, keep_default_na=False)
    assert list(table.columns) == CSV_COLUMNS
    assert list(table["id"]) == [c["id"] for c in data["claims"]]
    for row, claim in zip(table.to_dict("records"), data["claims"], strict=True):
        for code in SLUGS.values():
            assert row[f"claim_{code}"] == claim["claim"][code] and row[f"claimant_{code}"] == claim["claimant"][code]
            assert row[f"url_{code}"] == claim["url"][code]
            assert row[f"verdict_label_{code}"] == verdicts[claim["verdict"]]["label"][code]
        assert re.search("[\u4e00-\u9fff]", row["claim_zh-Hant"] + row["claim_zh-Hans"] + row["summary_zh-Hans"])
        assert row["quotes"].split() == [q["id"] for q in claim["quotes"]]
        assert row["evidence_urls"].split() == [e["url"] for e in claim["evidence"]]
    assert not [cell for cell in table.to_numpy().ravel() if cell.startswith(FORMULA_START)]
    ratings = read_csv(edition)["rating"]
    assert pandas.api.types.is_numeric_dtype(ratings)
    expected = [verdicts[c["verdict"]]["rating"] for c in data["claims"]]
    assert [None if pandas.isna(r) else r for r in ratings] == expected
    assert None in expected and any(expected)


def test_pandas_gets_a_formula_claim_as_inert_text(hostile_mini):
    table = read_csv(hostile_mini, dtype=str, keep_default_na=False).set_index("id")
    claim = claims_json(hostile_mini)["claims"][0]
    for code in SLUGS.values():
        assert claim["claim"][code].startswith("=HYPERLINK(")
        assert table.loc[claim["id"], f"claim_{code}"] == "'" + claim["claim"][code]
    assert not [cell for cell in table.to_numpy().ravel() if cell.startswith(FORMULA_START)]


# --- 5. pyld and rdflib ------------------------------------------------------------------------------------------

# The few terms of https://schema.org/docs/jsonldcontext.jsonld that change how our values read: the rest fall to
# @vocab, as in the real context, and plain strings take the page's @language.
SCHEMA_ORG_CONTEXT = {"@context": {
    "@vocab": "http://schema.org/", "schema": "http://schema.org/",
    "url": {"@id": "schema:url", "@type": "@id"}, "sameAs": {"@id": "schema:sameAs", "@type": "@id"},
    "datePublished": {"@id": "schema:datePublished", "@type": "schema:Date"},
    "dateModified": {"@id": "schema:dateModified", "@type": "schema:Date"}}}


def schema_org_only(url: str, options=None) -> dict:
    """pyld's document loader, offline: schema.org's context and nothing else."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_ORG_CONTEXT}


def values(node):
    if isinstance(node, dict):
        yield from [node] if "@value" in node else [v for child in node.values() for v in values(child)]
    elif isinstance(node, list):
        yield from (v for child in node for v in values(child))


@pytest.mark.parametrize("slug", SLUGS)
def test_pyld_and_rdflib_read_every_claim_page_with_its_language_on_every_text(edition, slug):
    import rdflib
    from pyld import jsonld

    pages = sorted(edition.glob(f"{slug}/claims/*/index.html"))
    assert len(pages) == len(claims_json(edition)["claims"])
    options = {"documentLoader": schema_org_only}
    for path in pages:
        html = path.read_text(encoding="utf-8")
        lang = re.search(r'<html lang="([^"]+)"', html)[1].lower()
        assert lang == SLUGS[slug].lower()
        (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
        document = json.loads(script)
        expanded = jsonld.expand(document, options)
        texts = [v for v in values(expanded) if isinstance(v["@value"], str) and "@type" not in v]
        assert len(texts) >= 5 and all(v.get("@language", "").lower() == lang for v in texts), path
        graph = rdflib.Graph().parse(data=jsonld.to_rdf(document, {**options, "format": "application/n-quads"}),
                                     format="nt")
        literals = [o for o in graph.objects() if isinstance(o, rdflib.Literal)]
        assert all(o.datatype or (o.language or "").lower() == lang for o in literals), path
        (reviewed,) = graph.objects(predicate=rdflib.URIRef("http://schema.org/claimReviewed"))
        assert isinstance(reviewed, rdflib.Literal) and reviewed.language.lower() == lang, path
