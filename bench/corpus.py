"""Synthetic factsite corpora: N claims quoting synthetic archived sources, deterministic from a seed.

python bench/corpus.py --claims 1000 --seed 1 --out /dev/shm/corpus-1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
from pathlib import Path

import words as w
from prose import (
    cap,
    day,
    en_claim,
    en_reasoning,
    en_sentence,
    en_summary,
    paragraph,
    slug,
    url_on,
    zh_claim,
    zh_reasoning,
    zh_sentence,
    zh_summary,
)
from records import (
    GLOSSARY,
    ORGANIZATION,
    PAGES,
    SITE_DESCRIPTION,
    SITE_PUBLISHED,
    SITE_TITLE,
    TOPICS,
    VERDICT_WEIGHTS,
    VERDICTS,
    Claim,
    Corpus,
    Event,
    Link,
    Quote,
    Source,
    Text,
    Update,
    topic_description,
)

# The matcher ignores white space, hyphens and full-width/half-width punctuation (docs/editing.md).
_DROPPED = frozenset("-\u00ad\u2010\u2011\u200b\u200c\u200d\ufeff")


def publisher_id(domain: str) -> str:
    """The publisher registry's id for an outlet of the vocabulary: its domain as a slug."""
    return domain.replace(".", "-")


def publisher_name(pid: str) -> Text:
    """The outlet's name, in both languages, from its registry id."""
    return next(Text(zh, en) for zh, en, domain in w.PUBLISHERS if publisher_id(domain) == pid)


def fold(text: str) -> str:
    """The text as factsite's quote matcher compares it: layout removed, punctuation half-width."""
    out = []
    for ch in text:
        if ch.isspace() or ch in _DROPPED:
            continue
        code = ord(ch)
        out.append(chr(code - 0xFEE0) if 0xFF01 <= code <= 0xFF5E else ch)
    return "".join(out)


def count(haystack: str, needle: str) -> int:
    """Occurrences of needle, overlapping ones included (as factsite counts them)."""
    n, at = 0, haystack.find(needle)
    while at >= 0:
        n, at = n + 1, haystack.find(needle, at + 1)
    return n


# ---- sources and quotes ----------------------------------------------------------------------

def wrap(text: str, width: int) -> str:
    """Hard-wrap like a print layout, breaking only between two non-ASCII characters."""
    lines, start = [], 0
    for i in range(1, len(text)):
        if i - start >= width and not text[i - 1].isascii() and not text[i].isascii():
            lines.append(text[start:i])
            start = i
    lines.append(text[start:])
    return "\n".join(lines)


def make_source(rng: random.Random, i: int) -> Source:
    """An archived article of about 3,000 characters; every third paragraph is hard-wrapped."""
    zh, en, domain = rng.choice(w.PUBLISHERS)
    date = day(rng, dt.date(2024, 6, 1), dt.date(2025, 6, 30))
    title = f"{rng.choice(w.ACTORS)}{rng.choice(w.ACTIONS)}{rng.choice(w.TOPICS)}"
    paragraphs = []
    for k in range(rng.randint(12, 16)):
        if k and k % 5 == 0:
            paragraphs.append(f"## {rng.choice(w.TOPICS)}{rng.choice(w.OUTCOMES)}")
        paragraphs.append(paragraph(rng, zh_sentence, 180))
    body = "\n\n".join(wrap(p, 36) if k % 3 == 2 and not p.startswith("#") else p
                       for k, p in enumerate(paragraphs))
    text = f"# {title}\n\n{body}\n"
    ident = f"{domain.split('.')[0]}-{date:%Y-%m-%d}-{i + 1}"
    data = text.encode("utf-8")
    return Source(ident, f"{i:04d}_{hashlib.sha256(data).hexdigest()[:16]}.txt",
                  Text(title, f"{cap(rng.choice(w.EN_ACTORS))} {rng.choice(w.EN_ACTIONS)} {rng.choice(w.EN_TOPICS)}"),
                  publisher_id(domain), rng.choice(w.AUTHORS) if rng.random() < 0.6 else None, date.isoformat(),
                  url_on(domain, date, rng), paragraphs, fold(text), data)


def _candidates(para: str) -> list[tuple[int, int]]:
    """Quotable spans of a paragraph: whole sentences, or their first clauses when too long."""
    spans, start = [], 0
    for m in re.finditer("。", para):
        end = m.start()
        while end - start > 60 and "，" in para[start:end]:
            end = para.rindex("，", start, end)
        while start < end and para[start] in "」「":
            start += 1
        if end - start >= 16:
            spans.append((start, end))
        start = m.end()
    return spans


def pick_quote(rng: random.Random, source: Source) -> Quote:
    """A passage that occurs exactly once in the source, as the matcher sees it."""
    while True:
        k = rng.randrange(len(source.paragraphs))
        para = source.paragraphs[k]
        spans = [] if para.startswith("#") else _candidates(para)
        if not spans:
            continue
        a, b = rng.choice(spans)
        text = para[a:b]
        if count(source.folded, fold(text)) != 1:
            continue
        if rng.random() < 0.2:  # editors type half-width commas; the matcher must fold them
            text = text.replace("，", ",", 1)
        translation = en_sentence(rng) if rng.random() < 0.8 else ""
        return Quote(source.id, text, translation, (k, a, b))


# ---- claims and events -----------------------------------------------------------------------

def make_link(rng: random.Random) -> Link:
    """An evidence link: publisher, dated URL, sometimes an archived copy."""
    zh, en, domain = rng.choice(w.PUBLISHERS)
    date = day(rng, dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    url = url_on(domain, date, rng)
    archive = f"https://web.archive.org/web/{date:%Y%m%d}000000/{url}" if rng.random() < 0.4 else None
    title = Text(f"{zh}：{rng.choice(w.ACTORS)}{rng.choice(w.ACTIONS)}{rng.choice(w.TOPICS)}",
                 f"{cap(rng.choice(w.EN_ACTORS))} {rng.choice(w.EN_ACTIONS)} {rng.choice(w.EN_TOPICS)}")
    return Link(title, publisher_id(domain), date.isoformat(), url, archive)


def claim_id(rng: random.Random, i: int) -> str:
    return f"{slug(rng, 2)}-{i + 1:05d}"


def make_claim(rng: random.Random, ident: str, sources: list[Source]) -> Claim:
    """One fact-check: 1-3 quotes, summary, Markdown reasoning, evidence, sometimes updates."""
    home = rng.choice(sources)
    quotes = [pick_quote(rng, home if q == 0 or rng.random() < 0.5 else rng.choice(sources))
              for q in range(rng.choices((1, 2, 3), (50, 35, 15))[0])]
    claimant_zh, claimant_en, _ = rng.choice(w.PUBLISHERS)
    published = day(rng, dt.date(2025, 7, 1), SITE_PUBLISHED)
    updates = [Update(day(rng, published, dt.date(2026, 12, 31)).isoformat(),
                      rng.choice(("correction", "update", "verdict-change")),
                      Text(zh_sentence(rng), en_sentence(rng)))
               for _ in range(rng.choices((0, 1, 2), (70, 22, 8))[0])]
    return Claim(
        ident, rng.choice(TOPICS)[0], rng.choices([v[0] for v in VERDICTS], VERDICT_WEIGHTS)[0],
        Text(claimant_zh, claimant_en), day(rng, dt.date(2024, 1, 1), dt.date(2025, 6, 30)).isoformat(),
        published.isoformat(), False, Text(zh_claim(rng), en_claim(rng)), quotes,
        Text(zh_summary(rng), en_summary(rng)), Text(zh_reasoning(rng), en_reasoning(rng)),
        [make_link(rng) for _ in range(rng.randint(1, 3))], updates=sorted(updates, key=lambda u: u.date))


def event_date(rng: random.Random) -> str:
    """Mostly a day; sometimes only a month or a year, as the timeline allows."""
    date = day(rng, dt.date(2022, 1, 1), dt.date(2025, 12, 31))
    roll = rng.random()
    return f"{date:%Y}" if roll < 0.05 else f"{date:%Y-%m}" if roll < 0.25 else date.isoformat()


def make_event(rng: random.Random, claims: list[Claim], sources: list[Source]) -> Event:
    text = Text(paragraph(rng, zh_sentence, 80), paragraph(rng, en_sentence, 120, " "))
    return Event(event_date(rng), rng.choice(TOPICS)[0], Text(zh_claim(rng)[:-1], en_claim(rng)[:-1]), text,
                 [make_link(rng) for _ in range(rng.randint(1, 2))],
                 sorted({c.id for c in rng.sample(claims, min(len(claims), rng.randint(1, 3)))}),
                 [rng.choice(sources).id] if rng.random() < 0.3 else [])


def generate(n: int, seed: int = 1) -> Corpus:
    """N claims, N/10 sources and N/20 timeline events, the same for the same seed."""
    rng = random.Random(seed)
    sources = [make_source(rng, i) for i in range(max(3, n // 10))]
    ids = [claim_id(rng, i) for i in range(n)]
    claims = [make_claim(rng, ident, sources) for ident in ids]
    for claim in claims:
        claim.related = sorted(set(rng.sample(ids, min(n, rng.randint(0, 3)))) - {claim.id})
    for claim in rng.sample(claims, min(n, 6)):
        claim.featured = True
    events = [make_event(rng, claims, sources) for _ in range(max(2, n // 20))]
    return Corpus(claims, sources, events)


# ---- claims.yaml -----------------------------------------------------------------------------

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*$")


def scalar(text: str) -> str:
    """A YAML scalar: plain when it reads back unchanged, else double-quoted (JSON is valid YAML)."""
    if _PLAIN.match(text) and not text.endswith((" ", ":")) and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def block(text: str, indent: str) -> str:
    """A literal block scalar, for multi-line Markdown."""
    lines = [f"{indent}{line}" if line else "" for line in text.rstrip("\n").split("\n")]
    return "|\n" + "\n".join(lines)


def yaml_text(key: str, text: Text, indent: str) -> str:
    """A text field in both canonical languages, each on its own line (or block)."""
    def one(value: str) -> str:
        return block(value, indent + "    ") if "\n" in value else scalar(value)
    return f"{indent}{key}:\n{indent}  zh-Hant: {one(text.hant)}\n{indent}  en: {one(text.en)}\n"


def yaml_link(link: Link, indent: str) -> str:
    out = yaml_text("title", link.title, indent + "  ").replace(f"{indent}  title", f"{indent}- title", 1)
    out += f"{indent}  publisher: {link.publisher}\n"
    out += f"{indent}  date: {link.date}\n{indent}  url: {link.url}\n"
    return out + (f"{indent}  archive_url: {link.archive_url}\n" if link.archive_url else "")


def yaml_site() -> str:
    """The site block: titles, glossary, verdict scale and topics."""
    out = ["site:\n", yaml_text("title", SITE_TITLE, "  "), yaml_text("description", SITE_DESCRIPTION, "  "),
           f"  base_url: https://bench.example.org/\n  published: {SITE_PUBLISHED.isoformat()}\n  organization:\n",
           yaml_text("name", ORGANIZATION, "    "),
           "    url: https://bench.example.org/\n  contact: mailto:desk@bench.example.org\n  languages:\n",
           "    - {code: zh-Hant, slug: zh-hant, name: 繁體中文, role: source, locale: zh_TW}\n",
           "    - {code: zh-Hans, slug: zh-hans, name: 简体中文, role: derived, locale: zh_CN, from: zh-Hant, "
           "opencc: t2s,\n"
           "       glossary: [\n"]
    out += [f"         {{zh-Hant: {hant}, zh-Hans: {hans}}},\n" for hant, hans in GLOSSARY]
    out.append("       ]}\n    - {code: en, slug: en, name: English, role: written, locale: en_GB}\n")
    out.append("  verdicts:\n")
    for ident, label_zh, label_en, meaning_zh, meaning_en, on_scale in VERDICTS:
        out.append(f"    - id: {ident}\n" + yaml_text("label", Text(label_zh, label_en), "      ")
                   + yaml_text("meaning", Text(meaning_zh, meaning_en), "      ")
                   + ("" if on_scale else "      on_scale: false\n"))
    out.append("  topics:\n")
    for ident, name_zh, name_en in TOPICS:
        out.append(f"    - id: {ident}\n" + yaml_text("name", Text(name_zh, name_en), "      ")
                   + yaml_text("description", topic_description(name_zh, name_en), "      "))
    return "".join(out)


def yaml_publishers() -> str:
    """The publisher registry: every outlet of the vocabulary, on its own domain."""
    out = ["publishers:\n"]
    for zh, en, domain in sorted(w.PUBLISHERS, key=lambda p: p[2]):
        out.append(f"  - id: {publisher_id(domain)}\n" + yaml_text("name", Text(zh, en), "    ")
                   + f"    kind: newspaper\n    domains: [{domain}]\n")
    return "".join(out)


def yaml_pages() -> str:
    return "pages:\n" + "".join(f"  - id: {ident}\n" + yaml_text("title", title, "    ")
                                + yaml_text("body", body, "    ") for ident, title, body in PAGES)


def yaml_source(s: Source) -> str:
    out = f"  - id: {s.id}\n    file: {s.file}\n    sha256: {hashlib.sha256(s.data).hexdigest()}\n"
    out += yaml_text("title", s.title, "    ") + f"    publisher: {s.publisher}\n"
    out += f"    author: {s.author}\n" if s.author else ""
    return out + f"    date: {s.date}\n    url: {s.url}\n"


def yaml_claim(c: Claim) -> str:
    """One claim record, fields in the order docs/editing.md shows them."""
    out = [f"  - id: {c.id}\n    topic: {c.topic}\n    verdict: {c.verdict}\n    published: {c.published}\n"
           f"    checked: {c.published}\n    claimant_type: organization\n"]
    out += ["    featured: true\n"] if c.featured else []
    out += [yaml_text("claimant", c.claimant, "    "), f"    date: {c.date}\n", yaml_text("claim", c.claim, "    "),
            yaml_text("rated", Text(f"{c.claimant.hant}的說法。", f"{c.claimant.en}'s statement."), "    "),
            "    quotes:\n"]
    for q in c.quotes:
        out.append(f"      - source: {q.source}\n        text: {scalar(q.text)}\n")
        if q.translation:
            out.append(f"        translation: {{en: {json.dumps(q.translation, ensure_ascii=False)}}}\n")
    out += [yaml_text("summary", c.summary, "    "), yaml_text("reasoning", c.reasoning, "    "), "    evidence:\n"]
    out += [yaml_link(link, "      ") for link in c.evidence]
    out += [f"    related: [{', '.join(c.related)}]\n"] if c.related else []
    if c.updates:
        out.append("    updates:\n")
        out += [f"      - date: {u.date}\n        kind: {u.kind}\n" + yaml_text("text", u.text, "        ")
                for u in c.updates]
    return "".join(out)


def yaml_event(e: Event) -> str:
    out = (f"  - date: {e.date}\n    topic: {e.topic}\n" + yaml_text("title", e.title, "    ")
           + yaml_text("text", e.text, "    "))
    out += "    links:\n" + "".join(yaml_link(link, "      ") for link in e.links)
    out += f"    claims: [{', '.join(e.claims)}]\n"
    return out + (f"    sources: [{', '.join(e.sources)}]\n" if e.sources else "")


def claims_yaml(corpus: Corpus) -> str:
    """The whole claims.yaml for a corpus."""
    parts = ["# Synthetic benchmark corpus written by bench/corpus.py; do not edit by hand.\n", yaml_site(), "\n",
             yaml_pages(), "\n", yaml_publishers(), "\nsources:\n", *map(yaml_source, corpus.sources),
             "\nclaims:\n", *map(yaml_claim, corpus.claims), "\nevents:\n", *map(yaml_event, corpus.events)]
    return "".join(parts)


def write_project(corpus: Corpus, root: Path) -> None:
    """A complete factsite project folder: claims.yaml and seeds/."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    for s in corpus.sources:
        (root / "seeds" / s.file).write_bytes(s.data)
    (root / "claims.yaml").write_text(claims_yaml(corpus), encoding="utf-8", newline="\n")


def main() -> None:
    p = argparse.ArgumentParser(description="Write a synthetic factsite project folder.")
    p.add_argument("--claims", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args()
    write_project(generate(args.claims, args.seed), args.out)
    print(f"wrote {args.claims} claims to {args.out}")


if __name__ == "__main__":
    main()
