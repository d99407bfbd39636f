"""docs/errors.md, generated from the message table so the two cannot drift."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from factsite.problems.messages import MESSAGES

DOC = Path(__file__).resolve().parents[2] / "docs" / "errors.md"  # in the source tree, for maintainers


def _shape(template: str) -> str:
    """A message template with its placeholders shown as ‹name›."""
    return re.sub(r"\{(\w+)(![rs])?\}", lambda m: f"‹{m.group(1)}›", template)


def render() -> str:
    lines = ["# Error messages", "",
             "Every problem the build can report, as `FILE:LINE:COL: error: MESSAGE` followed by a `hint:` line.",
             "Generated from `factsite/problems/messages.py` by `python -m factsite.problems.errordocs`; "
             "do not edit by hand.", ""]
    for code, msg in MESSAGES.items():
        lines += [f"## `{code}`", "", f"**error:** {_shape(msg.text)}  ", f"**hint:** {_shape(msg.hint)}", "",
                  msg.explain, ""]
    return "\n".join(lines)


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
