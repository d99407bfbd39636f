"""`python build.py serve`: a live preview that rebuilds only what an edit touches."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from livereload import server as livereload_server
from livereload.handlers import LiveReloadHandler
from tornado.ioloop import IOLoop

from factsite.problems import display_path
from factsite.publish import search
from factsite.resources import theme
from factsite.serve import watch
from factsite.serve.http import (
    LOOPBACK,
    NoWatcher,
    PreviewFileHandler,
    QuietServer,
    same_origin,
    same_origin_reload_script,
)
from factsite.serve.preview import ChangeKind, Preview, kind_of

__all__ = ["ChangeKind", "kind_of", "serve"]


def serve(args: argparse.Namespace) -> int:
    """Build a preview, then serve it and rebuild on every change until interrupted."""
    root = args.root
    preview = Preview(root, args.base_url)
    start = time.perf_counter()
    first = preview.rebuild(ChangeKind.CONTENT)
    print(first if "error" in first else f"first build: {first}", flush=True)
    preview.search.start()
    fast = [root / "claims.yaml", *theme(root, "templates"), *theme(root, "static")]
    slow = [root / "seeds", root / "locales"]
    server = QuietServer(watcher=NoWatcher())
    server.SFH = PreviewFileHandler
    server.search_dir = preview.search_dir / search.FOLDER
    PreviewFileHandler.allowed_hosts = LOOPBACK | {args.host.lower()} if args.host.lower() in LOOPBACK else None
    LiveReloadHandler.check_origin = same_origin
    livereload_server.LiveScriptInjector.__init__ = same_origin_reload_script
    loop = IOLoop.current()
    watch.Watcher(fast, slow, lambda paths: _rebuild(preview, root, paths, loop)).start()
    url = f"http://{args.host}:{args.port}/"
    ms = round((time.perf_counter() - start) * 1000)
    print(f"serving {url} (first build {ms} ms); watching claims.yaml, seeds/, locales/, templates/, static/; "
          f"Ctrl-C to stop", flush=True)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops the preview as Ctrl-C does, children and all
    try:
        server.serve(port=args.port, host=args.host, root=str(preview.out), open_url_delay=None)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    return 0


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _rebuild(preview: Preview, root: Path, paths: list[Path], loop: IOLoop) -> None:
    """One rebuild for a settled change, one line in the terminal, and the open pages told to reload."""
    kinds = {kind_of(root, p) for p in paths}
    kind = next(k for k in ChangeKind if k in kinds)  # the largest: content, then templates, then static
    line = preview.rebuild(kind)
    shown = ", ".join(display_path(p) for p in paths)
    print(f"{shown} changed: {line}", flush=True)
    loop.add_callback(LiveReloadHandler.reload_waiters, "*")
