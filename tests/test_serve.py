"""`build.py serve` as an editor meets it: edits appear, mistakes show in the browser, fixes recover."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from factsite.serve import ChangeKind, kind_of
from helpers import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return None


def wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    return predicate()


@pytest.fixture
def server(mini: Path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port)], cwd=mini,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=dict(os.environ, CI="true"))
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: get(base + "en/"), 20), "serve did not start"
        yield base, mini
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_edit_error_and_recovery_in_the_browser(server):
    base, site = server
    page = base + "en/claims/navy-email/"
    assert "The US Navy told its people" in get(page)
    assert "__factsite/overlay.js" in get(page)  # previews carry the error overlay

    replace(site / "claims.yaml", "The US Navy told its people", "The US Navy told every sailor")
    assert wait_for(lambda: "told every sailor" in (get(page) or ""), 2.0), "edit not visible within 2 s"

    replace(site / "claims.yaml", "已指示海軍全體人員避免使用 DeepSeek", "已指示海軍所有人員避免使用 DeepSeek")
    errors = wait_for(lambda: json.loads(get(base + "__factsite/errors.json") or "{}").get("errors"), 2.0)
    assert errors, "the error did not reach the browser"
    [message] = errors
    assert message.startswith("claims.yaml:") and "quote not found in source 'wwp'" in message
    assert "closest (source line 15): 美國海軍在一封電郵中，已指示海軍全體人員避免使用 DeepSeek" in message
    assert "told every sailor" in get(page)  # the last good build is still served

    replace(site / "claims.yaml", "已指示海軍所有人員避免使用 DeepSeek", "已指示海軍全體人員避免使用 DeepSeek")
    assert wait_for(lambda: json.loads(get(base + "__factsite/errors.json"))["errors"] == [], 2.0), \
        "fixing did not clear the error"
    assert "told every sailor" in get(page)


def test_serve_binds_loopback_only(server):
    base, _ = server
    port = int(base.rsplit(":", 1)[1].strip("/"))
    with socket.socket() as s:
        s.settimeout(1)
        hosts = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
        for host in hosts:
            assert s.connect_ex((host, port)) != 0


def test_changes_are_routed_by_kind(tmp_path: Path):
    assert kind_of(tmp_path, tmp_path / "claims.yaml") is ChangeKind.CONTENT
    assert kind_of(tmp_path, tmp_path / "seeds" / "a.txt") is ChangeKind.CONTENT
    assert kind_of(tmp_path, tmp_path / "templates" / "claim.html") is ChangeKind.TEMPLATES
    assert kind_of(tmp_path, tmp_path / "static" / "style.css") is ChangeKind.STATIC


def test_an_edit_reloads_the_open_page_without_a_console_error(server, page):
    base, site = server
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(base + "en/claims/navy-email/")
    page.wait_for_timeout(1000)  # the reload socket connects
    replace(site / "claims.yaml", "The US Navy told its people", "The US Navy told every sailor")
    page.wait_for_function("() => document.body.innerText.includes('told every sailor')", timeout=5000)
    page.goto(base + "en/search/")
    page.wait_for_timeout(300)
    assert problems == []
