"""Where a quote differs from the closest passage in its archive, said in words an editor can act on."""

from __future__ import annotations

from difflib import SequenceMatcher

from factsite.quotes.matcher import normalize

MAX_SHOWN = 3  # differences listed; a quote with more is probably a different passage
CONTEXT = 4  # characters of the archive shown around a difference


def differences(typed: str, archived: str) -> list[str]:
    """One line per place the typed quote differs from the archived passage, layout ignored."""
    a, b = normalize(typed), normalize(archived)
    ops = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops or len(ops) > MAX_SHOWN:
        return []
    lines = []
    for tag, i1, i2, j1, j2 in ops:
        where = f"「{b[max(0, j1 - CONTEXT):j2 + CONTEXT]}」"
        if tag == "replace":
            lines.append(f"you typed 「{a[i1:i2]}」 where the archive has 「{b[j1:j2]}」 (in {where})")
        elif tag == "delete":
            lines.append(f"you typed 「{a[i1:i2]}」, which the archive does not have (at {where})")
        else:
            lines.append(f"the archive has 「{b[j1:j2]}」 here, which the quote leaves out (in {where})")
    return lines
