"""Edits to claims.yaml that keep every other byte as the editor wrote it: append a list item, set one value."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import yaml

from factsite.load.yamlfile import _Loader


def today() -> dt.date:
    """SOURCE_DATE_EPOCH's day when set (reproducible runs), else today in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()


def append_item(text: str, section: str, item: str) -> str:
    """The text with `item` (a list item, indented two spaces) added at the end of a top-level list."""
    m = re.search(rf"^{re.escape(section)}:[ \t]*(#.*)?\n", text, re.M)
    if m is None:
        return text.rstrip("\n") + f"\n\n{section}:\n{item}"
    nxt = re.compile(r"^[A-Za-z_]", re.M).search(text, m.end())
    end = nxt.start() if nxt else len(text)
    body = text[m.end():end].rstrip("\n")
    return text[:m.end()] + (body + "\n" if body else "") + item + ("\n" if nxt else "") + text[end:]


def set_scalar(text: str, path: tuple[str | int, ...], value: str) -> str:
    """The text with the scalar at a key path (e.g. ('sources', 2, 'sha256')) replaced by `value`."""
    node = yaml.compose(text, Loader=_Loader)
    assert node is not None, "callers edit a file that was checked, so it holds a document"
    for step in path:
        node = node.value[step] if isinstance(step, int) else next(v for k, v in node.value if k.value == step)
    return text[:node.start_mark.index] + value + text[node.end_mark.index:]


def write(path: Path, text: str) -> None:
    """Replace a file's text in one step, so an editor's open file is never half-written."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
