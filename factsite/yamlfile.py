"""Read a YAML file into a node tree that remembers lines and columns."""

from __future__ import annotations

import yaml

from .problems import Mark, Problems

try:  # libyaml is ~10x faster; the pure-Python loader gives identical nodes
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - wheels without libyaml
    _Loader = yaml.SafeLoader


def mark_of(path: str, node: yaml.Node) -> Mark:
    """The 1-based position where a node starts."""
    return Mark(path, node.start_mark.line + 1, node.start_mark.column + 1)


def compose(path: str, text: str, problems: Problems) -> yaml.Node | None:
    """Parse text into a node tree, or record the syntax error and return None."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(path, mark.line + 1, mark.column + 1) if mark else Mark(path)
        problem = " ".join(x for x in (exc.context, exc.problem) if x) or "invalid YAML"
        problems.add(where, "yaml-syntax", problem=problem)
    except yaml.YAMLError as exc:
        problems.add(Mark(path), "yaml-syntax", problem=str(exc).splitlines()[0])
    return None
