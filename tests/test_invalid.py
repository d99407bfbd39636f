"""Each file in tests/invalid/ is one editor mistake and the exact messages it must produce.

A case names a `find` text in the mini fixture's claims.yaml, the `replace` text that
introduces the mistake, and the `expect`ed output of `python build.py`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import run_build

CASES = sorted((Path(__file__).parent / "invalid").glob("*.txt"))


def parse_case(path: Path) -> dict[str, str]:
    parts = re.split(r"^--- (find|replace|expect)\n", path.read_text(encoding="utf-8"), flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_invalid_input_reports_every_problem_with_its_place(case: Path, mini: Path):
    spec = parse_case(case)
    yaml_path = mini / "claims.yaml"
    original = yaml_path.read_text(encoding="utf-8")
    assert spec["find"] in original, f"{case.name}: the find text is not in the fixture"
    yaml_path.write_text(original.replace(spec["find"], spec["replace"], 1), encoding="utf-8")
    (mini / "site").mkdir()
    (mini / "site" / "index.html").write_text("previous build", encoding="utf-8")

    result = run_build(mini)

    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr == spec["expect"]
    assert (mini / "site" / "index.html").read_text(encoding="utf-8") == "previous build"
