"""claims.yaml cut into one piece per claim, as bytes: after an edit, only the pieces around it are cut again.

Bytes rather than text: an 85 MB file is read and compared with the last one in tens of milliseconds,
and only the edited claims are ever decoded.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass

_TOP = re.compile(rb"^(\w+):", re.M)
_ITEM = re.compile(rb"^  - ", re.M)
_STEP = 1 << 16  # bytes compared at a time while looking for where two versions part


@dataclass(frozen=True)
class Piece:
    """One claim's text in claims.yaml."""

    line: int  # 1-based line it starts on
    text: str
    digest: str


@dataclass(frozen=True)
class Pieces:
    """Where each claim's bytes lie in claims.yaml, and their digest: plain lists, cheap to shift after an edit."""

    starts: list[int]
    ends: list[int]
    lines: list[int]
    digests: list[str]

    def __len__(self) -> int:
        return len(self.starts)

    def piece(self, data: bytes, i: int) -> Piece | None:
        """The claim's text; None when the edit left it undecodable (the full build says where)."""
        try:
            text = data[self.starts[i]:self.ends[i]].decode("utf-8")
        except UnicodeDecodeError:
            return None
        return Piece(self.lines[i], text, self.digests[i])


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _pieces(data: bytes, at: int, line: int, starts: list[int], end: int) -> Pieces:
    """The pieces of data[at:end] that begin at these offsets (relative to `at`), the first on `line`."""
    out = Pieces([], [], [], [])
    for x, y in zip(starts, starts[1:] + [end - at], strict=True):
        out.starts.append(at + x)
        out.ends.append(at + y)
        out.lines.append(line)
        out.digests.append(_digest(data[at + x:at + y]))
        line += data.count(b"\n", at + x, at + y)
    return out


def cut(data: bytes) -> Pieces | None:
    """The claims list's items; None when the layout is not the usual one (items indented two spaces under a
    top-level `claims:`), which only a full build handles."""
    if b"\r" in data:
        return None  # the loader normalises line breaks; offsets here would not match its text
    tops = list(_TOP.finditer(data))
    at = next((i for i, m in enumerate(tops) if m.group(1) == b"claims"), None)
    if at is None:
        return None
    body_start = data.index(b"\n", tops[at].start()) + 1
    body_end = tops[at + 1].start() if at + 1 < len(tops) else len(data)
    body = data[body_start:body_end]
    starts = [m.start() for m in _ITEM.finditer(body)]
    if not starts or body[:starts[0]].strip(b" \n"):
        return None
    return _pieces(data, body_start, data.count(b"\n", 0, body_start) + 1, starts, body_end)


def recut(old: Pieces, before: bytes, data: bytes) -> Pieces | None:
    """The pieces of the edited file, cutting again only around the edit; None when the edit reaches outside
    the claims list, or adds or removes a claim."""
    if data == before:
        return old
    if not len(old) or b"\r" in data:
        return None
    prefix, suffix = common(before, data)
    end_old, delta = len(before) - suffix, len(data) - len(before)
    if prefix < old.starts[0] or end_old > old.ends[-1]:
        return None
    # The edit's ends are ambiguous where the texts repeat (an item inserted before "  - id" may show as
    # inserted after its first spaces), so the pieces on either side are cut again too.
    first = max(0, bisect.bisect_left(old.ends, prefix) - 1)
    last = min(len(old) - 1, bisect.bisect_right(old.starts, end_old))
    a, b = old.starts[first], old.ends[last] + delta
    region = data[a:b]
    if _TOP.search(region) or not region.startswith(b"  - "):
        return None
    starts = [m.start() for m in _ITEM.finditer(region)]
    if len(starts) != last - first + 1:
        return None
    fresh = _pieces(data, a, old.lines[first], starts, b)
    lines = region.count(b"\n") - before.count(b"\n", old.starts[first], old.ends[last])
    n = last + 1
    return Pieces(old.starts[:first] + fresh.starts + [x + delta for x in old.starts[n:]],
                  old.ends[:first] + fresh.ends + [x + delta for x in old.ends[n:]],
                  old.lines[:first] + fresh.lines + [x + lines for x in old.lines[n:]],
                  old.digests[:first] + fresh.digests + old.digests[n:])


def common(old: bytes, new: bytes) -> tuple[int, int]:
    """The lengths of the two versions' common prefix and common suffix (never overlapping), compared in C."""
    n = min(len(old), len(new))
    lo = 0
    while lo + _STEP <= n and old[lo:lo + _STEP] == new[lo:lo + _STEP]:
        lo += _STEP
    hi = min(n, lo + _STEP)
    while lo < hi:  # the first index in [lo, hi) where they differ, or hi
        mid = (lo + hi) // 2
        if old[lo:mid + 1] == new[lo:mid + 1]:
            lo = mid + 1
        else:
            hi = mid
    prefix, ro, rn = lo, len(old), len(new)
    lo, hi = 0, n - prefix  # the common suffix's length lies in [lo, hi]
    while lo + _STEP <= hi and old[ro - lo - _STEP:ro - lo] == new[rn - lo - _STEP:rn - lo]:
        lo += _STEP
    hi = min(hi, lo + _STEP)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[ro - mid:ro - lo] == new[rn - mid:rn - lo]:
            lo = mid
        else:
            hi = mid - 1
    return prefix, lo
