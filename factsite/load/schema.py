"""The shape of claims.yaml, and a walker that checks a node tree against it."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from factsite.model.dates import DateFormError, ImpossibleDateError, parse_date
from factsite.problems import Mark, Problems
from factsite.load.yamlfile import mark_of

LANGS = ("zh-Hant", "zh-Hans", "en")
REQUIRED_LANGS = ("zh-Hant", "en")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # fullmatch: `$` would let a trailing newline through
_SHA = re.compile(r"[0-9a-f]{64}")
# Invisible characters no value may hold: C0/C1 controls except tab and line breaks, DEL, the bidirectional
# embeddings, overrides and isolates ("Trojan Source"), and lone surrogates.
HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
MAX_SHOWN = 200  # characters of a value quoted in an error message
_NULL_TAG = "tag:yaml.org,2002:null"


class Rec(dict):
    """A checked mapping that remembers where it and each of its values were written."""

    def __init__(self, mark: Mark, span: tuple[int, int] = (0, 0)):
        super().__init__()
        self.mark = mark
        self.span = span  # character offsets of the record in the file, for fingerprints
        self.marks: dict[str, Mark] = {}

    def at(self, key: str) -> Mark:
        return self.marks.get(key, self.mark)


class Seq(list):
    """A checked list that remembers where each item was written."""

    def __init__(self, mark: Mark, span: tuple[int, int] = (0, 0)):
        super().__init__()
        self.mark = mark
        self.span = span
        self.marks: list[Mark] = []


@dataclass(frozen=True)
class Kind:
    """A kind of value; `check` returns the clean value or None after recording problems."""

    expected: str = "text"

    def check(self, node, name: str, ctx: "Walk"):
        text = ctx.scalar(node, name, self.expected)
        return None if text is None else self.convert(text, node, name, ctx)

    def convert(self, text: str, node, name: str, ctx: "Walk"):
        return text


@dataclass(frozen=True)
class Plain(Kind):
    """Text written once for every language."""


@dataclass(frozen=True)
class Slug(Kind):
    expected: str = "an id"

    def convert(self, text, node, name, ctx):
        if not _SLUG.fullmatch(text):
            guess = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-claim"
            ctx.add(node, "bad-id", value=text, suggestion=guess)
            return None
        return text


@dataclass(frozen=True)
class Url(Kind):
    expected: str = "a URL"
    mailto: bool = False

    def convert(self, text, node, name, ctx):
        lower = text.lower()
        if lower.startswith(("https://", "http://")) and len(text) > 8 and not any(c.isspace() for c in text):
            return text
        if self.mailto and lower.startswith("mailto:") and "@" in text:
            return text
        extra = " or mailto:" if self.mailto else ""
        ctx.add(node, "bad-url", field=name, value=text, extra=extra)
        return None


@dataclass(frozen=True)
class Sha(Kind):
    expected: str = "a sha256"

    def convert(self, text, node, name, ctx):
        if not _SHA.fullmatch(text):
            ctx.add(node, "bad-sha256", value=text)
            return None
        return text


@dataclass(frozen=True)
class Date(Kind):
    expected: str = "a date"
    precise: bool = True

    def convert(self, text, node, name, ctx):
        form = "YYYY-MM-DD" if self.precise else "YYYY-MM-DD, YYYY-MM or YYYY"
        if not text.isascii():  # `\d` would take full-width and other scripts' digits
            ctx.add(node, "bad-date", field=name, value=text, form=form)
            return None
        try:
            date = parse_date(text, precise=self.precise)
            if date.year < 1:
                raise ImpossibleDateError("there is no year 0")
            return date
        except DateFormError:
            ctx.add(node, "bad-date", field=name, value=text, form=form)
        except ImpossibleDateError as exc:
            ctx.add(node, "impossible-date", field=name, value=text, reason=str(exc))
        return None


@dataclass(frozen=True)
class Choice(Kind):
    """One word from a fixed list."""

    choices: tuple[str, ...] = ()

    def convert(self, text, node, name, ctx):
        if text in self.choices:
            return text
        ctx.add(node, "unknown-ref", kind=name, value=text, suggestion=did_you_mean(text, self.choices, name))
        return None


@dataclass(frozen=True)
class Bool(Kind):
    expected: str = "true or false"

    def convert(self, text, node, name, ctx):
        if text in ("true", "false"):
            return text == "true"
        ctx.add(node, "bad-bool", field=name, value=text)
        return None


@dataclass(frozen=True)
class Int(Kind):
    expected: str = "a number"

    def convert(self, text, node, name, ctx):
        digits = text.lstrip("0")
        # int() refuses more than 4300 digits; no count in claims.yaml needs more than a few
        if text.isascii() and text.isdigit() and 0 < len(digits) <= 18:
            return int(digits)
        ctx.add(node, "bad-int", field=name, value=text)
        return None


@dataclass(frozen=True)
class Text(Kind):
    """Editorial text: one string for all languages, or a mapping per language."""

    expected: str = "text"

    def check(self, node, name, ctx):
        if not isinstance(node, yaml.MappingNode):
            text = ctx.scalar(node, name, "text or a mapping of zh-Hant/en text")
            return None if text is None else {"*": text}
        if not ctx.visit(node):
            return None
        out: dict[str, str] = {}
        written: set[str] = set()
        for key, value in ctx.pairs(node):
            if key.value not in LANGS:
                ctx.add(key, "unknown-lang", field=name, lang=key.value)
                continue
            written.add(key.value)
            text = ctx.scalar(value, f"{name}.{key.value}", "text")
            if text is not None:
                out[key.value] = text
        for lang in REQUIRED_LANGS:
            if lang not in written:  # a language written with a bad value has its own error
                ctx.add(node, "missing-lang", field=name, lang=lang)
        return out if all(lang in out for lang in REQUIRED_LANGS) else None


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind = Plain()

    def check(self, node, name, ctx):
        if not isinstance(node, yaml.SequenceNode):
            ctx.wrong_type(node, name, "a list", "write the items as `- item` lines, or [a, b]")
            return None
        if not ctx.visit(node):
            return None
        out = Seq(mark_of(ctx.path, node), (node.start_mark.index, node.end_mark.index))
        for i, child in enumerate(ctx.items(node)):
            value = self.item.check(child, f"{name}[{i + 1}]", ctx)
            if value is not None:
                out.append(value)
                out.marks.append(mark_of(ctx.path, child))
        return out


@dataclass(frozen=True)
class Field:
    kind: Kind
    required: bool = True


@dataclass(frozen=True)
class Record(Kind):
    """A mapping with known keys."""

    name: str = "record"
    fields: dict = field(default_factory=dict)

    def check(self, node, name, ctx):
        if not isinstance(node, yaml.MappingNode):
            ctx.wrong_type(node, name or self.name, f"a {self.name} (a mapping of keys)", "indent its fields under it")
            return None
        if not ctx.visit(node):
            return None
        out = Rec(mark_of(ctx.path, node), (node.start_mark.index, node.end_mark.index))
        for key, value in ctx.pairs(node):
            spec = self.fields.get(key.value)
            if spec is None:
                ctx.add(key, "unknown-key", key=key.value, kind=self.name, suggestion=did_you_mean(key.value, self.fields))
                continue
            checked = spec.kind.check(value, key.value, ctx)
            if checked is not None:
                out[key.value] = checked
                out.marks[key.value] = mark_of(ctx.path, value)
        present = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        for key, spec in self.fields.items():
            if spec.required and key not in present:
                ctx.add(node, "missing-key", kind=self.name, key=key)
        return out


def describe(ch: str) -> dict[str, str]:
    """The code point and name of an invisible character, for messages."""
    name = unicodedata.name(ch, "")
    if not name:
        name = "lone surrogate" if 0xD800 <= ord(ch) <= 0xDFFF else "control character"
    return {"codepoint": f"{ord(ch):04X}", "name": name.lower()}


def did_you_mean(word: str, choices, what: str = "key") -> str:
    """A hint naming the closest choice, or listing them when none is close."""
    choices = sorted(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    if not choices:
        return f"there are no {what}s yet"
    if len(choices) <= 12:
        return f"known {what}s: " + ", ".join(choices)
    return f"no {what} has a similar name; check the spelling"


class Walk:
    """The state of one check: the file, its problems, and the nodes already seen."""

    def __init__(self, path: str, problems: Problems):
        self.path = path
        self.problems = problems
        self._seen: set[int] = set()

    def add(self, node, code: str, **args) -> None:
        for key, value in args.items():
            if key == "value" and isinstance(value, str) and len(value) > MAX_SHOWN:
                args[key] = value[:MAX_SHOWN] + "…"
        self.problems.add(mark_of(self.path, node), code, **args)

    def wrong_type(self, node, name: str, expected: str, fix: str) -> None:
        got = {yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list"}.get(type(node), "text")
        self.add(node, "wrong-type", field=name, expected=expected, got=got, fix=fix)

    def visit(self, node) -> bool:
        """False for a node reached twice: YAML aliases, which we refuse (yamlfile.compose reports them,
        and refuses tags)."""
        if id(node) in self._seen:
            mark = mark_of(self.path, node)
            if not any(p.mark == mark and p.code == "yaml-alias" for p in self.problems.items):
                self.problems.add(mark, "yaml-alias")
            return False
        self._seen.add(id(node))
        return True

    def scalar(self, node, name: str, expected: str) -> str | None:
        if not self.visit(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.wrong_type(node, name, expected, "write it on one line, or as a `|` block")
            return None
        # The resolver tags only unquoted ~, null and empty values as null.
        if node.tag == _NULL_TAG or not node.value.strip():
            self.add(node, "empty-value", field=name)
            return None
        hidden = HIDDEN.search(node.value)
        if hidden:
            self.add(node, "hidden-char", field=name, **describe(hidden.group()))
            return None
        return node.value

    def pairs(self, node):
        """Key/value pairs of a mapping, reporting duplicate and non-text keys."""
        first: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                self.add(key, "wrong-type", field="a key", expected="text", got="a collection", fix="keys are plain words")
                continue
            if key.value in first:
                self.add(key, "duplicate-key", key=key.value, line=first[key.value])
                continue
            first[key.value] = key.start_mark.line + 1
            yield key, value

    def items(self, node):
        yield from node.value


# The schema itself: what docs/editing.md describes.
TEXT = Text()
PLAIN = Plain()
SLUG = Slug()
DAY = Date()
URL = Url()


def _rec(_kind: str, **fields) -> Record:
    return Record(name=_kind, fields={k: v if isinstance(v, Field) else Field(v) for k, v in fields.items()})


def _opt(kind: Kind) -> Field:
    return Field(kind, required=False)


LINK = _rec("link", title=TEXT, publisher=TEXT, date=DAY, url=URL, archive_url=_opt(URL), note=_opt(TEXT))
QUOTE = _rec("quote", source=SLUG, text=PLAIN, translation=_opt(PLAIN), occurrence=_opt(Int()))
EVIDENCE = _rec("evidence", title=TEXT, publisher=TEXT, date=DAY, url=URL, archive_url=_opt(URL),
                note=_opt(TEXT), quote=_opt(QUOTE))
UPDATE_KINDS = ("correction", "update", "verdict-change")
UPDATE = _rec("update", date=DAY, kind=Choice(choices=UPDATE_KINDS), text=TEXT)
VERDICT = _rec("verdict", id=SLUG, label=TEXT, meaning=TEXT, on_scale=_opt(Bool()))
TOPIC = _rec("topic", id=SLUG, name=TEXT, description=TEXT)
GLOSS = Record(name="glossary entry", fields={"zh-Hant": Field(PLAIN), "zh-Hans": Field(PLAIN)})
ORG = _rec("organization", name=TEXT, url=URL)
SITE = _rec(
    "site", title=TEXT, description=TEXT, base_url=URL, published=DAY, organization=ORG,
    contact=Url(mailto=True), opencc=_opt(PLAIN), glossary=_opt(ListOf(item=GLOSS)),
    verdicts=ListOf(item=VERDICT), topics=ListOf(item=TOPIC))
PAGE = _rec("page", id=SLUG, title=TEXT, body=TEXT)
SOURCE = _rec("source", id=SLUG, file=PLAIN, sha256=Sha(), title=TEXT, publisher=TEXT, date=DAY,
              author=_opt(TEXT), url=_opt(URL), archive_url=_opt(URL))
CLAIM = _rec(
    "claim", id=SLUG, topic=SLUG, verdict=SLUG, claimant=TEXT, date=DAY, claim=TEXT,
    quotes=ListOf(item=QUOTE), summary=TEXT, reasoning=TEXT, evidence=ListOf(item=EVIDENCE),
    claimant_type=_opt(Choice(choices=("person", "organization"))),
    published=_opt(DAY), featured=_opt(Bool()), related=_opt(ListOf(item=SLUG)),
    updates=_opt(ListOf(item=UPDATE)))
EVENT = _rec(
    "event", date=Date(precise=False), topic=SLUG, title=TEXT, text=TEXT, links=_opt(ListOf(item=LINK)),
    claims=_opt(ListOf(item=SLUG)), sources=_opt(ListOf(item=SLUG)), quotes=_opt(ListOf(item=QUOTE)))
ROOT = _rec("claims.yaml", site=SITE, pages=ListOf(item=PAGE), sources=ListOf(item=SOURCE),
            claims=ListOf(item=CLAIM), events=_opt(ListOf(item=EVENT)))


def check_document(path: str, node, problems: Problems) -> Rec | None:
    """Check a composed document against the schema; problems are collected, not raised."""
    if node is None:
        problems.add(Mark(path, 1, 1), "wrong-type", field="claims.yaml", expected="a mapping with site, pages, "
                     "sources and claims", got="an empty file", fix="start from the example in docs/editing.md")
        return None
    return ROOT.check(node, "", Walk(path, problems))
