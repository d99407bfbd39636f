"""What a synthetic corpus is made of: the site settings every corpus shares, and its claims, sources, events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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
