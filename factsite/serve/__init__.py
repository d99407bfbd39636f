"""`python build.py serve`: a live preview that rebuilds only what an edit touches."""

from __future__ import annotations

import enum
import json
import logging
import os
import stat
import sys
import time
from pathlib import Path

from livereload import Server
from livereload import server as livereload_server
from livereload.handlers import LiveReloadHandler, StaticFileHandler
from tornado import web
from tornado.websocket import WebSocketHandler

from factsite.pipeline import Options, Prepared, Result, Stages, emit, prepare
from factsite.problems import BuildError, display_path
from factsite.resources import theme

SETTLE = 0.05  # seconds of quiet before a rebuild: editors save several files at once


class QuietServer(Server):
    """livereload's server without its per-request INFO log: the terminal shows our one line per rebuild."""

    def _setup_logging(self):  # livereload hard-codes INFO here
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
        for name in ("livereload", "tornado"):
            logging.getLogger(name).setLevel(logging.WARNING)
            logging.getLogger(name).addHandler(handler)


LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class PreviewFileHandler(StaticFileHandler):
    """Serves regular files inside the preview folder only, whatever the tornado version.

    The resolved path (after every symbolic link) must lie inside the resolved root, so a
    link in the preview folder pointing elsewhere, `..`, `%2e%2e` and their encodings all
    end at 403/404. On a loopback address, requests naming another host are refused: a web
    page cannot read the preview through DNS rebinding.
    """

    allowed_hosts: frozenset[str] | None = None

    def prepare(self):
        if self.allowed_hosts is not None:
            host = self.request.host_name.strip("[]").lower()
            if host not in self.allowed_hosts:
                raise web.HTTPError(403)

    def get_content_type(self) -> str:
        """Text files say they are UTF-8: an archive of Chinese text must not be read as Latin-1."""
        kind = super().get_content_type()
        return kind + "; charset=utf-8" if kind.startswith("text/") and "charset" not in kind else kind

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        if "\x00" in absolute_path:  # %00: os.stat would raise, a 500 instead of a 404
            raise web.HTTPError(404)
        path = super().validate_absolute_path(root, absolute_path)
        if path is None:
            return None
        real_root = os.path.realpath(root)
        real = os.path.realpath(path)
        if not real.startswith(real_root.rstrip(os.sep) + os.sep):
            raise web.HTTPError(404)
        try:
            regular = stat.S_ISREG(os.stat(real).st_mode)
        except OSError:
            regular = False
        if not regular:  # a FIFO or device would block the server
            raise web.HTTPError(404)
        return path


# livereload injects an inline <script> that the pages' Content-Security-Policy (no inline script) blocks;
# its client loads as well from a file of the same origin, and finds the server's address in its own URL.
RELOAD_TAG = b'<script src="/livereload.js" defer></script>'


def _same_origin_reload_script(self, request):
    web.OutputTransform.__init__(self, request)
    self.script = RELOAD_TAG


def same_origin(self, origin: str) -> bool:
    """The reload socket talks only to pages of the preview itself, not to any site open in the browser."""
    return WebSocketHandler.check_origin(self, origin)


class ChangeKind(enum.Enum):
    """What an edit touched, and so how much of the build must run again."""

    CONTENT = "content"  # claims.yaml or seeds/: load, verify and model again
    TEMPLATES = "templates"  # re-render from the model in memory
    STATIC = "static"  # copy the assets; pages stay as they are


def kind_of(root: Path, path: Path) -> ChangeKind:
    """Route a changed path to the work it needs."""
    rel = path.relative_to(root).parts  # not resolved: templates/ may be a link into the packaged theme
    if rel[:1] == ("templates",):
        return ChangeKind.TEMPLATES
    if rel[:1] == ("static",):
        return ChangeKind.STATIC
    return ChangeKind.CONTENT


class Preview:
    """The preview build and the model of its last good run."""

    def __init__(self, root: Path, base_url: str | None):
        self.root = root
        self.out = root / ".factsite-cache" / "preview"
        overlay = (Path(__file__).parent / "overlay.js").read_text(encoding="utf-8")
        self.opts = Options(root=root, out=self.out, base_url=base_url, dev=True,
                            extra_files={"__factsite/overlay.js": overlay})
        self.prepared: Prepared | None = None

    def rebuild(self, kind: ChangeKind) -> str:
        """Run what the change needs; return one line for the terminal."""
        result = Result()
        stages = Stages(result, lambda stage: None)
        start = time.perf_counter()
        try:
            if kind is ChangeKind.CONTENT or self.prepared is None:
                self.prepared = prepare(self.opts, stages)
            emit(self.opts, self.prepared, stages)
        except BuildError as exc:
            problems = [p.format() for p in exc.problems.sorted()]
            self._errors(problems)
            return "\n".join(problems) + f"\n{len(problems)} error(s); still serving the last good build"
        self._errors([])
        ms = round((time.perf_counter() - start) * 1000)
        return f"{result.rendered} rendered, {result.written} file(s) written, {ms} ms"

    def _errors(self, problems: list[str]) -> None:
        """The overlay reads this file; it is removed once the input builds again."""
        path = self.out / "__factsite" / "errors.json"
        if not problems:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"errors": problems}, ensure_ascii=False), encoding="utf-8")


def settle(paths: list[Path]) -> None:
    """Wait until nothing under the watched paths has changed for SETTLE seconds (at most one second)."""
    def stamp():
        files = [p for path in paths for p in ([path] if path.is_file() else path.rglob("*")) if p.exists()]
        return sorted((str(p), p.stat().st_mtime_ns) for p in files)
    deadline = time.monotonic() + 1.0
    before = stamp()
    while time.monotonic() < deadline:
        time.sleep(SETTLE)
        now = stamp()
        if now == before:
            return
        before = now


def serve(args) -> int:
    """Build a preview, then serve it and rebuild on every change until interrupted."""
    root = args.root
    preview = Preview(root, args.base_url)
    start = time.perf_counter()
    first = preview.rebuild(ChangeKind.CONTENT)
    print(first if "error" in first else f"first build: {first}", flush=True)
    paths = [root / "claims.yaml", root / "seeds", *theme(root, "templates"), *theme(root, "static")]
    watched = {path: kind_of(path.parent, path) for path in paths}
    server = QuietServer()
    server.SFH = PreviewFileHandler
    PreviewFileHandler.allowed_hosts = LOOPBACK | {args.host.lower()} if args.host.lower() in LOOPBACK else None
    LiveReloadHandler.check_origin = same_origin
    livereload_server.LiveScriptInjector.__init__ = _same_origin_reload_script
    for path, kind in watched.items():
        server.watch(str(path), _callback(preview, path, kind, list(watched)))
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0  # livereload otherwise drops reloads within 3 s of the last
    url = f"http://{args.host}:{args.port}/"
    ms = round((time.perf_counter() - start) * 1000)
    print(f"serving {url} (first build {ms} ms); watching claims.yaml, seeds/, templates/, static/; "
          f"Ctrl-C to stop", flush=True)
    try:
        server.serve(port=args.port, host=args.host, root=str(preview.out), open_url_delay=None)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    return 0


def _callback(preview: Preview, path: Path, kind: ChangeKind, watched: list[Path]):
    def rebuild():
        settle(watched)
        line = preview.rebuild(kind)
        shown = display_path(path)
        print(f"{shown} changed ({kind.value}): {line}", flush=True)
    return rebuild
