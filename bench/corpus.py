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
from dataclasses import dataclass, field
from pathlib import Path

import words as w

SITE_PUBLISHED = dt.date(2026, 11, 23)
GLOSSARY = (("晶片", "芯片"), ("軟體", "软件"), ("網路", "网络"), ("資料", "数据"), ("程式", "程序"),
            ("演算法", "算法"), ("川普", "特朗普"), ("輝達", "英伟达"), ("許可證", "许可证"))

# id, zh-Hant label, en label, zh-Hant meaning, en meaning, on the scale; best first.
VERDICTS = (
    ("accurate", "正確", "Accurate", "說法與可查核的紀錄相符。", "The statement matches the record.", True),
    ("mostly-accurate", "大致正確", "Mostly accurate", "主要內容正確，但有細節錯誤。",
     "The substance is right, but a detail is wrong.", True),
    ("misleading", "誤導", "Misleading", "部分內容屬實，但整體予人錯誤印象。",
     "Parts are true, but the whole gives a false impression.", True),
    ("disputed", "有爭議", "Disputed", "各方仍在爭論，公開紀錄未能定論。",
     "The matter is contested and the record does not settle it.", True),
    ("unsupported", "缺乏證據", "Unsupported", "說法提出時沒有公開證據支持。",
     "No public evidence supported the statement when it was made.", True),
    ("inaccurate", "錯誤", "Inaccurate", "說法與紀錄不符。", "The statement contradicts the record.", True),
    ("unverifiable", "無法查證", "Unverifiable", "找不到可以核實的公開紀錄，因此不作評級。",
     "No public record could be found, so it is not rated.", False),
)
VERDICT_WEIGHTS = (22, 18, 20, 10, 12, 12, 6)

# id, zh-Hant name, en name.
TOPICS = (
    ("export-controls", "晶片出口管制", "Chip export controls"),
    ("distillation", "「蒸餾」指控", "The distillation accusations"),
    ("training-cost", "訓練成本說法", "Training-cost claims"),
    ("deepseek-models", "DeepSeek 模型與技術", "DeepSeek's models"),
    ("industry", "業界反應", "Industry reaction"),
    ("us-government", "美國政府回應", "The US government's response"),
    ("china-policy", "中國產業政策", "China's industrial policy"),
    ("data-centres", "資料中心與電力", "Data centres and power"),
    ("smuggling", "走私與轉運", "Smuggling and trans-shipment"),
    ("markets", "市場與股價", "Markets and share prices"),
    ("open-weights", "開源模型", "Open-weight models"),
    ("privacy", "資料與私隱", "Data and privacy"),
)

# The matcher ignores white space, hyphens and full-width/half-width punctuation (docs/editing.md).
_DROPPED = frozenset("-\u00ad\u2010\u2011\u200b\u200c\u200d\ufeff")


@dataclass(frozen=True)
class Text:
    """Editorial text: canonical Traditional Chinese and the editors' English."""

    hant: str
    en: str


SITE_TITLE = Text("AI 晶片報道查核（基準測試）", "AI Chip Reporting Fact-Check (benchmark)")
SITE_DESCRIPTION = Text("以合成語料測試建站速度的查核網站。", "A fact-check site built from a synthetic corpus.")
ORGANIZATION = Text("基準測試查核組", "the benchmark desk")
PAGES = (("about", Text("關於本站", "About"),
          Text("本站以合成語料測試建站速度。\n", "This site measures build speed on a synthetic corpus.\n")),
         ("methodology", Text("查核方法", "Methodology"),
          Text("## 我們如何查核\n\n每句引述都對照存檔原文。\n",
               "## How we check\n\nEvery quote is compared with the archive.\n")),
         ("corrections", Text("更正政策", "Corrections"), Text("我們會公開更正。\n", "We correct in the open.\n")))


def topic_description(name_zh: str, name_en: str) -> Text:
    return Text(f"有關{name_zh}的查核與事件。", f"Fact-checks and events on {name_en.lower()}.")


@dataclass(frozen=True)
class Quote:
    """A verbatim passage: `text` as the editor wrote it, `span` in the source's paragraph list."""

    source: str
    text: str
    translation: str
    span: tuple[int, int, int]  # paragraph index, start, end (exclusive) in that unwrapped paragraph


def publisher_id(domain: str) -> str:
    """The publisher registry's id for an outlet of the vocabulary: its domain as a slug."""
    return domain.replace(".", "-")


def publisher_name(pid: str) -> Text:
    """The outlet's name, in both languages, from its registry id."""
    return next(Text(zh, en) for zh, en, domain in w.PUBLISHERS if publisher_id(domain) == pid)


@dataclass(frozen=True)
class Link:
    title: Text
    publisher: str  # an id of the publisher registry
    date: str
    url: str
    archive_url: str | None = None


@dataclass(frozen=True)
class Update:
    date: str
    kind: str
    text: Text


@dataclass
class Source:
    """A synthetic archived article: paragraphs ('## ' marks a subheading) and its file."""

    id: str
    file: str
    title: Text
    publisher: str  # an id of the publisher registry
    author: str | None
    date: str
    url: str
    paragraphs: list[str]
    folded: str = ""  # the whole text as the matcher compares it
    data: bytes = b""  # the file's bytes, with print-style line wrapping


@dataclass
class Claim:
    id: str
    topic: str
    verdict: str
    claimant: Text
    date: str
    published: str
    featured: bool
    claim: Text
    quotes: list[Quote]
    summary: Text
    reasoning: Text
    evidence: list[Link]
    related: list[str] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)


@dataclass
class Event:
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY
    topic: str
    title: Text
    text: Text
    links: list[Link]
    claims: list[str]
    sources: list[str]


@dataclass
class Corpus:
    claims: list[Claim]
    sources: list[Source]
    events: list[Event]


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


# ---- sentences -------------------------------------------------------------------------------

def cap(text: str) -> str:
    """Capitalize the first letter only (str.capitalize would lower-case 'H20' and 'GPU')."""
    return text[:1].upper() + text[1:]


def _amount(rng: random.Random) -> str:
    whole = rng.randint(2, 9999)
    return f"{whole}.{rng.randint(1, 9)}" if rng.random() < 0.3 else str(whole)


def zh_sentence(rng: random.Random) -> str:
    """One Traditional Chinese sentence of 20-50 characters, ending in 。"""
    c = rng.choice
    form = rng.randrange(6)
    if form == 0:
        return f"{c(w.SETTINGS)}，{c(w.ACTORS)}{c(w.ADVERBS)}{c(w.ACTIONS)}{c(w.TOPICS)}。"
    if form == 1:
        return (f"{c(w.ACTORS)}{c(w.ACTIONS)}{c(w.TOPICS)}，"
                f"{c(w.CONNECTIVES)}{c(w.ACTORS)}{c(w.ADVERBS)}{c(w.ACTIONS)}{c(w.TOPICS)}。")
    if form == 2:
        return f"{c(w.SETTINGS)}，{c(w.ACTORS)}{c(w.SAYING)}，{c(w.TOPICS)}{c(w.OUTCOMES)}。"
    if form == 3:
        return (f"{c(w.ACTORS)}{c(w.SAYING)}，{c(w.TOPICS)}涉及約 {_amount(rng)} {c(w.UNITS)}，"
                f"{c(w.TOPICS)}{c(w.OUTCOMES)}。")
    if form == 4:
        return (f"{c(w.ACTORS)}{c(w.SAYING)}：「{c(w.TOPICS)}{c(w.OUTCOMES)}，"
                f"{c(w.ACTORS)}{c(w.ADVERBS)}{c(w.ACTIONS)}{c(w.TOPICS)}。」")
    return f"{c(w.CONNECTIVES)}{c(w.TOPICS)}{c(w.OUTCOMES)}，{c(w.ACTORS)}{c(w.ADVERBS)}{c(w.ACTIONS)}{c(w.TOPICS)}。"


def en_sentence(rng: random.Random) -> str:
    """One English sentence of 50-150 characters."""
    c = rng.choice
    form = rng.randrange(4)
    if form == 0:
        return f"{c(w.EN_SETTINGS)}, {c(w.EN_ACTORS)} {c(w.EN_ACTIONS)} {c(w.EN_TOPICS)}."
    if form == 1:
        return f"{c(w.EN_CONNECTIVES)} {c(w.EN_ACTORS)} {c(w.EN_ACTIONS)} {c(w.EN_TOPICS)}."
    if form == 2:
        return f"{cap(c(w.EN_TOPICS))} {c(w.EN_OUTCOMES)}, and {c(w.EN_ACTORS)} {c(w.EN_ACTIONS)} {c(w.EN_TOPICS)}."
    return f"{c(w.EN_SETTINGS)}, {c(w.EN_TOPICS)} involved about ${_amount(rng)} million and {c(w.EN_OUTCOMES)}."


def paragraph(rng: random.Random, sentence, chars: int, sep: str = "") -> str:
    """Sentences until the paragraph has at least `chars` characters."""
    parts: list[str] = []
    while sum(map(len, parts)) < chars:
        parts.append(sentence(rng))
    return sep.join(parts)


# ---- dates, ids, links -----------------------------------------------------------------------

def day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def slug(rng: random.Random, n: int) -> str:
    return "-".join(rng.sample(w.SLUG_WORDS, n))


def url_on(domain: str, date: dt.date, rng: random.Random) -> str:
    return f"https://www.{domain}/{date:%Y/%m/%d}/{slug(rng, 4)}"


def make_link(rng: random.Random) -> Link:
    """An evidence link: publisher, dated URL, sometimes an archived copy."""
    zh, en, domain = rng.choice(w.PUBLISHERS)
    date = day(rng, dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    url = url_on(domain, date, rng)
    archive = f"https://web.archive.org/web/{date:%Y%m%d}000000/{url}" if rng.random() < 0.4 else None
    title = Text(f"{zh}：{rng.choice(w.ACTORS)}{rng.choice(w.ACTIONS)}{rng.choice(w.TOPICS)}",
                 f"{cap(rng.choice(w.EN_ACTORS))} {rng.choice(w.EN_ACTIONS)} {rng.choice(w.EN_TOPICS)}")
    return Link(title, publisher_id(domain), date.isoformat(), url, archive)


def md_link_zh(rng: random.Random) -> str:
    """A sentence citing a report, with a Markdown link."""
    zh, _, domain = rng.choice(w.PUBLISHERS)
    date = day(rng, dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    return f"{zh}在 {date.year} 年 {date.month} 月的[報道]({url_on(domain, date, rng)})提到{rng.choice(w.TOPICS)}。"


def md_link_en(rng: random.Random) -> str:
    _, en, domain = rng.choice(w.PUBLISHERS)
    date = day(rng, dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    return (f"[{en}'s {rng.choice(w.EN_LINK_WORDS)}]({url_on(domain, date, rng)}) of {date:%B %Y} "
            f"covers {rng.choice(w.EN_TOPICS)}.")


# ---- editorial text --------------------------------------------------------------------------

def zh_clause(rng: random.Random) -> str:
    """A sentence without its full stop, to be joined to the next with a comma."""
    sentence = zh_sentence(rng)
    return sentence[:-2] + "」" if sentence.endswith("。」") else sentence[:-1]


def zh_long_sentence(rng: random.Random, chars: int) -> str:
    """Clauses joined by commas until the sentence has at least `chars` characters."""
    clauses = [zh_clause(rng)]
    while sum(map(len, clauses)) < chars:
        clauses.append(zh_clause(rng))
    return "，".join(clauses) + "。"


def zh_summary(rng: random.Random) -> str:
    """About 200 characters in three sentences (the schema allows at most three)."""
    return "".join(zh_long_sentence(rng, 50) for _ in range(3))


def en_summary(rng: random.Random) -> str:
    return " ".join(en_sentence(rng) for _ in range(3))


def zh_reasoning(rng: random.Random) -> str:
    """About 1,500 characters of Markdown: paragraphs with links and a bulleted list."""
    items = [f"- {zh_sentence(rng)}" for _ in range(rng.randint(3, 5))]
    return "\n\n".join([
        paragraph(rng, zh_sentence, 300) + md_link_zh(rng),
        paragraph(rng, zh_sentence, 300),
        "我們核對了以下紀錄：\n\n" + "\n".join(items),
        paragraph(rng, zh_sentence, 300) + md_link_zh(rng),
        paragraph(rng, zh_sentence, 220),
    ]) + "\n"


def en_reasoning(rng: random.Random) -> str:
    items = [f"- {en_sentence(rng)}" for _ in range(rng.randint(3, 5))]
    return "\n\n".join([
        paragraph(rng, en_sentence, 300, " ") + " " + md_link_en(rng),
        paragraph(rng, en_sentence, 300, " "),
        "We checked these records:\n\n" + "\n".join(items),
        paragraph(rng, en_sentence, 250, " ") + " " + md_link_en(rng),
    ]) + "\n"


def zh_claim(rng: random.Random) -> str:
    """The rated statement: short, one sentence."""
    return f"{rng.choice(w.ACTORS)}{rng.choice(w.ADVERBS)}{rng.choice(w.ACTIONS)}{rng.choice(w.TOPICS)}。"


def en_claim(rng: random.Random) -> str:
    return f"{cap(rng.choice(w.EN_ACTORS))} {rng.choice(w.EN_ACTIONS)} {rng.choice(w.EN_TOPICS)}."


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
