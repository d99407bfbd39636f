"""Hostile requests to the preview server: nothing served from outside its folder, no crash, pages keep their policy."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import html5lib
import pytest

from helpers import ROOT

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
