"""Fuzzing the loader and validator: any input gives a valid build or located errors, never another exception.

The property, for arbitrary text, arbitrary bytes, YAML-like token soup, structures built from the schema's
own shapes, and mutations of the mini fixture: `pipeline.prepare` (load → validate → verify quotes → model)
either returns the model or raises BuildError whose every problem reads `claims.yaml:LINE:COL: error: …`
with a hint. A few valid results are rendered and written too: that either succeeds or leaves the output
folder as it was. Every example has a deadline; the whole file runs in well under a minute.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factsite import pipeline
from factsite.load import kinds, texts
from factsite.load.shape import ROOT
from factsite.pipeline import Options, Result, Stages
from factsite.problems import BuildError
from helpers import FIXTURES

MINI = FIXTURES / "mini"
MINI_TEXT = (MINI / "claims.yaml").read_text(encoding="utf-8")
MINI_DOC = yaml.load(MINI_TEXT, Loader=yaml.BaseLoader)  # every scalar as the text written
SEED = (MINI / "seeds" / "wwp-excerpt.txt").read_text(encoding="utf-8")
FAST = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.data_too_large])
LOCATED = re.compile(r"[^\n]*claims\.yaml:\d+:\d+: error: [^\n]+\n  hint: [^\n]+(\n  [^\n]+)*")


class Written(yaml.SafeDumper):
    def ignore_aliases(self, data):  # factsite refuses aliases; write every value out
        return True


def dump(doc) -> str:
    return yaml.dump(doc, Dumper=Written, allow_unicode=True, sort_keys=False, width=120)


@pytest.fixture(scope="module")
def root():
    """One project folder reused by every example (hypothesis runs examples one after another)."""
    folder = Path(tempfile.mkdtemp(prefix="factsite-fuzz-"))
    shutil.copytree(MINI / "seeds", folder / "seeds")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def check(root: Path, content: str | bytes):
    """Run every stage up to the model; the result, or the BuildError after checking its messages."""
    path = root / "claims.yaml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", errors="surrogatepass", newline="")
    else:
        path.write_bytes(content)
    opts = Options(root=root, out=root / "site", write=False)
    try:
        return pipeline.prepare(opts, Stages(Result(), lambda stage: None))
    except BuildError as exc:
        assert len(exc.problems) > 0
        for problem in exc.problems.items:
            text = problem.format()
            assert problem.mark.path.endswith("claims.yaml"), text
            if problem.code != "file-unreadable":  # a file that cannot be read has no line to point at
                assert problem.mark.line >= 1 and problem.mark.column >= 1, text
                assert LOCATED.fullmatch(text), text
        return exc


# --- arbitrary input ----------------------------------------------------------------------------------------

@FAST
@given(st.text(max_size=400))
def test_any_text(root, text):
    check(root, text)


@FAST
@given(st.binary(max_size=400))
def test_any_bytes(root, data):
    check(root, data)


TOKENS = ["site:", "pages:", "sources:", "claims:", "events:", "id:", "title:", "text:", "zh-Hant:", "en:",
          "\n", "\n  ", "\n    ", "- ", "[", "]", "{", "}", ", ", ": ", "&a ", "*a", "!!str ", "!x ", "? ",
          "|\n  ", ">\n  ", "'", '"', "#", "---\n", "...\n", "%YAML 1.1\n", "\\", "\t", "\r\n", "\ufeff", "\x00",
          "\u202e", "\x1b", "~", "null", "yes", "2025-01-31", "https://x.org/", "javascript:x", "wwp", "a", "é",
          "晶片", "\U0001F600", "9" * 30]


@FAST
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_yaml_token_soup(root, text):
    check(root, text)


# --- structures built from the schema's shapes --------------------------------------------------------------

WORDS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
ODD = st.one_of(WORDS, st.none(), st.lists(WORDS, max_size=2), st.dictionaries(WORDS, WORDS, max_size=2),
                st.sampled_from(["", " ", "\x00", "\u202e", "\x1b[31m", "0", "-1", "9" * 5000, "yes", "~",
                                 "２０２５-01-31", "0000-01-01", "2025-02-30", "javascript:alert(1)", "data:,x",
                                 "https://x.org/a b", "../seeds/x", "/dev/zero", "claims", "e-2025-01-24",
                                 "A", "a--b", "a\n", "<script>alert(1)</script>", "[x](javascript:y)",
                                 "![i](https://e.org/i.png)"]))
IDS = ["accurate", "misleading", "unverifiable", "export-controls", "us-government", "about", "methodology",
       "corrections", "wwp", "h20-curbs-report", "navy-email", "claims", "e-2022-10"]
PASSAGES = [SEED[i:i + n] for i, n in ((120, 30), (400, 12), (700, 40), (0, 8))] + [SEED, "彭博社", "DeepSeek"]
GOOD = {
    kinds.Slug: st.sampled_from(IDS),
    kinds.Url: st.sampled_from(["https://example.org/", "http://example.org/a?b=c", "mailto:a@example.org"]),
    kinds.Date: st.sampled_from(["2025-01-31", "2026-11-23", "2025-04", "2025", "2024-02-29"]),
    kinds.Sha: st.sampled_from(["8d9b63ddcf4f11a5332ee2bdff94a0a00731b69d7a5cfb6772406d1eaa9a729f", "0" * 64]),
    kinds.Bool: st.sampled_from(["true", "false"]),
    kinds.Int: st.sampled_from(["1", "2", "3"]),
}


def shape(kind, name: str = "") -> st.SearchStrategy:
    """Values for one schema kind: usually well-formed, sometimes anything at all."""
    if isinstance(kind, kinds.Record):
        fields = {key: st.one_of(shape(spec.kind, key), st.just(None)) if not spec.required else shape(spec.kind, key)
                  for key, spec in kind.fields.items()}

        def build(values, drop, extra):
            rec = {k: v for k, v in values.items() if v is not None and k not in drop}
            rec.update(extra)
            return rec
        return st.builds(build, st.fixed_dictionaries(fields),
                         st.sets(st.sampled_from(sorted(kind.fields)), max_size=1),
                         st.dictionaries(st.sampled_from(["featurd", "idd", "zh-Hant"]), WORDS, max_size=1))
    if isinstance(kind, kinds.ListOf):
        return st.lists(shape(kind.item, name), min_size=1, max_size=3)
    if isinstance(kind, texts.Text):
        return st.one_of(WORDS.filter(str.strip), st.fixed_dictionaries({"zh-Hant": WORDS, "en": WORDS}),
                         st.fixed_dictionaries({"zh-Hant": WORDS, "en": WORDS, "zh-Hans": WORDS}))
    if isinstance(kind, kinds.Choice):
        good = st.sampled_from(kind.choices)
    elif name == "file":
        good = st.sampled_from(["wwp-excerpt.txt", "missing.txt", "../claims.yaml", "."])
    elif name == "text":
        good = st.sampled_from(PASSAGES)
    elif name == "opencc":
        good = st.sampled_from(["t2s", "tw2s", "nope"])
    else:
        good = GOOD.get(type(kind), WORDS)
    return st.one_of(good, good, good, ODD)


@settings(max_examples=150, deadline=2000, suppress_health_check=list(HealthCheck))
@given(shape(ROOT))
def test_structures_of_the_schemas_shapes(root, doc):
    check(root, dump(doc))


# --- mutations of the mini fixture ---------------------------------------------------------------------------

def paths(node, at=()):
    """Every place in a document: (path, value)."""
    yield at, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, at + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, at + (i,))


PLACES = [p for p, _ in paths(MINI_DOC) if p]


def mutate(doc, place, how, value):
    import copy

    doc = copy.deepcopy(doc)
    *parent_path, last = place
    parent = doc
    for step in parent_path:
        parent = parent[step]
    if how == "delete":
        del parent[last]
    elif how == "replace":
        parent[last] = value
    elif how == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    elif how == "wrap":
        parent[last] = [parent[last]]
    elif how == "append" and isinstance(parent[last], str):
        parent[last] = parent[last] + (value if isinstance(value, str) else "")
    return doc


@settings(max_examples=200, deadline=2000, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.sampled_from(PLACES),
                          st.sampled_from(["delete", "replace", "duplicate", "wrap", "append"]), ODD),
                min_size=1, max_size=4),
       st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(TOKENS)), max_size=2))
def test_mutations_of_a_valid_site(root, steps, splices):
    doc = MINI_DOC
    for place, how, value in steps:
        try:
            doc = mutate(doc, place, how, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier step removed this place
    text = dump(doc)
    for at, token in splices:  # and now and then a stray character in the YAML itself
        at %= len(text) + 1
        text = text[:at] + token + text[at:]
    check(root, text)


# --- valid results are rendered and written too --------------------------------------------------------------

TEXT_PLACES = [p for p, v in paths(MINI_DOC) if isinstance(v, str) and p[-1] in ("en", "zh-Hant", "translation",
                                                                                   "claimant", "title")]


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.sampled_from(TEXT_PLACES), WORDS.filter(str.strip)), min_size=1, max_size=3))
def test_valid_mutations_render_or_fail_cleanly(root, edits):
    doc = MINI_DOC
    for place, value in edits:
        doc = mutate(doc, place, "replace", value)
    result = check(root, dump(doc))
    if isinstance(result, BuildError):
        return
    out = root / "site"
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) if out.exists() else None
    opts = Options(root=root, out=out, jobs=1, search=False)
    try:
        pipeline.emit(opts, result, Stages(Result(), lambda stage: None))
    except BuildError as exc:
        after = sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) if out.exists() else None
        assert after == before, exc
        return
    assert (out / "en" / "claims" / "navy-email" / "index.html").is_file()


def test_every_message_template_formats():
    """A stray brace in a message is a KeyError the moment that error occurs (it was, for unknown-lang)."""
    import string

    from factsite.problems.messages import MESSAGES

    for code, msg in MESSAGES.items():
        for template in (msg.text, msg.hint):
            names = {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}
            assert all(re.fullmatch(r"\w+(![rs])?", n) or n.isidentifier() for n in names), (code, template)
            template.format(**{n: "x" for n in names})
