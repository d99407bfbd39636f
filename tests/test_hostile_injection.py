"""Injection: hostile text is published as text in pages, feeds and JSON-LD, under a strict policy, and runs nowhere."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

from helpers import FIXTURES, run_build

# --- injection ----------------------------------------------------------------------------------------------

# Text that tries to leave every context it can end up in: element content, attribute values (both quotes),
# <script> (JSON-LD), comments, CSS, templates. Valid input: it must be published, as text.
PAYLOAD = ("<script>alert('t1')</script>\"><img src=x onerror=alert('t2')><svg onload=alert('t3')>"
           "</script><!-- ' onmouseover='alert(\"t4\")' style='background:url(https://evil.example/t5)' "
           "<style>*{background:url(https://evil.example/t6)}</style><base href=https://evil.example/> "
           "<iframe src=javascript:alert('t7')></iframe> {{ 7*7 }} ${7*7} &amp; &lt;b&gt; ]]> \\u003c")
EVIL_URL = "https://example.org/a?q=\"><script>alert('u1')</script>&x='onmouseover=alert('u2')//"
MARKDOWN = (PAYLOAD + "\n\n<a href=\"javascript:alert('m1')\">raw html</a> [ok](https://example.org/\"onclick=\"alert('m2'))"
            " [t](https://example.org/m3 \"t\\\" onmouseover=alert('m4')\") <https://example.org/'onmouseover='m5>")
SEED_LINE = "<script>alert('s1')</script>\"><img src=x onerror=alert('s2')>"
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background", "cite",
             "ping", "manifest", "codebase", "longdesc", "usemap", "content"}
FORBIDDEN_TAGS = {"base", "iframe", "frame", "frameset", "object", "embed", "applet", "img", "svg:foreignobject"}


def _inject(site: Path) -> dict:
    """The mini fixture with hostile text in every field a page, feed or JSON-LD shows."""
    import yaml

    doc = yaml.load((site / "claims.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # all text
    seed = site / "seeds" / "wwp-excerpt.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n" + SEED_LINE + "\n", encoding="utf-8")
    both = {"zh-Hant": "晶片" + PAYLOAD, "en": PAYLOAD}
    s = doc["site"]
    s["title"], s["description"] = both, both
    s["organization"]["name"] = both
    s["organization"]["url"] = EVIL_URL
    s["base_url"] = "https://example.org/mini/"
    for v in s["verdicts"]:
        v["label"] = {"zh-Hant": v["label"]["zh-Hant"], "en": v["label"]["en"] + PAYLOAD}
        v["meaning"] = both
    for t in s["topics"]:
        t["name"], t["description"] = {"zh-Hant": t["name"]["zh-Hant"], "en": t["name"]["en"] + PAYLOAD}, both
    for pub in doc["publishers"]:  # a publisher's name is shown beside every link it published
        pub["name"], pub["domains"] = both, ["example.org"]
    for p in doc["pages"]:
        p["title"], p["body"] = both, {"zh-Hant": MARKDOWN, "en": MARKDOWN}
    for src in doc["sources"]:
        src["sha256"] = hashlib.sha256(seed.read_bytes()).hexdigest()
        src["title"], src["author"], src["provenance"] = both, PAYLOAD, {"zh-Hant": MARKDOWN, "en": MARKDOWN}
        src["url"], src["archive_url"] = EVIL_URL, "https://web.archive.org/web/2025/" + EVIL_URL
    for c in doc["claims"]:
        c["claim"], c["claimant"], c["summary"] = both, both, {"zh-Hant": MARKDOWN, "en": MARKDOWN}
        c["rated"] = both
        c["reasoning"] = {"zh-Hant": MARKDOWN, "en": MARKDOWN}
        for q in c["quotes"]:
            q["translation"] = {"en": PAYLOAD}
        for e in c["evidence"]:
            e["title"], e["note"], e["url"] = both, both, EVIL_URL
            e["archive_url"] = "https://web.archive.org/web/2025/" + EVIL_URL
        for u in c.get("updates", []):
            u["text"] = {"zh-Hant": MARKDOWN, "en": MARKDOWN}
    doc["claims"][1]["quotes"].append({"source": "wwp", "text": SEED_LINE, "translation": {"en": PAYLOAD}})
    for ev in doc["events"]:
        ev["title"], ev["text"] = both, {"zh-Hant": MARKDOWN, "en": MARKDOWN}
        for li in ev.get("links", []):
            li["title"], li["url"] = both, EVIL_URL
    class Written(yaml.SafeDumper):  # every value written out: factsite refuses aliases
        def ignore_aliases(self, data):
            return True

    (site / "claims.yaml").write_text(yaml.dump(doc, Dumper=Written, allow_unicode=True, sort_keys=False,
                                                width=10**9), encoding="utf-8")
    return doc


@pytest.fixture(scope="module")
def injected(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("injected") / "mini"
    shutil.copytree(FIXTURES / "mini", site)
    _inject(site)
    result = run_build(site, env={"SOURCE_DATE_EPOCH": "1795392000"})
    assert result.returncode == 0, result.stderr
    return site / "site"


def parse_html(path: Path):
    return html5lib.parse(path.read_bytes(), treebuilder="etree", namespaceHTMLElements=False,
                          transport_encoding="utf-8")


def _url_is_active(value: str) -> bool:
    squeezed = re.sub(r"[\x00-\x20]+", "", value).lower()
    return squeezed.startswith(("javascript:", "data:", "vbscript:"))


def active_content(site: Path, page: Path) -> list[str]:
    """Everything on a page that could run or load something the site did not put there."""
    found = []
    rel = page.relative_to(site).as_posix()
    for el in parse_html(page).iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        for name, value in el.attrib.items():
            name = name if isinstance(name, str) else name[1]
            if name.lower().startswith("on"):
                found.append(f"{rel}: <{tag} {name}=…>")
            if name.lower() in URL_ATTRS and _url_is_active(value):
                found.append(f"{rel}: <{tag} {name}={value[:40]!r}>")
            if "evil.example" in value and name.lower() not in ("content", "title", "alt", "aria-label", "value",
                                                                 "data-pagefind-meta"):
                found.append(f"{rel}: <{tag} {name}={value[:60]!r}>")
            if name.lower() == "style":
                found.append(f"{rel}: <{tag} style=…>")
        if tag.lower() in FORBIDDEN_TAGS:
            found.append(f"{rel}: <{tag}>")
        if tag == "style" or (tag == "link" and "stylesheet" in el.get("rel", "") and "evil" in el.get("href", "")):
            found.append(f"{rel}: <{tag}> from the input")
        if tag == "meta" and el.get("http-equiv", "").lower() not in ("", "content-security-policy"):
            found.append(f"{rel}: <meta http-equiv={el.get('http-equiv')!r}>")
        if tag == "script":
            if el.get("type") == "application/ld+json":
                continue
            src = el.get("src")
            if not src or (el.text or "").strip():
                found.append(f"{rel}: inline <script>")
                continue
            target = (page.parent / src.split("?")[0]).resolve()
            if "//" in src or ":" in src or not target.is_file() or not target.is_relative_to(site.resolve()):
                found.append(f"{rel}: <script src={src!r}> is not one of the site's own files")
    return found


def test_no_injected_element_attribute_or_url_is_active(injected: Path):
    pages = sorted(injected.rglob("*.html"))
    assert len(pages) >= 50
    problems = [p for page in pages for p in active_content(injected, page)]
    assert problems == []


def _text(path: Path) -> str:
    return "".join(parse_html(path).itertext())


def test_injected_text_is_published_as_text(injected: Path):
    page = injected / "en" / "claims" / "navy-email" / "index.html"
    text = _text(page)
    assert PAYLOAD in text  # escaped, not stripped: the reader sees exactly what the editor wrote
    assert "{{ 7*7 }}" in text and "${7*7}" in text  # no template evaluated it
    assert SEED_LINE in _text(injected / "en" / "sources" / "wwp" / "index.html")
    hrefs = [link.get("href") for link in parse_html(page).iter("a")]
    assert EVIL_URL in hrefs  # the evidence URL survives whole, inside its attribute


def test_json_ld_parses_and_round_trips_hostile_text(injected: Path):
    for lang in ("en", "zh-hant", "zh-hans"):
        for claim in ("navy-email", "h20-curbs-report"):
            tree = parse_html(injected / lang / "claims" / claim / "index.html")
            scripts = [s for s in tree.iter("script") if s.get("type") == "application/ld+json"]
            assert len(scripts) == 1
            raw = scripts[0].text
            assert "</script" not in raw.lower() and "<!--" not in raw
            data = json.loads(raw)
            assert data["@type"] == "ClaimReview"
            if lang == "en":
                assert data["claimReviewed"] == PAYLOAD
                assert data["itemReviewed"]["author"]["name"] == PAYLOAD
                assert data["itemReviewed"]["appearance"][0]["url"] == EVIL_URL


def test_feeds_sitemaps_and_data_stay_well_formed(injected: Path):
    for path in sorted(injected.rglob("*.xml")):
        ET.fromstring(path.read_bytes())  # raises on any markup that escaped
    data = json.loads((injected / "data" / "claims.json").read_text(encoding="utf-8"))
    assert data["site"]["title"]["en"] == PAYLOAD
    for path in injected.rglob("timeline.json"):
        json.loads(path.read_text(encoding="utf-8"))


# --- Content-Security-Policy --------------------------------------------------------------------------------

UNSAFE_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "blob:", "http:", "https:",
                  "filesystem:"}


def csp_problems(site: Path) -> list[str]:
    """Pages whose policy is missing, late, or lets inline or foreign script run."""
    found = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        tree = parse_html(page)
        head = tree.find("head")
        metas = [m for m in tree.iter("meta") if m.get("http-equiv", "").lower() == "content-security-policy"]
        if len(metas) != 1 or head is None or metas[0] not in list(head):
            found.append(f"{rel}: {len(metas)} Content-Security-Policy meta tags in <head>")
            continue
        before = list(head)[:list(head).index(metas[0])]
        if any(el.tag in ("script", "link", "style", "base") for el in before):
            found.append(f"{rel}: the policy comes after content it should govern")
        policy = {}
        for directive in metas[0].get("content", "").split(";"):
            words = directive.split()
            if words:
                policy[words[0].lower()] = set(words[1:])
        if policy.get("default-src") != {"'none'"}:
            found.append(f"{rel}: default-src is {policy.get('default-src')}, not 'none'")
        script = policy.get("script-src", policy.get("default-src", set()))
        if script & UNSAFE_SOURCES or not script <= {"'self'", "'wasm-unsafe-eval'", "'none'"}:
            found.append(f"{rel}: script-src {sorted(script)}")
        if "object-src" in policy and policy["object-src"] != {"'none'"}:
            found.append(f"{rel}: object-src {sorted(policy['object-src'])}")
        for name in ("base-uri", "form-action"):
            if name not in policy:
                found.append(f"{rel}: no {name}")
    return found


def test_every_page_of_the_hostile_build_has_a_strict_policy(injected: Path):
    assert csp_problems(injected) == []


def test_every_page_of_the_edition_has_a_strict_policy(edition: Path):
    assert csp_problems(edition) == []


# --- in a browser -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served_injected(injected: Path):
    import functools
    import http.server

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(injected)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


BROWSER_PAGES = ["en/claims/navy-email/", "zh-hant/claims/h20-curbs-report/", "en/sources/wwp/", "en/",
                 "en/timeline/", "en/about/", "en/corrections/", "en/topics/us-government/", "en/claims/",
                 "en/search/?q=alert", ""]


@pytest.mark.parametrize("path", BROWSER_PAGES)
def test_nothing_injected_runs_in_chromium(page, served_injected, path):
    """A real browser: no dialog opens, nothing is fetched from elsewhere, the policy reports no violation."""
    from urllib.parse import urlsplit

    host = urlsplit(served_injected).netloc
    trouble: list[str] = []
    page.on("dialog", lambda d: (trouble.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda err: trouble.append(f"error: {err}"))
    page.on("console", lambda msg: msg.type == "error" and trouble.append(f"console: {msg.text}"))
    page.on("request", lambda req: urlsplit(req.url).netloc not in (host, "") and trouble.append(f"request: {req.url}"))
    page.goto(served_injected + path)
    page.wait_for_load_state("networkidle")
    page.evaluate("""() => document.querySelectorAll('*').forEach(el => {
        for (const type of ['mouseover', 'click', 'focus', 'error', 'load']) {  // fires any handler that got through
            if (type === 'click' && el.closest('a, button, input, summary')) continue;
            el.dispatchEvent(new Event(type, {bubbles: false}));
        }
    })""")
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.querySelectorAll('img[onerror], svg[onload], iframe, base').length") == 0
    assert trouble == []
