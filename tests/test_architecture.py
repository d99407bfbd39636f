"""The package's shape: layers that import only downwards, no import cycles, and no module too long to read."""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import ROOT

# Bottom to top: a module may import its own layer's modules and any layer below, never one above.
LAYERS = [
    ["factsite", "factsite.resources", "factsite.problems", "factsite.model", "factsite.text"],
    ["factsite.load"],
    ["factsite.quotes"],
    ["factsite.build_model", "factsite.refresh"],
    ["factsite.render"],
    ["factsite.output"],
    ["factsite.publish"],
    ["factsite.incremental"],
    ["factsite.pipeline"],
    ["factsite.serve", "factsite.commands"],
    ["factsite.cli", "factsite.__main__"],
]
MAX_LINES = 400


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted((ROOT / "factsite").rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = path
    return out


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The factsite modules a file imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "factsite":
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in known else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "factsite"}
    return found


def layer(module: str) -> int:
    """The layer of the longest prefix that names one (factsite.load.kinds is in factsite.load's)."""
    best = (-1, -1)
    for number, names in enumerate(LAYERS):
        for name in names:
            if module == name or module.startswith(name + "."):
                best = max(best, (len(name), number))
    assert best[1] >= 0, f"{module} is in no layer: add it to LAYERS"
    return best[1]


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, known) - {name} for name, path in known.items()}


def test_imports_only_go_down():
    upward = [f"{a} imports {b}" for a, deps in graph().items() for b in deps if layer(b) > layer(a)]
    assert upward == []


def test_no_import_cycles():
    edges = graph()
    done: set[str] = set()
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        if node in path:
            cycles.append(" -> ".join(path[path.index(node):] + [node]))
            return
        if node in done:
            return
        for nxt in sorted(edges.get(node, ())):
            visit(nxt, path + [node])
        done.add(node)

    for name in sorted(edges):
        visit(name, [])
    assert cycles == []


def test_no_module_is_too_long_to_read():
    files = [p for folder in ("factsite", "tests", "bench", "scripts") for p in (ROOT / folder).rglob("*.py")]
    long = {str(p.relative_to(ROOT)): n for p in files if (n := len(p.read_text(encoding="utf-8").splitlines()))
            > MAX_LINES}
    assert long == {}
