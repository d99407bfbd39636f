"""After an edit to a few claims, the model again without reading the rest of claims.yaml.

claims.yaml is cut at its top-level records: one piece per claim, each with a digest. When only claims
changed, their ids are the same and nothing else the model depends on moved (seeds/, locales/, the
build's options), only the changed claims are parsed (at their own lines, so every error points where
it should), checked against the rest, their quotes verified and their model records made; everything
else is the previous model's. Anything else (a new or renamed claim, an edited event, a changed source)
returns None, and the caller builds everything again: the slow path is the reference, and tests compare
the two byte for byte.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import os
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factsite import build_model
from factsite.load import provenance
from factsite.load.document import Rec, Seq
from factsite.load.kinds import Walk
from factsite.load.shape import CLAIM
from factsite.load.validate import Known
from factsite.load.yamlfile import _Loader
from factsite.model import timeline
from factsite.model.records import Claim, Site
from factsite.problems import Mark, Problems
from factsite.quotes import verify
from factsite.quotes.matcher import SourceIndex

_TOP = re.compile(r"^(\w+):", re.M)
_ITEM = re.compile(r"^  - ", re.M)


@dataclass(frozen=True)
class Piece:
    """One claim's text in claims.yaml."""

    start: int  # character offset
    line: int  # 1-based line it starts on
    text: str
    digest: str


@dataclass(frozen=True)
class Pieces:
    """Where each claim's text lies in claims.yaml, and its digest: plain lists, cheap to shift after an edit."""

    starts: list[int]
    ends: list[int]
    lines: list[int]
    digests: list[str]

    def __len__(self) -> int:
        return len(self.starts)

    def piece(self, text: str, i: int) -> Piece:
        return Piece(self.starts[i], self.lines[i], text[self.starts[i]:self.ends[i]], self.digests[i])


def _pieces(text: str, at: int, line: int, starts: list[int], end: int) -> Pieces:
    """The pieces of text[at:end] that begin at these offsets (relative to `at`), the first on `line`."""
    out = Pieces([], [], [], [])
    for x, y in zip(starts, starts[1:] + [end - at], strict=True):
        chunk = text[at + x:at + y]
        out.starts.append(at + x)
        out.ends.append(at + y)
        out.lines.append(line)
        out.digests.append(_digest(chunk))
        line += chunk.count("\n")
    return out


@dataclass
class Snapshot:
    """What a build leaves for the next one: the model and what it was made from."""

    text: str
    inputs: str  # digest of seeds/ and locales/ (names, sizes, times) and of the build's options
    pieces: Pieces
    site: Site
    digest: str  # the pipeline's global digest, unchanged while the head is
    indexes: dict[str, SourceIndex] = field(repr=False)
    head_doc: Rec = field(repr=False)  # the checked document with an empty claims list
    dated_by_claims: bool = False  # the edition date is the latest claim's (no SOURCE_DATE_EPOCH)
    warned: bool = False  # the last full build printed warnings: only a full build reprints them


def inputs_digest(root: Path, *options: str) -> str:
    """Names, sizes and modification times of the archives and catalogues, and the build's options: any
    change to them shows, and only a full build redoes what they feed."""
    h = hashlib.blake2b(digest_size=12)
    h.update("\0".join(options).encode("utf-8", "surrogatepass"))
    for folder in (root / "seeds", root / "locales"):
        if folder.is_dir():
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                st = entry.stat(follow_symlinks=False)
                line = f"{folder.name}/{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_mode}\n"
                h.update(line.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def cut(text: str) -> tuple[str, Pieces] | None:
    """The text outside the claims list, and the claims list's items; None when the layout is not the usual
    one (items indented two spaces under a top-level `claims:`), which the slow path handles."""
    tops = list(_TOP.finditer(text))
    at = next((i for i, m in enumerate(tops) if m.group(1) == "claims"), None)
    if at is None:
        return None
    body_start = text.index("\n", tops[at].start()) + 1
    body_end = tops[at + 1].start() if at + 1 < len(tops) else len(text)
    body = text[body_start:body_end]
    starts = [m.start() for m in _ITEM.finditer(body)]
    if not starts or body[:starts[0]].strip(" \n"):
        return None
    pieces = _pieces(text, body_start, text.count("\n", 0, body_start) + 1, starts, body_end)
    head = text[:body_start] + text[body_end:]
    return _digest(head), pieces


def common(old: str, new: str) -> tuple[int, int]:
    """The lengths of the texts' common prefix and common suffix (which never overlap), compared in C."""
    n = min(len(old), len(new))
    prefix = _first_difference(old, new, 0, n)
    tail = n - prefix
    ro, rn = len(old), len(new)
    lo, hi = 0, tail  # the common suffix has length in [lo, hi]
    step = _STEP
    while lo + step <= hi and old[ro - lo - step:ro - lo] == new[rn - lo - step:rn - lo]:
        lo += step
    hi = min(hi, lo + step)
    while lo < hi:  # the longest suffix length k in [lo, hi] with equal tails
        mid = (lo + hi + 1) // 2
        if old[ro - mid:ro - lo] == new[rn - mid:rn - lo]:
            lo = mid
        else:
            hi = mid - 1
    return prefix, lo


_STEP = 1 << 16


def _first_difference(a: str, b: str, lo: int, n: int) -> int:
    while lo + _STEP <= n and a[lo:lo + _STEP] == b[lo:lo + _STEP]:
        lo += _STEP
    hi = min(n, lo + _STEP)
    while lo < hi:  # the first index in [lo, hi) where they differ, or hi
        mid = (lo + hi) // 2
        if a[lo:mid + 1] == b[lo:mid + 1]:
            lo = mid + 1
        else:
            hi = mid
    return lo


def recut(snap: Snapshot, text: str) -> Pieces | None:
    """The claims' pieces in the edited text, cutting again only around the edit; None when the edit reaches
    outside the claims list, or adds or removes a claim."""
    old = snap.pieces
    if text == snap.text:
        return old
    if not len(old):
        return None
    prefix, suffix = common(snap.text, text)
    end_old, delta = len(snap.text) - suffix, len(text) - len(snap.text)
    if prefix < old.starts[0] or end_old > old.ends[-1]:
        return None
    # The edit's ends are ambiguous where the texts repeat (an item inserted before "  - id" may show as
    # inserted after its first spaces), so the pieces on either side are cut again too.
    first = max(0, bisect.bisect_left(old.ends, prefix) - 1)
    last = min(len(old) - 1, bisect.bisect_right(old.starts, end_old))
    a, b = old.starts[first], old.ends[last] + delta
    region = text[a:b]
    if _TOP.search(region) or not region.startswith("  - "):
        return None
    starts = [m.start() for m in _ITEM.finditer(region)]
    if len(starts) != last - first + 1:
        return None
    fresh = _pieces(text, a, old.lines[first], starts, b)
    lines = fresh.lines[-1] + text.count("\n", fresh.starts[-1], fresh.ends[-1]) - old.lines[last] \
        - snap.text.count("\n", old.starts[last], old.ends[last])
    n = last + 1
    return Pieces(old.starts[:first] + fresh.starts + [x + delta for x in old.starts[n:]],
                  old.ends[:first] + fresh.ends + [x + delta for x in old.ends[n:]],
                  old.lines[:first] + fresh.lines + [x + lines for x in old.lines[n:]],
                  old.digests[:first] + fresh.digests + old.digests[n:])


def refresh(snap: Snapshot, text: str, inputs: str, path: str, problems: Problems) -> tuple[Snapshot, list[str]] | None:
    """The snapshot after an edit, and the ids of the claims that changed; None when only a full build will do.

    Problems in the changed claims are added to `problems` (the caller stops there, as a full build would)."""
    if snap.warned or inputs != snap.inputs:
        return None
    pieces = recut(snap, text)
    if pieces is None:
        return None
    changed = [i for i, (old, new) in enumerate(zip(snap.pieces.digests, pieces.digests, strict=True)) if old != new]
    recs = {}
    for i in changed:
        rec = _parse(pieces.piece(text, i), text, path, snap, problems)
        if rec is None or rec.get("id") != snap.site.claims[i].id:
            return None if not problems else (snap, [])  # a rename or a new claim: the slow path decides
        recs[i] = rec
    if problems:
        return snap, []
    claims = list(snap.site.claims)
    for i, rec in recs.items():
        claim = _model(rec, text, snap, problems)
        if claim is None:
            return snap, []
        claims[i] = claim
    site = _site(snap.site, tuple(claims), changed)
    if snap.dated_by_claims and max([site.published] + [c.modified for c in site.claims]) != site.build_date:
        return None  # the edition date moves, and every page shows it
    fresh = dataclasses.replace(snap, text=text, pieces=pieces, site=site)
    return fresh, [snap.site.claims[i].id for i in changed]


def _parse(piece: Piece, text: str, path: str, snap: Snapshot, problems: Problems) -> Rec | None:
    """One claim, parsed where it stands: blank lines before it keep every line number true."""
    padded = "\n" * (piece.line - 2) + "claims:\n" + piece.text
    try:
        node = yaml.compose(padded, Loader=_Loader)
    except yaml.YAMLError:
        return None  # the slow path reports syntax errors with the whole file's context
    if not isinstance(node, yaml.MappingNode) or not isinstance(node.value[0][1], yaml.SequenceNode):
        return None
    item = node.value[0][1].value[0]
    walk = Walk(path, problems, snap.site.languages, text)
    rec = CLAIM.check(item, "claims[?]", walk)
    if rec is None:
        return None
    rec.span = (piece.start + item.start_mark.index - (len(padded) - len(piece.text)),
                piece.start + item.end_mark.index - (len(padded) - len(piece.text)))
    _check(rec, walk, snap, problems)
    return rec


def _check(rec: Rec, walk: Walk, snap: Snapshot, problems: Problems) -> None:
    """What the full build checks across records, for one claim: its references and its links."""
    doc = Rec(snap.head_doc.mark)
    doc.update(snap.head_doc)
    claims = Seq(Mark(""))
    claims.append(rec)
    doc["claims"] = claims
    known = {kind: Known(doc, key, kind, Problems(), label) for key, kind, label in
             (("verdicts", "verdict", "label"), ("topics", "topic", "name"), ("publishers", "publisher", "name"),
              ("sources", "source", ""))}
    known["claim"] = Known(doc, "claims", "claim", Problems(), "")
    known["claim"].ids = {c.id for c in snap.site.claims}
    known["topic"].check(rec, "topic", problems)
    known["verdict"].check(rec, "verdict", problems)
    known["claim"].check(rec, "related", problems)
    known["source"].check(rec, "appeared_in", problems)
    if rec.get("id") in rec.get("related", ()):
        problems.add(rec.at("related"), "self-related", value=rec["id"])
    for link in rec.get("evidence", ()):
        known["publisher"].check(link, "publisher", problems)
    for quote in rec.get("quotes", ()):
        known["source"].check(quote, "source", problems)
    provenance.check_publishers(doc, problems)
    provenance.check_urls(walk.urls, provenance.blocklist(doc), problems)


def _model(rec: Rec, text: str, snap: Snapshot, problems: Problems) -> Claim | None:
    """The claim's model record, its quotes verified against the archives already indexed."""
    doc = Rec(snap.head_doc.mark)
    claims = Seq(Mark(""))
    claims.append(rec)
    doc["claims"] = claims
    converters = build_model.converters(snap.site.languages)
    anchors = verify.verify_quotes(doc, snap.indexes, list(converters.values()), {}, problems)
    if problems:
        return None
    builder = build_model.Builder(snap.site.languages, anchors, text)
    builder.publishers = {p.id: p for p in snap.site.publishers}
    return builder.claim(rec)


def _site(site: Site, claims: tuple[Claim, ...], changed: list[int]) -> Site:
    """The site with new claims: the events' places on the timeline follow the claims' dates."""
    if all(site.claims[i].date == claims[i].date for i in changed):
        return dataclasses.replace(site, claims=claims)
    placed = timeline.event_pages(site.events, claims)
    events = tuple(e if e.page == placed[e.id][1] else
                   dataclasses.replace(e, page=placed[e.id][1],
                                       fingerprint=build_model.fingerprint(e.fingerprint, str(placed[e.id])))
                   for e in site.events)
    return dataclasses.replace(site, claims=claims, events=events)



def snapshot(text: str, doc: Rec, site: Site, digest: str, indexes: dict[str, SourceIndex], inputs: str,
             dated_by_claims: bool, warned: bool) -> Snapshot | None:
    """What a full build leaves for the next one, when claims.yaml has the usual layout."""
    parts = cut(text)
    if parts is None or len(parts[1]) != len(site.claims):
        return None
    head_doc = Rec(doc.mark, doc.span)
    head_doc.update({key: value for key, value in doc.items() if key != "claims"})
    head_doc.marks = dict(doc.marks)
    return Snapshot(text, inputs, parts[1], site, digest, indexes, head_doc, dated_by_claims, warned)


def marks(snap: Snapshot, path: str) -> dict[str, Mark]:
    """Where each claim is written: its item's first key, just after the "  - "."""
    return {claim.id: Mark(path, line, 5) for claim, line in zip(snap.site.claims, snap.pieces.lines, strict=True)}


FORMAT = 1


def save(snap: Snapshot, path: Path, version: str) -> None:
    """Keep the snapshot for the next run. A grandchild process pickles it (a second or two at 10,000 claims)
    while this one goes on: it writes beside the file and renames, so a reader sees the old one or the new."""
    if not hasattr(os, "fork"):
        return  # only a cost: the next build makes the model from scratch
    child = os.fork()
    if child:
        os.waitpid(child, 0)
        return
    try:
        if os.fork() == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
            with open(tmp, "wb") as f:
                pickle.dump((FORMAT, version, snap), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
    finally:
        os._exit(0)


def load(path: Path, version: str) -> Snapshot | None:
    """The last run's snapshot, if this version of factsite wrote it; None otherwise.

    The file lives in the project's own .factsite-cache (git-ignored), written by this program: trusted like
    the project's code, and never shipped with the site."""
    try:
        with open(path, "rb") as f:
            fmt, wrote, snap = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        return None  # a missing or damaged snapshot only costs time
    return snap if (fmt, wrote) == (FORMAT, version) and isinstance(snap, Snapshot) else None
