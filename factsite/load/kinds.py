"""Kinds of values in claims.yaml, and the walker that checks a node tree against them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import yaml

from factsite.load.document import Rec, Seq
from factsite.load.yamlfile import mark_of
from factsite.model.dates import DateFormError, ImpossibleDateError, PartialDate, parse_date
from factsite.model.languages import DEFAULT, Languages
from factsite.problems import Mark, Problems
from factsite.problems.hints import describe, did_you_mean

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # fullmatch: `$` would let a trailing newline through
_SHA = re.compile(r"[0-9a-f]{64}")
# A host, optionally with a path prefix for hosts many publishers share (github.com/deepseek-ai).
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:/[A-Za-z0-9._~\-]+)*")
# Invisible characters no value may hold: C0/C1 controls except tab and line breaks, DEL, the bidirectional
# embeddings, overrides and isolates ("Trojan Source"), and lone surrogates.
HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
MAX_SHOWN = 200  # characters of a value quoted in an error message
_NULL_TAG = "tag:yaml.org,2002:null"
NEUTRAL = "*"  # the key under which a language-neutral plain string is kept
_SHAPES: dict[type[yaml.Node], str] = {yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list"}


class Walk:
    """The state of one check: the file, its languages, its problems, and the nodes already seen."""

    def __init__(self, path: str, problems: Problems, languages: Languages = DEFAULT, text: str = "",
                 first_line: int = 0):
        self.path = path
        self.problems = problems
        self.languages = languages
        self._lines = text.split("\n")  # the file's lines from `first_line` (0-based) on
        self._first = first_line
        self.urls: list[tuple[str, Mark, str]] = []  # every URL met, with where and in which field
        self._seen: set[int] = set()

    def add(self, node: yaml.Node, code: str, **args: Any) -> None:
        for key, value in args.items():
            if key == "value" and isinstance(value, str) and len(value) > MAX_SHOWN:
                args[key] = value[:MAX_SHOWN] + "…"
        self.problems.add(mark_of(self.path, node), code, **args)

    def line_of(self, node: yaml.Node) -> str:
        """The source line a value starts on (for comments that silence a warning there)."""
        line = node.start_mark.line - self._first
        return self._lines[line] if 0 <= line < len(self._lines) else ""

    def wrong_type(self, node: yaml.Node, name: str, expected: str, fix: str) -> None:
        got = _SHAPES.get(type(node), "text")
        self.add(node, "wrong-type", field=name, expected=expected, got=got, fix=fix)

    def visit(self, node: yaml.Node) -> bool:
        """False for a node reached twice: YAML aliases, which yamlfile.compose reports (and tags it refuses)."""
        if id(node) in self._seen:
            mark = mark_of(self.path, node)
            if not any(p.mark == mark and p.code == "yaml-alias" for p in self.problems.items):
                self.problems.add(mark, "yaml-alias")
            return False
        self._seen.add(id(node))
        return True

    def scalar(self, node: yaml.Node, name: str, expected: str) -> str | None:
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
        return str(node.value)

    def pairs(self, node: yaml.MappingNode) -> Iterator[tuple[yaml.ScalarNode, yaml.Node]]:
        """Key/value pairs of a mapping, reporting duplicate and non-text keys."""
        first: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                self.add(key, "wrong-type", field="a key", expected="text", got="a collection",
                         fix="keys are plain words")
                continue
            if key.value in first:
                self.add(key, "duplicate-key", key=key.value, line=first[key.value])
                continue
            first[key.value] = key.start_mark.line + 1
            yield key, value


@dataclass(frozen=True)
class Kind:
    """A kind of value; `check` returns the clean value or None after recording problems."""

    expected: str = "text"

    def check(self, node: yaml.Node, name: str, ctx: Walk) -> Any:
        text = ctx.scalar(node, name, self.expected)
        return None if text is None else self.convert(text, node, name, ctx)

    def convert(self, text: str, node: yaml.Node, name: str, ctx: Walk) -> Any:
        return text


@dataclass(frozen=True)
class Plain(Kind):
    """A string that is the same in every language: a file name, an id, a glossary word."""


@dataclass(frozen=True)
class Slug(Kind):
    expected: str = "an id"

    def convert(self, text: str, node: yaml.Node, name: str, ctx: Walk) -> str | None:
        if not SLUG.fullmatch(text):
            guess = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-claim"
            ctx.add(node, "bad-id", value=text, suggestion=guess)
            return None
        return text


@dataclass(frozen=True)
class Ref(Kind):
    """The id of another record; whether it exists is checked once every record is known."""

    expected: str = "an id"


@dataclass(frozen=True)
class Url(Kind):
    expected: str = "a URL"
    mailto: bool = False

    def convert(self, text: str, node: yaml.Node, name: str, ctx: Walk) -> str | None:
        lower = text.lower()
        if lower.startswith(("https://", "http://")) and not any(c.isspace() for c in text) and _has_host(text):
            ctx.urls.append((text, mark_of(ctx.path, node), name))
            return text
        if self.mailto and lower.startswith("mailto:") and "@" in text:
            return text
        extra = " or mailto:" if self.mailto else ""
        ctx.add(node, "bad-url", field=name, value=text, extra=extra, suggestion=_url_guess(text))
        return None


def _has_host(url: str) -> bool:
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:  # a malformed [IPv6] host
        return False


def _url_guess(text: str) -> str:
    """The address an editor probably meant: a bare host gets https:// in front."""
    bare = text.strip()
    if re.fullmatch(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#]\S*)?", bare, re.IGNORECASE):
        return f"; did you mean 'https://{bare}'?"
    return ""


@dataclass(frozen=True)
class Domain(Kind):
    """Where a publisher's pages live: a host such as bloomberg.com (subdomains included), or host/path."""

    expected: str = "a domain"

    def convert(self, text: str, node: yaml.Node, name: str, ctx: Walk) -> str | None:
        if not _DOMAIN.fullmatch(text):
            ctx.add(node, "bad-domain", field=name, value=text)
            return None
        return text


@dataclass(frozen=True)
class Sha(Kind):
    expected: str = "a sha256"

    def convert(self, text: str, node: yaml.Node, name: str, ctx: Walk) -> str | None:
        if not _SHA.fullmatch(text):
            ctx.add(node, "bad-sha256", value=text)
            return None
        return text


@dataclass(frozen=True)
class Date(Kind):
    expected: str = "a date"
    precise: bool = True

    def convert(self, text: str, node: yaml.Node, name: str, ctx: Walk) -> PartialDate | None:
        form = "YYYY-MM-DD" if self.precise else "YYYY-MM-DD, YYYY-MM or YYYY"
        try:
            if not text.isascii():  # `\d` would take full-width and other scripts' digits
                raise DateFormError(text)
            date = parse_date(text, precise=self.precise)
            if date.year < 1:
                raise ImpossibleDateError("there is no year 0")
            return date
        except DateFormError:
            ctx.add(node, "bad-date", field=name, value=text, form=form, example=_date_guess(text, self.precise))
        except ImpossibleDateError as exc:
            ctx.add(node, "impossible-date", field=name, value=text, reason=str(exc))
        return None


def _date_guess(text: str, precise: bool) -> str:
    """The date written in the expected form, when the editor used other separators (2025/02/10, 2025.2.10)."""
    parts = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", text)
    if parts:
        year, month, day = parts.groups()
        try:
            return parse_date(f"{year}-{int(month):02d}-{int(day):02d}", precise=precise).iso
        except ValueError:
            pass
    return "2025-01-31"


@dataclass(frozen=True)
class Choice(Kind):
    """One word from a fixed list."""

    choices: tuple[str, ...] = ()

    def convert(self, text: str, node: yaml.Node, name: str, ctx: Walk) -> str | None:
        if text in self.choices:
            return text
        ctx.add(node, "unknown-ref", kind=name, value=text, suggestion=did_you_mean(text, self.choices, name))
        return None


@dataclass(frozen=True)
class Bool(Kind):
    expected: str = "true or false"

    def convert(self, text: str, node: yaml.Node, name: str, ctx: Walk) -> bool | None:
        if text in ("true", "false"):
            return text == "true"
        ctx.add(node, "bad-bool", field=name, value=text)
        return None


@dataclass(frozen=True)
class Int(Kind):
    expected: str = "a number"

    def convert(self, text: str, node: yaml.Node, name: str, ctx: Walk) -> int | None:
        digits = text.lstrip("0")
        # int() refuses more than 4300 digits; no count in claims.yaml needs more than a few
        if text.isascii() and text.isdigit() and 0 < len(digits) <= 18:
            return int(digits)
        ctx.add(node, "bad-int", field=name, value=text)
        return None


@dataclass(frozen=True)
class Anything(Kind):
    """A value checked elsewhere before the walk (site.languages); the walk only accepts it."""

    def check(self, node: yaml.Node, name: str, ctx: Walk) -> Any:
        return True


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind = Plain()

    def check(self, node: yaml.Node, name: str, ctx: Walk) -> Seq | None:
        if not isinstance(node, yaml.SequenceNode):
            ctx.wrong_type(node, name, "a list", "write the items as `- item` lines, or [a, b]")
            return None
        if not ctx.visit(node):
            return None
        out = Seq(mark_of(ctx.path, node), (node.start_mark.index, node.end_mark.index))
        for i, child in enumerate(node.value):
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
    fields: dict[str, Field] = field(default_factory=dict)

    def check(self, node: yaml.Node, name: str, ctx: Walk) -> Rec | None:
        if not isinstance(node, yaml.MappingNode):
            ctx.wrong_type(node, name or self.name, f"a {self.name} (a mapping of keys)", "indent its fields under it")
            return None
        if not ctx.visit(node):
            return None
        out = Rec(mark_of(ctx.path, node), (node.start_mark.index, node.end_mark.index))
        for key, value in ctx.pairs(node):
            spec = self.fields.get(key.value)
            if spec is None:
                ctx.add(key, "unknown-key", key=key.value, kind=self.name,
                        suggestion=did_you_mean(key.value, self.fields))
                continue
            checked = spec.kind.check(value, key.value, ctx)
            if checked is not None:
                out[key.value] = checked
                out.marks[key.value] = mark_of(ctx.path, value)
        present = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        for wanted, spec in self.fields.items():
            if spec.required and wanted not in present:
                ctx.add(node, "missing-key", kind=self.name, key=wanted)
        return out
