"""The preview's quick rebuilds make exactly the files a clean build makes, edit after edit."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from factsite.pipeline import Options, build
from factsite.problems import BuildError
from factsite.serve import live
from factsite.serve.preview import STATUS, ChangeKind, Preview
from helpers import ROOT

QUICK = "claim(s) changed"  # the terminal line of a rebuild that redid only the edited claims


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def clean_build(preview: Preview, out: Path) -> dict[str, bytes]:
    """What `serve` would show after a fresh start on the same input."""
    opts = preview.opts
    build(Options(root=opts.root, out=out, dev=True, search=False, extra_files=opts.extra_files))
    return files(out)


def assert_same_as_clean(preview: Preview, tmp_path: Path) -> None:
    preview.search.catch_up(search=False)
    shown = files(preview.out)
    shown.pop(STATUS)
    reference = clean_build(preview, tmp_path / f"clean-{len(list(tmp_path.iterdir()))}")
    assert sorted(shown) == sorted(reference)
    differing = [rel for rel in reference if shown[rel] != reference[rel]]
    assert differing == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def preview(mini: Path, monkeypatch) -> Preview:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the edition date then follows the claims
    monkeypatch.chdir(mini)  # where an editor runs `serve`: messages name claims.yaml
    preview = Preview(mini, None)
    assert "error" not in preview.rebuild(ChangeKind.CONTENT)
    return preview


def replace(old: str, new: str):
    def step(text: str) -> str:
        assert text.count(old) == 1, old
        return text.replace(old, new)
    return step


NEW_CLAIM = """  - id: navy-again
    topic: us-government
    verdict: accurate
    claimant: {zh-Hant: 文匯報, en: Wen Wei Po}
    claimant_type: organization
    date: 2025-02-01
    checked: 2026-11-20
    published: 2026-11-23
    claim: {zh-Hant: 海軍再發電郵。, en: The Navy wrote again.}
    rated: {zh-Hant: 文匯報的說法。, en: Wen Wei Po's account.}
    quotes:
      - source: wwp
        text: 美國海軍在一封電郵中
    summary: {zh-Hant: 屬實。, en: True.}
    reasoning: {zh-Hant: 確有電郵。, en: There was an email.}
    evidence:
      - title: {en: "US Navy bans use of DeepSeek"}
        publisher: cnbc
        date: 2025-01-28
        url: https://www.cnbc.com/2025/01/28/us-navy-restricts-use-of-deepseek-ai-imperative-to-avoid-using.html
"""

# Each step edits claims.yaml, and says whether the preview may redo only the edited claims.
STEPS = [
    ("a summary", replace("en: Bloomberg did report this.", "en: Bloomberg really did report this."), True),
    ("a verdict", replace("verdict: accurate\n    claimant: {zh-Hant: 香港《文匯報》轉述 CNBC",
                          "verdict: misleading\n    claimant: {zh-Hant: 香港《文匯報》轉述 CNBC"), True),
    ("a claim moved to another year, and the event beside it on the timeline",
     replace("date: 2025-01-31\n    checked: 2026-11-20\n    published: 2026-11-23\n    claim:\n      zh-Hant: 美國",
             "date: 2024-12-30\n    checked: 2026-11-20\n    published: 2026-11-23\n    claim:\n      zh-Hant: 美國"),
     True),
    ("a related claim dropped", replace("    related: [navy-email]\n", ""), True),
    ("an update, which enters the corrections log",
     replace("        text: {zh-Hant: 補充路透社報道。, en: Added the Reuters report.}\n",
             "        text: {zh-Hant: 補充路透社報道。, en: Added the Reuters report.}\n      - date: 2026-11-24\n"
             "        kind: correction\n        text: {zh-Hant: 更正日期。, en: Corrected a date.}\n"), True),
    ("a claim renamed", lambda text: text.replace("navy-email", "navy-memo"), False),
    ("a claim added", replace("\nevents:\n", NEW_CLAIM + "\nevents:\n"), False),
    ("an event edited", replace("en: US Navy bans DeepSeek}", "en: The US Navy bans DeepSeek}"), False),
    ("a claim deleted", replace(NEW_CLAIM, ""), False),
    ("a summary again, after all that",
     replace("en: Bloomberg really did report this.", "en: Bloomberg did report it."), True),
]


def test_every_edit_gives_what_a_clean_build_gives(preview: Preview, tmp_path: Path):
    claims = preview.root / "claims.yaml"
    for name, step, quick in STEPS:
        claims.write_text(step(claims.read_text(encoding="utf-8")), encoding="utf-8")
        line = preview.rebuild(ChangeKind.CONTENT)
        assert "error" not in line, (name, line)
        assert (QUICK in line) is quick, (name, line)
        if name == "a summary":  # shown on the claim's own page only: its three languages, nothing else
            assert "3 page(s) rendered" in line, line
        assert_same_as_clean(preview, tmp_path)


def test_a_mistake_in_a_quick_rebuild_keeps_the_last_good_pages(preview: Preview, tmp_path: Path):
    claims = preview.root / "claims.yaml"
    page = preview.out / "en" / "claims" / "navy-email" / "index.html"
    before = page.read_bytes()
    edit(claims, "verdict: accurate\n    claimant: {zh-Hant: 香港《文匯報》轉述 CNBC",
         "verdict: acurate\n    claimant: {zh-Hant: 香港《文匯報》轉述 CNBC")
    line = preview.rebuild(ChangeKind.CONTENT)
    assert "unknown verdict 'acurate'" in line and "did you mean 'accurate'" in line
    assert page.read_bytes() == before
    assert '"errors": ["claims.yaml:' in (preview.out / STATUS).read_text(encoding="utf-8")

    edit(claims, "verdict: acurate\n", "verdict: misleading\n")
    line = preview.rebuild(ChangeKind.CONTENT)
    assert line.startswith("fixed: ") and QUICK in line
    assert '"errors": []' in (preview.out / STATUS).read_text(encoding="utf-8")
    assert_same_as_clean(preview, tmp_path)


def test_the_status_file_is_there_from_the_first_build(preview: Preview):
    assert (preview.out / STATUS).read_text(encoding="utf-8") == '{"errors": [], "search": "behind"}'


def test_the_real_edition_edited_quickly_equals_a_clean_build(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795392000")
    root = tmp_path / "edition"
    root.mkdir()
    shutil.copy(ROOT / "claims.yaml", root)
    shutil.copytree(ROOT / "seeds", root / "seeds")
    preview = Preview(root, None)
    assert "error" not in preview.rebuild(ChangeKind.CONTENT)
    claims = root / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    start = text.index("\nclaims:\n")
    cut = text.index("    verdict: ", start) + len("    verdict: ")
    end = text.index("\n", cut)
    verdict = "misleading" if text[cut:end] != "misleading" else "accurate"
    claims.write_text(text[:cut] + verdict + text[end:], encoding="utf-8")
    line = preview.rebuild(ChangeKind.CONTENT)
    assert QUICK in line, line
    assert_same_as_clean(preview, tmp_path)


def test_a_quick_rebuild_refuses_what_it_cannot_redo_alone(preview: Preview):
    assert preview.state is not None
    text = (preview.root / "claims.yaml").read_text(encoding="utf-8")
    head_edit = text.replace("title: {zh-Hant: 迷你查核, en: Mini Fact-Check}", "title: {zh-Hant: 迷你, en: Mini}")
    assert live.quick(preview.state, preview.opts, head_edit.encode()) is None
    bad = text.replace("topic: us-government\n    verdict: accurate", "topic: us-govt\n    verdict: accurate", 1)
    with pytest.raises(BuildError):
        live.quick(preview.state, preview.opts, bad.encode())


def cli_build(root: Path, out: Path, persist: bool = True):
    """`factsite build` as the command runs it: starting from the last run's model when it can."""
    return build(Options(root=root, out=out, search=False, persist=persist))


def first_build(root: Path) -> None:
    cli_build(root, root / "site")
    for _ in range(100):  # a grandchild process writes the snapshot
        if (root / ".factsite-cache" / "model.pickle").exists():
            return
        time.sleep(0.05)
    raise AssertionError("no snapshot")


def test_the_next_build_redoes_only_the_edited_claims(mini: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(mini)
    first_build(mini)
    edit(mini / "claims.yaml", "en: Bloomberg did report this.", "en: Bloomberg really did report this.")
    again = cli_build(mini, mini / "site")
    assert "refresh" in again.timings and "validate" not in again.timings
    assert (again.claims, again.quotes) == (2, 3)
    cli_build(mini, tmp_path / "clean", persist=False)
    assert files(mini / "site") == files(tmp_path / "clean")


def test_a_mistake_found_by_the_next_build_reads_as_a_full_build_reports_it(mini: Path, monkeypatch):
    monkeypatch.chdir(mini)
    first_build(mini)
    edit(mini / "claims.yaml", "topic: us-government\n    verdict: accurate", "topic: us-govt\n    verdict: acurate")
    with pytest.raises(BuildError) as quick:
        cli_build(mini, mini / "site")
    with pytest.raises(BuildError) as full:
        cli_build(mini, mini / "site", persist=False)
    assert [p.format() for p in quick.value.problems.sorted()] == [p.format() for p in full.value.problems.sorted()]


def test_the_search_index_catches_up_bundle_by_bundle(preview: Preview):
    assert preview.search.catch_up() is None
    index = preview.search_dir / "pagefind"

    def entries() -> dict[str, int]:
        return {p.parent.relative_to(index).as_posix(): p.stat().st_ino for p in index.glob("*/*/pagefind-entry.json")}

    before = entries()
    assert sorted(before) == [f"{lang}/{n}" for lang in ("en", "zh-hans", "zh-hant") for n in ("00", "01")]
    assert '"search": "current"' in (preview.out / STATUS).read_text(encoding="utf-8")
    edit(preview.root / "claims.yaml", "en: Bloomberg did report this.", "en: Bloomberg really did report this.")
    assert QUICK in preview.rebuild(ChangeKind.CONTENT)
    assert '"search": "behind"' in (preview.out / STATUS).read_text(encoding="utf-8")
    assert preview.search.catch_up() is None
    after = entries()
    assert sorted(name for name in after if after[name] != before[name]) == ["en/01", "zh-hans/01", "zh-hant/01"]
