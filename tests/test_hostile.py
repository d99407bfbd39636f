"""Hostile input: nothing crashes, hangs, leaks or runs.

- tests/hostile/*.txt: a corpus of hostile inputs, each with its exact outcome (format in tests/hostile/README.md);
- generated input too big to write down: an alias bomb, 100,000 levels of nesting, a 50 MB claims.yaml, /dev/zero;
- injection: text built to break out of HTML, attributes, JSON-LD, URLs, Markdown and CSS, checked by parsing
  every built page (html5lib, as browsers parse), and in Chromium when it is installed;
- every page carries a strict Content-Security-Policy that allows no inline script;
- the preview server serves nothing outside its folder and survives malformed requests and a burst of requests.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import html5lib
import pytest

from factsite.load import yamlfile
from factsite.problems import Problems
from helpers import FIXTURES, ROOT, run_build

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASES = sorted(HOSTILE.glob("*.txt"))
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[rtn0\\])")


# --- the corpus ---------------------------------------------------------------------------------------------

def unescape(text: str, as_bytes: bool = False) -> str | bytes:
    """Decode the corpus escapes; in bytes mode \\xHH is a raw byte, everything else UTF-8."""
    out: list[bytes] = []

    def char(code: str) -> bytes:
        if code[0] == "x" and as_bytes:
            return bytes([int(code[1:], 16)])
        if code[0] in "xu":
            return chr(int(code[1:], 16)).encode("utf-8", "surrogatepass")
        return {"r": "\r", "t": "\t", "n": "\n", "0": "\0", "\\": "\\"}[code].encode()

    at = 0
    for m in _ESCAPE.finditer(text):
        out.append(text[at:m.start()].encode("utf-8"))
        out.append(char(m.group(1)))
        at = m.end()
    out.append(text[at:].encode("utf-8"))
    data = b"".join(out)
    return data if as_bytes else data.decode("utf-8", "surrogatepass")


def parse_case(path: Path) -> list[tuple[str, str]]:
    """The case's sections in order, as (header, text) pairs."""
    parts = re.split(r"^--- (.+)\n", path.read_text(encoding="utf-8"), flags=re.M)
    return [(parts[i], parts[i + 1]) for i in range(1, len(parts), 2)]


def apply_case(sections: list[tuple[str, str]], site: Path, outside: Path) -> None:
    """Set up the hostile input: seeds first (so {sha256:NAME} sees them), then claims.yaml."""
    seeds = site / "seeds"
    for header, text in sections:
        words = header.split()
        escaped = words[-1] == "escaped"
        if words[0] == "seed":
            (seeds / words[1]).write_bytes(unescape(text, as_bytes=True) if escaped else text.encode("utf-8"))
        elif words[0] == "seed-bytes":
            data = (seeds / words[1]).read_bytes()
            if "crlf" in words[2:]:
                data = data.replace(b"\n", b"\r\n")
            if "bom" in words[2:]:
                data = b"\xef\xbb\xbf" + data
            (seeds / words[1]).write_bytes(data)
        elif words[0] == "link":
            name, _, target = header[len("link "):].partition(" -> ")
            (seeds / name).symlink_to(target.replace("{outside}", str(outside)))
        elif words[0] == "fifo":
            os.mkfifo(seeds / words[1])
    yaml_path = site / "claims.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    find = None
    for header, body in sections:
        words = header.split()
        value = unescape(body) if words[-1] == "escaped" else body
        if words[0] == "find":
            find = value
        elif words[0] == "replace":
            assert find is not None and find in text, f"the find text is not in claims.yaml: {find!r}"
            value = re.sub(r"\{sha256:([^}]+)\}",
                           lambda m: hashlib.sha256((seeds / m.group(1)).read_bytes()).hexdigest(), value)
            text = text.replace(find, value, 1)
            find = None
    data = text.encode("utf-8", "surrogatepass")
    for header, _ in sections:
        if header.startswith("claims-bytes"):
            if "crlf" in header:
                data = data.replace(b"\n", b"\r\n")
            if "bom" in header:
                data = b"\xef\xbb\xbf" + data
    yaml_path.write_bytes(data)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_hostile_input(case: Path, mini: Path, tmp_path: Path):
    sections = parse_case(case)
    outside = tmp_path / "outside.txt"
    outside.write_text("a file outside the site that must never be read or served\n", encoding="utf-8")
    apply_case(sections, mini, outside)
    (mini / "site").mkdir()
    (mini / "site" / "index.html").write_text("previous build", encoding="utf-8")
    kinds = dict(sections)

    start = time.monotonic()
    result = run_build(mini, "--no-search")
    took = time.monotonic() - start

    assert "Traceback" not in result.stderr
    assert took < 30, f"took {took:.1f} s"
    if "expect" in kinds:
        assert (result.returncode, result.stdout, result.stderr) == (1, "", kinds["expect"])
        assert (mini / "site" / "index.html").read_text(encoding="utf-8") == "previous build"
    else:
        assert result.returncode == 0, result.stderr
        for line in kinds["builds"].splitlines():
            if line.strip():
                rel, _, text = line.partition(": ")
                assert text in (mini / "site" / rel).read_text(encoding="utf-8"), line
    assert not list(mini.glob(".site.building-*")) and not (mini / ".site.previous").exists()


# --- generated input: bombs, depth, size, devices -----------------------------------------------------------

MEASURE = """\
import json, resource, sys, time
from factsite.cli import main
start = time.perf_counter()
code = main(sys.argv[1:])
print(json.dumps({"code": code, "seconds": time.perf_counter() - start,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
MEMORY_CAP = 2 * 2**30  # address space for a measured build: a real expansion would hit it and fail


def _cap_memory():
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def measured(site: Path, *args: str) -> tuple[dict, str]:
    """Run the command line in a fresh process with capped memory; its exit code, time and peak memory."""
    result = subprocess.run([sys.executable, "-c", MEASURE, *args], cwd=site, capture_output=True, text=True,
                            timeout=120, preexec_fn=_cap_memory, env=dict(os.environ, CI="true",
                                                                      PYTHONPATH=str(ROOT)))
    assert result.returncode == 0 and "Traceback" not in result.stderr, (result.returncode, result.stderr[-2000:])
    stats = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"{' '.join(args) or 'build'}: exit {stats['code']}, {stats['seconds']:.2f} s, "
          f"peak {stats['max_rss_mb']:.0f} MB")
    return stats, result.stderr


def write_claims(site: Path, text: str) -> None:
    (site / "claims.yaml").write_text(text, encoding="utf-8")


def with_site_title(mini: Path, title_yaml: str, before: str = "") -> str:
    text = (mini / "claims.yaml").read_text(encoding="utf-8")
    old = "  title: {zh-Hant: 迷你查核, en: Mini Fact-Check}\n"
    assert old in text
    return before + text.replace(old, f"  title: {title_yaml}\n", 1)


def test_billion_laughs_is_refused_fast_with_bounded_memory(mini: Path):
    lines = ["lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 10)]  # 10^10 items if expanded
    write_claims(mini, with_site_title(mini, "*l9", "\n".join(lines) + "\n"))
    stats, stderr = measured(mini, "check")
    assert stats["code"] == 1
    assert stderr.count("anchors and aliases (&name, *name) are not allowed") == 10
    assert stats["seconds"] < 2 and stats["max_rss_mb"] < 300


def test_a_wide_alias_flood_is_refused_fast(mini: Path):
    """Not deep but wide: 200,000 aliases of one 1,000-item list (200 million items if expanded)."""
    big = "[" + ", ".join(f"w{i}" for i in range(1000)) + "]"
    flood = "flood: &big " + big + "\nmore: [" + ", ".join(["*big"] * 200_000) + "]\n"
    write_claims(mini, with_site_title(mini, "*big", flood))
    stats, stderr = measured(mini, "check")
    assert stats["code"] == 1 and stderr.count("anchors and aliases") == 1
    assert stats["seconds"] < 10 and stats["max_rss_mb"] < 400


@pytest.mark.parametrize("shape", ["flow-lists", "flow-mappings", "block-lists", "block-mappings"])
def test_deep_nesting_is_refused_without_crashing(mini: Path, shape: str):
    depth = 100_000  # libyaml's composer segfaults on this (C recursion), and its scanner is quadratic in it
    nested = {"flow-lists": "[" * depth + "x" + "]" * depth,
              "flow-mappings": "{a: " * depth + "x" + "}" * depth,
              "block-lists": "\n" + "- " * depth + "x",
              "block-mappings": "\n" + "".join(" " * i + "a:\n" for i in range(2000)) + " " * 2000 + "x"}[shape]
    text = (mini / "claims.yaml").read_text(encoding="utf-8") + "nested: " + nested + "\n"
    write_claims(mini, text)
    start = time.monotonic()
    result = run_build(mini, "check")
    assert time.monotonic() - start < 10
    assert result.returncode == 1, result.stderr[-2000:]  # not -11: no segmentation fault
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert re.match(r"claims\.yaml:\d+:\d+: error: YAML nesting is deeper than 64 levels\n", result.stderr)


def test_a_50_mb_claims_yaml_fails_fast_with_a_hint(mini: Path):
    text = (mini / "claims.yaml").read_text(encoding="utf-8")
    head, claims = text.split("\nclaims:\n", 1)
    claims, events = claims.split("\nevents:\n", 1)
    copies, n = [], 0
    size = len(text.encode())
    while size < 50 * 2**20:  # realistic YAML: the fixture's claims again and again, with new ids
        n += 1
        copy = re.sub(r"(?m)^  - id: ([a-z0-9-]+)$", rf"  - id: \1-copy{n}", claims) + "\n"
        copies.append(copy)
        size += len(copy.encode())
    write_claims(mini, head + "\nclaims:\n" + claims + "\n" + "".join(copies) + "\nevents:\n" + events)
    assert (mini / "claims.yaml").stat().st_size > 50 * 2**20
    stats, stderr = measured(mini, "check")
    assert stats["code"] == 1
    assert re.fullmatch(r"claims\.yaml:1:1: error: claims\.yaml is 5\d\.\d MB; the limit is 8 MB\n"
                        r"  hint: split long source texts into seeds/ files and keep claims\.yaml to the claims "
                        r"themselves\nfactsite: 1 error\n", stderr)
    assert stats["seconds"] < 5 and stats["max_rss_mb"] < 600


def test_claims_yaml_that_is_not_utf8_is_an_error_not_a_traceback(mini: Path):
    (mini / "claims.yaml").write_bytes((mini / "claims.yaml").read_bytes().replace(
        "迷你查核".encode(), "迷你查核".encode("big5"), 1))
    result = run_build(mini)
    assert result.returncode == 1 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.startswith("claims.yaml") and ": error: cannot read claims.yaml" in result.stderr


def test_reading_claims_yaml_checks_the_file_before_reading_it(tmp_path: Path):
    """yamlfile.read: devices, FIFOs and oversized files are refused unread; bad UTF-8 has a line and column."""
    def read(path: Path) -> list[str]:
        problems = Problems()
        start = time.monotonic()
        text = yamlfile.read(path, "claims.yaml", problems)
        assert time.monotonic() - start < 2
        assert (text is None) == bool(problems)
        return [p.format() for p in problems.items]

    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    assert read(tmp_path / "zero.yaml") == ["claims.yaml: error: cannot read claims.yaml: not a regular file\n"
                                            "  hint: check that the file exists and is readable"]
    os.mkfifo(tmp_path / "fifo.yaml")
    assert read(tmp_path / "fifo.yaml")[0].startswith("claims.yaml: error: cannot read claims.yaml: not a regular")
    with open(tmp_path / "huge.yaml", "wb") as f:
        f.truncate(50 * 2**20)  # sparse: the size is refused before a byte is read
    assert read(tmp_path / "huge.yaml")[0].startswith("claims.yaml:1:1: error: claims.yaml is 50.0 MB; the limit")
    (tmp_path / "latin1.yaml").write_bytes("site:\n  title: 迷你\xe9\n".encode().replace(b"\xc3\xa9", b"\xe9"))
    assert read(tmp_path / "latin1.yaml")[0].startswith(
        "claims.yaml:2:12: error: cannot read claims.yaml: not UTF-8 (byte 0xe9)")
    (tmp_path / "crlf.yaml").write_bytes(b"site:\r\n  title: x\r\n")
    problems = Problems()
    assert yamlfile.read(tmp_path / "crlf.yaml", "claims.yaml", problems) == "site:\n  title: x\n"


def test_claims_yaml_linked_to_dev_zero_does_not_hang(mini: Path):
    (mini / "claims.yaml").unlink()
    (mini / "claims.yaml").symlink_to("/dev/zero")
    result = run_build(mini, "check")
    assert result.returncode == 1 and "not a regular file" in result.stderr and "Traceback" not in result.stderr


def test_a_slow_quote_search_is_bounded(mini: Path):
    """The closest-passage hint is quadratic in difflib; long and repetitive quotes must stay quick."""
    seed = "".join("彭博社周四引述知情人稱特朗普政府官員正研究將銷售限制擴大至對華特供版芯片" * 4000)
    (mini / "seeds" / "long.txt").write_text(seed, encoding="utf-8")
    sha = hashlib.sha256(seed.encode("utf-8")).hexdigest()
    text = (mini / "claims.yaml").read_text(encoding="utf-8")
    text = text.replace("\nclaims:\n", f"""
  - id: long
    file: long.txt
    sha256: {sha}
    title: Long
    publisher: Long
    date: 2025-01-31

claims:
""", 1)
    typo = seed[5000:25000] + "X"  # 20,000 characters that occur nowhere: the worst case for the hint
    text = text.replace("        text: 美國總統特朗普政府考慮進一步收緊\n",
                        "        text: 美國總統特朗普政府考慮進一步收緊\n"
                        f"      - source: long\n        text: {typo}\n", 1)
    write_claims(mini, text)
    stats, stderr = measured(mini, "check")
    assert stats["code"] == 1 and "quote not found in source 'long'" in stderr
    assert stats["seconds"] < 10
    closest = [line for line in stderr.splitlines() if line.startswith("  closest")][0]
    assert len(closest) < 500  # the passage shown is cut, not 20,000 characters long


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


# --- the preview server -------------------------------------------------------------------------------------

SECRET = "secret-5b1f: a file outside the preview folder"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raw(port: int, request: bytes, timeout: float = 5) -> bytes:
    """Send bytes as they are (no client normalizes the path) and read the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(request)
        chunks = []
        try:
            while True:
                data = s.recv(65536)
                if not data:
                    break
                chunks.append(data)
        except (TimeoutError, ConnectionResetError):
            pass
    return b"".join(chunks)


def get(port: int, path: str, host: str = "127.0.0.1") -> tuple[int, bytes]:
    answer = raw(port, f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    return status, answer


@pytest.fixture
def preview(mini: Path, tmp_path: Path):
    """`build.py serve` on a free port, with a secret file beside the project and links pointing at it."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    port = free_port()
    with open(tmp_path / "serve.log", "w") as log:
        proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port)], cwd=mini,
                                stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, CI="true"))
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if get(port, "/en/")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            else:
                raise AssertionError("serve did not start")
            folder = mini / ".factsite-cache" / "preview"
            (folder / "leak.txt").symlink_to(secret)
            (folder / "leakdir").symlink_to(tmp_path)
            (folder / "etc").symlink_to("/etc")
            os.mkfifo(folder / "pipe.html")
            (folder / "zero.html").symlink_to("/dev/zero")
            yield port, proc
        finally:
            proc.terminate()
            proc.wait(timeout=10)


TRAVERSALS = ["/../secret.txt", "/../../secret.txt", "/%2e%2e/%2e%2e/secret.txt", "/%2E%2E%2F%2E%2E%2Fsecret.txt",
              "/..%2f..%2fsecret.txt", "/%252e%252e/%252e%252e/secret.txt", "/en/../../../secret.txt",
              "/..\\..\\secret.txt", "/%2e%2e%5c%2e%2e%5csecret.txt", "//etc/passwd", "/../../../../../../etc/passwd",
              "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/leak.txt", "/leakdir/secret.txt", "/etc/passwd",
              "/./leak.txt", "/en/%2e%2e/leak.txt", "/leak.txt%00.html", "/pipe.html", "/zero.html",
              "/.factsite-cache/../claims.yaml", "/../claims.yaml", "/%2e%2e/claims.yaml", "/../seeds/wwp-excerpt.txt"]


def test_preview_serves_nothing_outside_its_folder(preview):
    port, _ = preview
    for path in TRAVERSALS:
        start = time.monotonic()
        status, answer = get(port, path)
        assert time.monotonic() - start < 3, f"{path} hung"
        assert SECRET.encode() not in answer and b"root:" not in answer, path
        assert b"Nvidia" not in answer and b"site:" not in answer, path  # no project file either
        assert status in (301, 400, 403, 404, 405), (path, status)
    assert get(port, "http://127.0.0.1/../secret.txt")[0] in (400, 403, 404)  # absolute-form request target
    assert get(port, "/en/")[0] == 200


def test_preview_refuses_other_host_names(preview):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the preview."""
    port, _ = preview
    assert get(port, "/en/", host="evil.example")[0] == 403
    assert get(port, "/en/", host="localhost")[0] == 200


MALFORMED = [b"\r\n\r\n", b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET /\r\n\r\n",
             b"\x00\xff\xfe\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(64),  # a TLS hello, bytes
             b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
             b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: " + b"b" * 200_000 + b"\r\n\r\n",
             b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
             b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999999\r\n\r\nabc",
             b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
             b"GET /\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", b"DELETE /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
             b"GET / HTTP/1.1\r\n" + b"".join(b"H%d: v\r\n" % i for i in range(5000)) + b"\r\n",
             b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=99999999-1,-0,0-\r\n\r\n",
             b"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
             b"Origin: https://evil.example\r\n\r\n"]


def test_preview_survives_malformed_requests(preview):
    port, proc = preview
    for request in MALFORMED:
        answer = raw(port, request, timeout=3)
        assert b"Traceback" not in answer
        if b"Origin: https://evil.example" in request:
            assert not answer.startswith(b"HTTP/1.1 101"), "a foreign page opened the reload socket"
        assert proc.poll() is None, f"the server died on {request[:40]!r}"
        assert get(port, "/en/")[0] == 200, f"the server stopped answering after {request[:40]!r}"
    # half-open connections that never finish their request do not block the others
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(50)]
    for s in idle:
        s.sendall(b"GET / HTTP/1.1\r\n")
    try:
        assert get(port, "/en/")[0] == 200
    finally:
        for s in idle:
            s.close()


def test_preview_survives_a_burst_of_1000_requests(preview):
    port, proc = preview
    paths = ["/en/", "/zh-hant/claims/navy-email/", "/assets/style.css", "/nope/", "/../secret.txt"] * 200

    def fetch(path: str) -> int:
        return get(port, path)[0]

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=32) as pool:
        statuses = list(pool.map(fetch, paths))
    took = time.monotonic() - start
    print(f"1000 requests in {took:.2f} s ({1000 / took:.0f}/s)")
    assert took < 60
    assert statuses.count(200) == 600 and all(s in (200, 403, 404) for s in statuses)
    assert proc.poll() is None and fetch("/en/") == 200


def test_preview_pages_keep_their_policy_and_still_reload(preview, mini: Path, page):
    """livereload injects an inline script, which the pages' policy blocks; ours loads from the same origin."""
    port, _ = preview
    status, answer = get(port, "/en/claims/navy-email/")
    tree = html5lib.parse(answer.split(b"\r\n\r\n", 1)[1], treebuilder="etree", namespaceHTMLElements=False)
    assert status == 200 and not [s for s in tree.iter("script") if not s.get("src") and
                                  s.get("type") != "application/ld+json"]
    violations: list[str] = []
    page.on("console", lambda msg: "Content Security Policy" in msg.text and violations.append(msg.text))
    page.goto(f"http://127.0.0.1:{port}/en/claims/navy-email/")
    page.wait_for_timeout(500)  # the reload socket connects
    claims = mini / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("The US Navy told its people",
                                                                 "The US Navy told every sailor"), encoding="utf-8")
    page.wait_for_function("() => document.body.innerText.includes('told every sailor')", timeout=10_000)
    assert violations == []
