"""The matcher finds any span of a source despite layout changes, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factsite.quotes.matcher import SourceIndex, display, normalize
from factsite.text.chinese import Converter as Scripts

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
INDEXES = [SourceIndex(t) for t in TEXTS]
WIDTH = {",": "，", "，": ",", "(": "（", "（": "(", ")": "）", "）": ")", ":": "：", "：": ":"}


def content_span(text: str, start: int, length: int) -> tuple[int, int]:
    """A span that starts and ends on visible characters, as an editor's selection does."""
    while start < len(text) and text[start].isspace():
        start += 1
    end = min(len(text), start + length)
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@st.composite
def spans(draw):
    i = draw(st.integers(0, len(TEXTS) - 1))
    text = TEXTS[i]
    start = draw(st.integers(0, len(text) - 12))
    a, b = content_span(text, start, draw(st.integers(8, 80)))
    span = text[a:b]
    assume(len(normalize(span)) >= 8 and "-" not in span)
    return i, a, b, span


def relayout(span: str, draw) -> str:
    """Re-wrap, re-space and swap punctuation width, as a copy from another layout would."""
    out = []
    for ch in span:
        if ch.isspace():
            out.append(draw(st.sampled_from(["", " ", "\n", "  \n"])))
            continue
        out.append(WIDTH.get(ch, ch) if draw(st.booleans()) else ch)
        if draw(st.integers(0, 9)) == 0:
            out.append(draw(st.sampled_from([" ", "\n", "-\n"])))
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(spans(), st.data())
def test_any_span_relaid_out_is_found_at_its_true_offsets(case, data):
    i, a, b, span = case
    quote = relayout(span, data.draw)
    found = INDEXES[i].find_all(quote)
    assert any((s.start, s.end) == (a, b) for s in found), (quote, found)


@settings(max_examples=300, deadline=None)
@given(spans(), st.data())
def test_a_span_with_one_character_changed_is_not_found(case, data):
    i, a, b, span = case
    visible = [k for k, ch in enumerate(span) if normalize(ch)]
    k = data.draw(st.sampled_from(visible))
    replacement = data.draw(st.sampled_from("的了是在和有我不人這中大為上個國"))
    assume(normalize(replacement) != normalize(span[k]))
    changed = span[:k] + replacement + span[k + 1:]
    assume(normalize(changed) not in INDEXES[i].norm)  # the edit must not recreate other source text
    assert INDEXES[i].find_all(changed) == []


def test_hyphen_split_across_lines_matches_the_joined_word():
    index = SourceIndex("避免使用 Deep-\n\nSeek 的 AI 技術")
    [span] = index.find_all("避免使用 DeepSeek 的 AI 技術")
    assert (span.start, span.end) == (0, len(index.text))


def test_full_and_half_width_commas_match_each_other():
    index = SourceIndex("據報道,美國喬治敦大學")
    assert index.find_all("據報道，美國喬治敦大學")


def test_closest_passage_points_at_the_typo():
    index = INDEXES[0]
    best = index.closest("美國海軍在一封電郵中，已指示海軍所有人員避免使用")
    assert best.text.startswith("美國海軍在一封電郵中，已指示海軍全體人員避免使用")
    assert 80 <= best.similarity < 100


def test_simplified_quote_is_found_only_after_conversion():
    index = INDEXES[0]
    quote = "美国海军在一封电邮中"
    assert index.find_all(quote) == []
    [span] = index.find_converted(quote, Scripts().script)
    assert index.text[span.start:span.end] == "美國海軍在一封電郵中"


def test_display_joins_lines_and_split_words():
    assert display("使用 Deep-\n\nSeek 的") == "使用 DeepSeek 的"
    assert display("一系列\n\nNvidia 芯片") == "一系列Nvidia 芯片"


def test_context_gives_prefix_and_suffix_around_the_span():
    index = SourceIndex("甲乙丙丁戊")
    [span] = index.find_all("丙")
    assert index.context(span) == ("甲乙", "丁戊")


def test_normalize_drops_only_layout():
    assert normalize(" A，B\n-C\u3000") == "A,BC"
    assert re.fullmatch(r"[^\s]*", normalize(TEXTS[1]))
