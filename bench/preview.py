"""Measure the preview as an editor meets it: save claims.yaml, and time until Chromium shows the edit.

python bench/preview.py --claims 1000 --edits 15     (see bench/README.md)

Starts `build.py serve` on a generated corpus, opens one claim's page in Chromium (Debian's, headless),
then edits that claim's English summary again and again. Each edit is timed from just before the file is
written until the reloaded page's text contains the new words: the watcher, the rebuild, the reload push
and the page load, end to end. Console errors and failed requests are counted over the whole session.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import corpus as corpus_mod

BENCH = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`build.py serve` in a child process, its terminal lines collected as they come."""

    def __init__(self, project: Path, port: int):
        env = dict(os.environ, FACTSITE_MAX_YAML_MB="256", PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, str(BENCH.parent / "build.py"), "serve", "--port", str(port)],
                                     cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self.stamps: list[float] = []  # when each line arrived (time.perf_counter)
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.stamps.append(time.perf_counter())
            self.lines.append(line.rstrip("\n"))
            if line.startswith("serving "):
                self.ready.set()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def summary_span(text: str, claim_id: str) -> tuple[int, int]:
    """Where the claim's English summary line's text lies in claims.yaml."""
    start = text.index(f"  - id: {claim_id}\n")
    summary = text.index("\n    summary:", start)
    m = re.compile(r"\n      en: ([^\n]*)").search(text, summary)
    assert m is not None
    return m.start(1), m.end(1)


def measure(project: Path, claim_id: str, edits: int, base: str,
            server: Server) -> tuple[list[float], list[float], list[str]]:
    """Per edit: seconds until the page showed it, and until the terminal said it was rebuilt; and every problem."""
    from playwright.sync_api import sync_playwright

    path = project / "claims.yaml"
    problems: list[str] = []
    times, rebuilt = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("response", lambda r: problems.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
        page.goto(f"{base}en/claims/{claim_id}/")
        time.sleep(1.5)  # the reload socket's handshake
        for i in range(edits):
            marker = f"bench-edit-{i}-{os.getpid()}"
            text = path.read_text(encoding="utf-8")
            a, b = summary_span(text, claim_id)
            edited = text[:a] + re.sub(r" bench-edit-\S+$", "", text[a:b]) + f" {marker}" + text[b:]
            start = time.perf_counter()
            path.write_text(edited, encoding="utf-8")
            times.append(wait_for_text(page, marker, start))
            said = zip(server.stamps, server.lines, strict=False)
            rebuilt.append(next(t for t, line in said if t > start and "changed:" in line) - start)
            time.sleep(0.3)  # editors pause between saves; keeps one edit's reload apart from the next
        browser.close()
    return times, rebuilt, problems


def wait_for_text(page, marker: str, start: float, limit: float = 120.0) -> float:
    """Seconds from `start` until the page's text holds `marker` (across the reload's navigation)."""
    while time.perf_counter() - start < limit:
        try:
            if page.evaluate("m => document.body !== null && document.body.innerText.includes(m)", marker):
                return time.perf_counter() - start
        except Exception:  # the page navigated while we asked: ask again
            pass
        time.sleep(0.005)
    raise SystemExit(f"bench: the edit {marker} did not show within {limit:.0f} s")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--claims", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--edits", type=int, default=15)
    p.add_argument("--work", type=Path, default=Path("/dev/shm/factsite-bench-preview"))
    args = p.parse_args()
    work = args.work / f"claims-{args.claims}"
    shutil.rmtree(work, ignore_errors=True)
    corpus = corpus_mod.generate(args.claims, args.seed)
    corpus_mod.write_project(corpus, work)
    claim_id = corpus.claims[len(corpus.claims) // 2].id
    port = free_port()
    start = time.perf_counter()
    server = Server(work, port)
    try:
        if not server.ready.wait(3600):
            raise SystemExit("bench: serve did not start")
        first = time.perf_counter() - start
        times, rebuilt, problems = measure(work, claim_id, args.edits, f"http://127.0.0.1:{port}/", server)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
    saved = statistics.median(rebuilt) * 1000
    print(f"| {args.claims:,} | {first:.1f} s | {statistics.median(ms):.0f} | {p90:.0f} | {ms[0]:.0f} | {ms[-1]:.0f} "
          f"| {saved:.0f} | {len(ms)} | {len(problems)} |")
    rebuilds = [line for line in server.lines if "changed:" in line]
    print("\nterminal, last rebuilds:\n" + "\n".join("    " + line for line in rebuilds[-3:]), file=sys.stderr)
    for problem in problems[:10]:
        print("    " + problem, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
