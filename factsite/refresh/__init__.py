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

import dataclasses
import hashlib
import os
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
from factsite.model.records import Claim, Site
from factsite.problems import Mark, Problems
from factsite.quotes import verify
from factsite.quotes.matcher import SourceIndex
from factsite.refresh import store
from factsite.refresh.pieces import Piece, Pieces, cut, recut


@dataclass
class Snapshot:
    """What a build leaves for the next one: the model and what it was made from."""

    data: bytes  # claims.yaml as the model was made from it
    inputs: str  # digest of seeds/ and locales/ (names, sizes, times) and of the build's options
    pieces: Pieces
    site: Site
    digest: str  # the pipeline's global digest: it covers only what lies outside the claims
    indexes: dict[str, SourceIndex] = field(repr=False)
    head_doc: Rec = field(repr=False)  # the checked document without its claims
    dated_by_claims: bool = False  # the edition date is the latest claim's (no SOURCE_DATE_EPOCH)
    warned: bool = False  # the last full build printed warnings: only a full build reprints them
    _known: dict[str, Known] | None = field(default=None, repr=False)


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


def refresh(snap: Snapshot, data: bytes, inputs: str, path: str,
            problems: Problems) -> tuple[Snapshot, list[str]] | None:
    """The snapshot after an edit, and the ids of the claims that changed; None when only a full build will do.

    Problems in the changed claims are added to `problems` (the caller stops there, as a full build would)."""
    if snap.warned or inputs != snap.inputs:
        return None
    pieces = recut(snap.pieces, snap.data, data)
    if pieces is None:
        return None
    changed = [i for i, (old, new) in enumerate(zip(snap.pieces.digests, pieces.digests, strict=True)) if old != new]
    recs: dict[int, tuple[Rec, Piece]] = {}
    for i in changed:
        piece = pieces.piece(data, i)
        rec = _parse(piece, path, snap, problems) if piece is not None else None
        if piece is None or rec is None or rec.get("id") != snap.site.claims[i].id:
            return None if not problems else (snap, [])  # a rename or a new claim: the slow path decides
        recs[i] = (rec, piece)
    if problems:
        return snap, []
    claims = list(snap.site.claims)
    for i, (rec, piece) in recs.items():
        claim = _model(rec, piece, snap, problems)
        if claim is None:
            return snap, []
        claims[i] = claim
    site = _site(snap.site, tuple(claims), changed)
    if snap.dated_by_claims and max([site.published] + [c.modified for c in site.claims]) != site.build_date:
        return None  # the edition date moves, and every page shows it
    fresh = dataclasses.replace(snap, data=data, pieces=pieces, site=site)
    return fresh, [snap.site.claims[i].id for i in changed]


def _parse(piece: Piece, path: str, snap: Snapshot, problems: Problems) -> Rec | None:
    """One claim, parsed where it stands: blank lines before it keep every line number true."""
    try:
        node = yaml.compose(_padded(piece), Loader=_Loader)
    except yaml.YAMLError:
        return None  # the slow path reports syntax errors with the whole file's context
    if not isinstance(node, yaml.MappingNode) or not isinstance(node.value[0][1], yaml.SequenceNode):
        return None
    item = node.value[0][1].value[0]
    walk = Walk(path, problems, snap.site.languages, piece.text, first_line=piece.line - 1)
    rec = CLAIM.check(item, "claims[?]", walk)
    if rec is None:
        return None
    _check(rec, walk, snap, problems)
    return rec


def _padded(piece: Piece) -> str:
    """The claim's text where the file has it: its records' spans and marks point into this string."""
    return "\n" * (piece.line - 2) + "claims:\n" + piece.text


def _known(snap: Snapshot) -> dict[str, Known]:
    """The ids (and labels) claims may refer to, gathered once per snapshot."""
    if snap._known is None:
        doc = snap.head_doc
        known = {kind: Known(doc, key, kind, Problems(), label) for key, kind, label in
                 (("verdicts", "verdict", "label"), ("topics", "topic", "name"), ("publishers", "publisher", "name"),
                  ("sources", "source", ""))}
        known["claim"] = Known(doc, "claims", "claim", Problems(), "")
        known["claim"].ids = {c.id for c in snap.site.claims}
        snap._known = known
    return snap._known


def _check(rec: Rec, walk: Walk, snap: Snapshot, problems: Problems) -> None:
    """What the full build checks across records, for one claim: its references and its links."""
    known = _known(snap)
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
    provenance.check_publishers(_doc(rec, snap.head_doc, "publishers"), problems)
    provenance.check_urls(walk.urls, provenance.blocklist(snap.head_doc), problems)


def _doc(rec: Rec, head: Rec, *keys: str) -> Rec:
    """A document holding this claim and the head's records under `keys`: what one check needs to see."""
    doc = Rec(head.mark)
    doc.update({key: head[key] for key in keys if key in head})
    claims = Seq(Mark(""))
    claims.append(rec)
    doc["claims"] = claims
    return doc


def _model(rec: Rec, piece: Piece, snap: Snapshot, problems: Problems) -> Claim | None:
    """The claim's model record, its quotes verified against the archives already indexed."""
    converters = build_model.converters(snap.site.languages)
    anchors = verify.verify_quotes(_doc(rec, snap.head_doc), snap.indexes, list(converters.values()), {}, problems)
    if problems:
        return None
    builder = build_model.Builder(snap.site.languages, anchors, _padded(piece))
    builder.publishers = {p.id: p for p in snap.site.publishers}
    return builder.claim(rec)


def _site(site: Site, claims: tuple[Claim, ...], changed: list[int]) -> Site:
    """The site with new claims: the events' places on the timeline follow the claims' dates."""
    if all(site.claims[i].date == claims[i].date for i in changed):
        return dataclasses.replace(site, claims=claims)
    return dataclasses.replace(site, claims=claims, events=build_model.placed_events(site.events, claims))


def snapshot(text: str, doc: Rec, site: Site, digest: str, indexes: dict[str, SourceIndex], inputs: str,
             dated_by_claims: bool, warned: bool) -> Snapshot | None:
    """What a full build leaves for the next one, when claims.yaml has the usual layout."""
    data = text.encode("utf-8", "surrogatepass")
    pieces = cut(data)
    if pieces is None or len(pieces) != len(site.claims):
        return None
    head_doc = Rec(doc.mark, doc.span)
    head_doc.update({key: value for key, value in doc.items() if key != "claims"})
    head_doc.marks = dict(doc.marks)
    return Snapshot(data, inputs, pieces, site, digest, indexes, head_doc, dated_by_claims, warned)


def marks(snap: Snapshot, path: str) -> dict[str, Mark]:
    """Where each claim is written: its item's first key, just after the "  - "."""
    return {claim.id: Mark(path, line, 5) for claim, line in zip(snap.site.claims, snap.pieces.lines, strict=True)}


def save(snap: Snapshot, path: Path, version: str) -> None:
    store.save(snap, path, version)


def load(path: Path, version: str) -> Snapshot | None:
    snap: Snapshot | None = store.load(path, version, Snapshot)
    return snap
