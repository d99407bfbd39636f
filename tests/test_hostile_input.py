"""Hostile claims.yaml and seeds (the cases in tests/hostile/; bombs, depth, size, devices): no crash, hang or leak."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factsite.load import yamlfile
from factsite.problems import Problems
from helpers import ROOT, run_build

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
