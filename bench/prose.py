"""Random wording in both languages from words.py: sentences, summaries, Markdown reasoning, claims, dated URLs."""

from __future__ import annotations

import datetime as dt
import random

import words as w

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
