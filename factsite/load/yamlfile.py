"""Read a YAML file into a node tree that remembers lines and columns.

Hostile input is stopped before the composer sees it: a file over MAX_MB, nesting
deeper than MAX_DEPTH (libyaml's composer recurses in C and crashes on a few
hundred thousand levels, and its scanner slows quadratically with flow depth) and
explicit tags are reported from a first pass over the parser's events, which is
cheap (a few milliseconds for the real edition) and can stop at the first offence.
Aliases cost nothing here: composing never expands them, and the schema refuses them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import yaml

from factsite.problems import Mark, Problems

_Loader: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
try:  # libyaml is ~10x faster; the pure-Python loader gives identical nodes
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - wheels without libyaml
    _Loader = yaml.SafeLoader

# claims.yaml: the real edition is ~0.5 MB; 8 MB composes in under a second. Sites that are really this
# big (the 10,000-claim benchmark is 85 MB) raise it with FACTSITE_MAX_YAML_MB.
_ENV_MB = os.environ.get("FACTSITE_MAX_YAML_MB", "")
MAX_MB = int(_ENV_MB) if _ENV_MB.isdigit() and int(_ENV_MB) > 0 else 8
MAX_BYTES = MAX_MB * 2**20
MAX_DEPTH = 64  # the schema needs 7 levels of lists and mappings
_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_TAGGED = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
_STANDARD = "tag:yaml.org,2002:"


def mark_of(path: str, node: yaml.Node) -> Mark:
    """The 1-based position where a node starts."""
    return Mark(path, node.start_mark.line + 1, node.start_mark.column + 1)


def event_mark(path: str, event: yaml.Event) -> Mark:
    """The 1-based position where a parser event starts (the parser gives every event a start)."""
    m = event.start_mark
    assert m is not None, "the parser marks every event it emits"
    return Mark(path, m.line + 1, m.column + 1)


def megabytes(size: int) -> str:
    return f"{size / 2**20:.1f}"


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def read(path: Path, shown: str, problems: Problems) -> str | None:
    """The text of claims.yaml, or None after reporting why it cannot be used.

    Line breaks are normalized as Path.read_text would.
    """
    data = read_bytes(path, shown, problems)
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[data.rfind(b"\n", 0, exc.start) + 1:exc.start].decode("utf-8", "replace")) + 1
        problems.add(Mark(shown, line, column), "file-unreadable", what=shown,
                     reason=f"not UTF-8 (byte 0x{data[exc.start]:02x})")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: Path, shown: str, problems: Problems) -> bytes | None:
    """The bytes of claims.yaml, or None after reporting why it cannot be used.

    The file type is checked on the open descriptor before anything is read, so a
    link to /dev/zero or a FIFO cannot hang the build, and at most MAX_BYTES + 1
    bytes are ever read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        problems.add(Mark(shown), "file-unreadable", what=shown, reason=exc.strerror or str(exc))
        return None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            problems.add(Mark(shown), "file-unreadable", what=shown, reason="not a regular file")
            return None
        if info.st_size > MAX_BYTES:
            problems.add(Mark(shown, 1, 1), "yaml-too-large", what=shown, size=megabytes(info.st_size), limit=MAX_MB)
            return None
        try:
            data = f.read(MAX_BYTES + 1)
        except OSError as exc:
            problems.add(Mark(shown), "file-unreadable", what=shown, reason=exc.strerror or str(exc))
            return None
    if len(data) > MAX_BYTES:  # grew while being read
        problems.add(Mark(shown, 1, 1), "yaml-too-large", what=shown, size=f"over {MAX_MB}", limit=MAX_MB)
        return None
    return data


def _too_large(text: str) -> int | None:
    """The UTF-8 size of a text when it is over the limit, else None (without encoding small texts)."""
    if len(text) * 4 <= MAX_BYTES:
        return None
    size = len(text.encode("utf-8", "surrogatepass"))
    return size if size > MAX_BYTES else None


def _report(path: str, text: str, exc: yaml.YAMLError, problems: Problems) -> None:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        where = Mark(path, mark.line + 1, mark.column + 1) if mark else Mark(path, 1, 1)
        problem = " ".join(x for x in (exc.context, exc.problem) if x) or "invalid YAML"
        if "nesting depth" in problem:  # PyYAML >= 6.0.2 has a depth limit of its own: report ours, the same way
            problems.add(where, "yaml-too-deep", limit=MAX_DEPTH)
            return
        line = text.split("\n")[where.line - 1] if 0 < where.line <= text.count("\n") + 1 else ""
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:  # YAML indents with spaces only; libyaml's wording does not say so
            tab = Mark(path, where.line, indent.index("\t") + 1)
            problems.add(tab, "yaml-tab", column=tab.column)
            return
        if "mapping values are not allowed" in problem:
            problems.add(where, "yaml-colon")
            return
    elif isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow, e.g. NUL
        index = exc.position
        if _Loader is not yaml.SafeLoader:  # libyaml counts bytes of the UTF-8 text
            index = len(text.encode("utf-8", "surrogatepass")[:index].decode("utf-8", "ignore"))
        where = Mark(path, *position(text, index))
        problem = f"the character U+{exc.character:04X} is not allowed" if isinstance(exc.character, int) \
            else exc.reason
    else:
        where, problem = Mark(path, 1, 1), (str(exc).splitlines() or ["invalid YAML"])[0]
    problems.add(where, "yaml-syntax", problem=problem)


def shown_tag(tag: str) -> str:
    """A tag as it is usually written: !!str rather than tag:yaml.org,2002:str."""
    return "!!" + tag[len(_STANDARD):] if tag.startswith(_STANDARD) else tag


def prescan(path: str, text: str, problems: Problems) -> bool:
    """Walk the parser's events once: refuse excessive nesting and tags before composing, report aliases.

    Aliases are reported here, once per anchor and at the anchored value, and composing goes on:
    composing never expands an alias, and the schema walker skips a node it meets twice.
    """
    depth = 0
    ok = True
    anchors: dict[str, Mark] = {}
    reported: set[Mark] = set()
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):  # one error per anchor, at the anchored value
                where = (anchors.get(event.anchor) if event.anchor is not None else None) or event_mark(path, event)
                if where not in reported:
                    reported.add(where)
                    problems.add(where, "yaml-alias")
                continue
            if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                anchors[event.anchor] = event_mark(path, event)
            if isinstance(event, _TAGGED) and event.tag is not None:
                problems.add(event_mark(path, event), "yaml-tag", tag=shown_tag(event.tag))
                ok = False
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.add(event_mark(path, event), "yaml-too-deep", limit=MAX_DEPTH)
                    return False
            elif isinstance(event, _CLOSE):
                depth -= 1
    except yaml.YAMLError as exc:
        _report(path, text, exc, problems)
        return False
    return ok


def compose(path: str, text: str, problems: Problems) -> yaml.Node | None:
    """Parse text into a node tree, or record what is wrong with it and return None."""
    size = _too_large(text)
    if size is not None:
        problems.add(Mark(path, 1, 1), "yaml-too-large", what=path, size=megabytes(size), limit=MAX_MB)
        return None
    if not prescan(path, text, problems):
        return None
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        _report(path, text, exc, problems)
    return None
