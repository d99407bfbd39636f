"""Screenshots of every page type at phone and desktop widths, for whoever changes the design next.

Usage: .venv/bin/python scripts/screenshots.py [SITE_DIR] [OUT_DIR]   (defaults: site/ shots/)
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = ("", "claims/", "claims/oct-2022-rules-merged/", "verdicts/mostly-accurate/", "timeline/", "timeline/2025/",
         "search/?q={query}", "sources/wwp-2025-01-31/", "topics/distillation/", "methodology/", "data/")
QUERIES = {"zh-hant": "蒸餾", "zh-hans": "蒸馏", "en": "distillation"}
LANGS = tuple(sys.argv[3].split(",")) if len(sys.argv) > 3 else ("zh-hant", "zh-hans", "en")
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(site: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for width, (w, h) in WIDTHS.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            for lang in LANGS:
                for path in PAGES:
                    page.goto(base + lang + "/" + path.format(query=QUERIES[lang]))
                    if "search" in path:
                        page.wait_for_selector("#search-results li", timeout=10_000)
                    name = (lang + "-" + (path.split("?")[0].strip("/").replace("/", "-") or "home") + f"-{width}.png")
                    page.screenshot(path=str(out / name), full_page=True)
            page.close()
        browser.close()
    server.shutdown()
    print(f"wrote {len(WIDTHS) * len(LANGS) * len(PAGES)} screenshots to {out}/")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"), Path(sys.argv[2] if len(sys.argv) > 2 else "shots"))
