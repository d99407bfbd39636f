"""Language of parts (WCAG 3.1.2): wrap runs of text written in another script than the page's in <span lang>.

Whole fields are marked by the model (it knows which language each text is written in); this catches
the runs inside a field: a Chinese term in English reasoning, an English headline quoted in Chinese.
Proper names and model numbers are short, so only runs of three or more Latin words count in CJK text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape, unescape

_TAG = re.compile(r"(<[^>]*>)")
_IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3040-\u30ff"
_HANGUL = "\uac00-\ud7af"
_CJK_RUN = re.compile(f"[{_IDEOGRAPHS}{_KANA}{_HANGUL}](?:[{_IDEOGRAPHS}{_KANA}{_HANGUL}\u3000-\u303f\uff00-\uffef]*"
                      f"[{_IDEOGRAPHS}{_KANA}{_HANGUL}\u3001\u3002\u300d\u300f\uff09])?")
_WORD = r"[A-Za-z][A-Za-z0-9'’.\-]*"
_LATIN_RUN = re.compile(rf"{_WORD}(?:[ ,:;!?&/\-–—“”\"‘’()]+{_WORD}){{2,}}")
CJK_LANGS = ("zh", "ja", "ko")


def is_cjk(code: str) -> bool:
    return code.split("-")[0].lower() in CJK_LANGS


def _cjk_code(run: str) -> str:
    if re.search(f"[{_KANA}]", run):
        return "ja"
    if re.search(f"[{_HANGUL}]", run):
        return "ko"
    return "zh"


@lru_cache(maxsize=65536)
def mark_runs(html: str, lang: str, latin: str) -> str:
    """HTML whose text runs in another script than `lang` are wrapped in <span lang=…>; tags are untouched.

    Latin runs in CJK text are marked as `latin`, the site's Latin-script language. Text between tags is
    read with its character references decoded, so a run never splits one (&quot; stays whole)."""
    if not lang:
        return html
    pattern = _LATIN_RUN if is_cjk(lang) else _CJK_RUN
    parts = _TAG.split(html)
    for i in range(0, len(parts), 2):  # even parts are text between tags
        if not parts[i]:
            continue
        text = unescape(parts[i])
        out, at = [], 0
        for m in pattern.finditer(text):
            code = latin if pattern is _LATIN_RUN else _cjk_code(m.group())
            out += [escape(text[at:m.start()], quote=False),
                    f'<span lang="{code}">{escape(m.group(), quote=False)}</span>']
            at = m.end()
        if out:
            parts[i] = "".join(out) + escape(text[at:], quote=False)
    return "".join(parts)
