"""The preview's web server: livereload's, with its logging, file serving and reload script tightened."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import Any

from livereload import Server, watcher
from livereload.handlers import StaticFileHandler
from tornado import httputil, web
from tornado.websocket import WebSocketHandler


class QuietServer(Server):
    """livereload's server without its per-request INFO log: the terminal shows our one line per rebuild."""

    search_dir: Path | None = None  # the preview's search index, kept outside the folder a full build swaps

    def get_web_handlers(self, script: Any) -> list[Any]:
        handlers: list[Any] = super().get_web_handlers(script)
        if self.search_dir is not None:
            handlers.insert(0, (r"/pagefind/(.*)", self.SFH, {"path": str(self.search_dir)}))
        return handlers

    def _setup_logging(self) -> None:  # livereload hard-codes INFO here
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

    def prepare(self) -> None:
        if self.allowed_hosts is not None:
            host = self.request.host_name.strip("[]").lower()
            if host not in self.allowed_hosts:
                raise web.HTTPError(403)

    def get_content_type(self) -> str:
        """Text files say they are UTF-8: an archive of Chinese text must not be read as Latin-1."""
        kind = str(super().get_content_type())
        return kind + "; charset=utf-8" if kind.startswith("text/") and "charset" not in kind else kind

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        if "\x00" in absolute_path:  # %00: os.stat would raise, a 500 instead of a 404
            raise web.HTTPError(404)
        path: str | None = super().validate_absolute_path(root, absolute_path)
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


def same_origin_reload_script(self: Any, request: httputil.HTTPServerRequest) -> None:
    web.OutputTransform.__init__(self, request)
    self.script = RELOAD_TAG


def same_origin(self: WebSocketHandler, origin: str) -> bool:
    """The reload socket talks only to pages of the preview itself, not to any site open in the browser."""
    return bool(WebSocketHandler.check_origin(self, origin))


class NoWatcher(watcher.Watcher):
    """livereload's watcher, idle: ours notices changes sooner and pushes the reload itself."""

    def start(self, callback: Any) -> bool:
        return True  # "I call back myself": livereload then starts no polling of its own

    def examine(self) -> tuple[None, None]:
        return None, None
