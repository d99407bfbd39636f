"""Loading claims.yaml: scalars are read as written, positions are kept."""

from __future__ import annotations

from pathlib import Path

from factsite.load.kinds import Walk
from factsite.load.texts import Text
from factsite.load.yamlfile import compose
from factsite.model.dates import PartialDate, parse_date
from factsite.problems import Problems
from factsite.text.chinese import Converter
from helpers import run_build

NEUTRAL_TEXT = Text(neutral=True)


def check_text(source: str, kind: Text = NEUTRAL_TEXT):
    problems = Problems()
    node = compose("t.yaml", source, problems)
    value = kind.check(node.value[0][1], "claimant", Walk("t.yaml", problems))
    return value, [p.format() for p in problems.items]


def test_yaml_11_words_stay_words():
    assert check_text("claimant: no\n") == ({"*": "no"}, [])
    assert check_text("claimant: 2025-01-31\n") == ({"*": "2025-01-31"}, [])


def test_editorial_text_is_written_per_language_and_only_names_may_be_plain():
    assert check_text("summary: 美國確實…\n", Text()) == (None, [
        "t.yaml:1:10: error: claimant must be written per language, not as one plain string\n"
        "  hint: write it as {zh-Hant: …, en: …}"])
    assert check_text("summary: {zh-Hant: 是, en: Yes}\n", Text()) == ({"zh-Hant": "是", "en": "Yes"}, [])
    value, problems = check_text("summary: {zh-Hant: 是}\n", Text())
    assert value is None and problems == ["t.yaml:1:10: error: field 'claimant' has no en text\n"
                                          "  hint: add `en: …` (English is written by the editors)"]


def test_plain_null_is_an_empty_value_but_quoted_null_is_text():
    assert check_text("claimant: ~\n")[1] == ["t.yaml:1:11: error: claimant is empty\n"
                                               "  hint: write a value, or remove the field if it is optional"]
    assert check_text('claimant: "null"\n') == ({"*": "null"}, [])


def test_event_dates_keep_their_precision():
    assert parse_date("2025", precise=False) == PartialDate(2025)
    assert parse_date("2025-04", precise=False).precision == "month"
    assert parse_date("2025-04-09", precise=True).iso == "2025-04-09"
    assert PartialDate(2025) < PartialDate(2025, 1) < PartialDate(2025, 1, 1)


def test_glossary_fixes_editorial_text_but_never_quotes():
    scripts = Converter("t2s", (("晶片", "芯片"),))
    assert scripts.editorial("美國晶片出口管制") == "美国芯片出口管制"
    assert scripts.script("美製晶元") == "美制晶元"  # a quote keeps the source's own word


def test_missing_claims_yaml_is_reported_not_raised(tmp_path: Path):
    result = run_build(tmp_path)
    assert result.returncode == 1
    assert result.stderr == ("claims.yaml: error: cannot read claims.yaml: No such file or directory\n"
                             "  hint: check that the file exists and is readable\n"
                             "factsite: 1 error; site/ left as it was\n")


def test_source_that_is_not_utf8_or_is_a_link_out_of_seeds(mini: Path, tmp_path: Path):
    (mini / "seeds" / "wwp-excerpt.txt").write_bytes("報道".encode("big5"))
    outside = tmp_path / "outside.txt"
    outside.write_text("x", encoding="utf-8")
    (mini / "seeds" / "link.txt").symlink_to(outside)
    text = (mini / "claims.yaml").read_text(encoding="utf-8")
    extra = text.replace("  - id: wwp\n    file: wwp-excerpt.txt", "  - id: wwp\n    file: wwp-excerpt.txt", 1)
    extra = extra.replace("\nclaims:\n", "\n  - id: linked\n    file: link.txt\n    sha256: " + "0" * 64 +
                          "\n    title: {en: t}\n    publisher: cnbc\n    date: 2025-01-01\n\nclaims:\n", 1)
    (mini / "claims.yaml").write_text(extra, encoding="utf-8")
    result = run_build(mini)
    assert result.returncode == 1
    assert "claims.yaml:69:11: error: source file 'wwp-excerpt.txt' is not UTF-8 text (invalid byte at offset 0)" \
        in result.stderr
    assert "error: source file 'link.txt' is outside seeds/" in result.stderr


def test_error_docs_are_generated_from_the_message_table():
    from factsite.problems.errordocs import DOC, render
    assert DOC.read_text(encoding="utf-8") == render(), "run: python -m factsite.problems.errordocs"


def test_the_glossary_applies_in_one_pass_longest_first():
    words = Converter("t2s", (("演算法", "算法"), ("引文中「演算法」", "引文中“演算法”"), ("「", "“"), ("」", "”")))
    assert words.editorial("引文中「演算法」") == "引文中“演算法”"  # no shorter entry rewrites a longer one's output
    assert words.editorial("新演算法「好」") == "新算法“好”"
