"""The same corpus as a Hugo project: content files (front matter + Markdown) in three languages.

Hugo gets Simplified Chinese already converted (OpenCC t2s plus the glossary, as factsite derives it),
so the comparison times rendering, not script conversion.
"""

from __future__ import annotations

import hashlib
import html
import json
import shutil
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import opencc

import corpus
from corpus import (
    GLOSSARY,
    ORGANIZATION,
    PAGES,
    SITE_DESCRIPTION,
    SITE_PUBLISHED,
    SITE_TITLE,
    TOPICS,
    VERDICTS,
    Claim,
    Corpus,
    Event,
    Link,
    Source,
    Text,
    topic_description,
)

THEME = Path(__file__).resolve().parent / "hugo"
FACTSITE = Path(__file__).resolve().parent.parent
LANGS = ("zh-hant", "zh-hans", "en")
CODES = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans", "en": "en"}
NATIVE = {"zh-hant": "繁體中文", "zh-hans": "简体中文", "en": "English"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s.json")


@cache
def _fixes() -> tuple[tuple[str, str], ...]:
    # The glossary is matched on converted text, longest first, as factsite does.
    convert = _converter().convert
    return tuple(sorted(((convert(hant), hans) for hant, hans in GLOSSARY), key=lambda pair: -len(pair[0])))


def script(text: str) -> str:
    """Script conversion only, for quoted words."""
    return _converter().convert(text)


def editorial(text: str) -> str:
    """Script conversion plus the glossary, for the editors' text."""
    done = script(text)
    for converted, preferred in _fixes():
        done = done.replace(converted, preferred)
    return done


def tr(text: Text, lang: str) -> str:
    return {"zh-hant": text.hant, "en": text.en}.get(lang) or editorial(text.hant)


def format_date(iso: str, lang: str) -> str:
    """A possibly partial date as factsite prints it."""
    parts = [int(p) for p in iso.split("-")]
    if lang != "en":
        return "".join(f"{n}{unit}" for n, unit in zip(parts, "年月日", strict=False))
    words = [str(parts[0])]
    if len(parts) > 1:
        words.insert(0, MONTHS[parts[1] - 1])
    if len(parts) > 2:
        words.insert(0, str(parts[2]))
    return " ".join(words)


def front_matter(fields: dict, body: str = "") -> str:
    """YAML front matter with every value JSON-encoded (JSON is valid YAML) and a Markdown body."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def link_fields(link: Link, lang: str) -> dict:
    fields = {"title": tr(link.title, lang), "publisher": tr(corpus.publisher_name(link.publisher), lang),
              "date": link.date, "url": link.url}
    return fields | ({"archive_url": link.archive_url} if link.archive_url else {})


def passage(source: Source, span: tuple[int, int, int]) -> str:
    k, a, b = span
    return source.paragraphs[k][a:b]


def claim_file(claim: Claim, sources: dict[str, Source], lang: str) -> str:
    """One claim page: everything the factsite claim page shows, in front matter and body."""
    quotes = []
    for i, q in enumerate(claim.quotes, 1):
        words = passage(sources[q.source], q.span)
        quotes.append({"anchor": f"q-{claim.id}-{i}", "source": q.source, "original": words,
                       "text": script(words) if lang == "zh-hans" else words, "translation": q.translation})
    modified = max([claim.published] + [u.date for u in claim.updates])
    fields = {
        "title": tr(claim.claim, lang), "date": claim.date, "lastmod": modified, "published": claim.published,
        "verdict": claim.verdict, "topics": [claim.topic], "claimant": tr(claim.claimant, lang),
        "featured": claim.featured, "short": tr(claim.summary, lang), "quotes": quotes,
        "evidence": [link_fields(link, lang) for link in claim.evidence], "related": claim.related,
        "updates": [{"date": u.date, "kind": u.kind, "text": tr(u.text, lang)} for u in claim.updates],
    }
    return front_matter(fields, tr(claim.reasoning, lang))


def source_body(source: Source, spans: list[tuple[int, int, int, str, str]], lang: str, titles: dict[str, Text]) -> str:
    """The archived text with each quoted passage marked, anchored and linked back to its claim."""
    by_para: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for k, a, b, anchor, claim_id in spans:
        by_para[k].append((a, b, anchor, claim_id))
    out = []
    for k, para in enumerate(source.paragraphs):
        marks = by_para.get(k, [])
        cuts = sorted({0, len(para)} | {x for a, b, _, _ in marks for x in (a, b)})
        html_parts = []
        for x, y in zip(cuts, cuts[1:], strict=False):
            html_parts += [f'<span id="{anchor}" class="anchor"></span>' for a, _, anchor, _ in marks if a == x]
            text = html.escape(para[x:y], quote=False)
            html_parts.append(f"<mark>{text}</mark>" if any(a < y and b > x for a, b, _, _ in marks) else text)
            html_parts += [f'<a class="backref" href="/{lang}/claims/{cid}/" '
                           f'title="{html.escape(tr(titles[cid], lang))}">'
                           f'[{ui_strings(lang)["see_claim"]}]</a>' for _, b, _, cid in marks if b == y]
        out.append("".join(html_parts))
    return "\n\n".join(out) + "\n"


def source_file(source: Source, spans, lang: str, titles: dict[str, Text]) -> str:
    fields = {"title": tr(source.title, lang), "date": source.date,
              "publisher": tr(corpus.publisher_name(source.publisher), lang), "author": source.author or "",
              "original_url": source.url, "sha256": hashlib.sha256(source.data).hexdigest(),
              "passages": [{"anchor": anchor, "text": source.paragraphs[k][a:b], "claim": cid}
                           for k, a, b, anchor, cid in sorted(spans)]}
    return front_matter(fields, source_body(source, spans, lang, titles))


def event_anchors(events: list[Event]) -> list[str]:
    """Timeline anchors as factsite makes them: e-DATE, numbered when a date repeats."""
    order = sorted(range(len(events)), key=lambda i: (tuple(int(p) for p in events[i].date.split("-")), i))
    seen: Counter[str] = Counter()
    anchors = [""] * len(events)
    for i in order:
        base = f"e-{events[i].date}"
        seen[base] += 1
        anchors[i] = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return anchors


def event_file(event: Event, anchor: str, lang: str) -> str:
    # Hugo needs a full date to sort; the printed date keeps the event's own precision.
    full = (event.date + "-01-01")[:10] if len(event.date) == 4 else (event.date + "-01")[:10]
    fields = {"title": tr(event.title, lang), "date": full, "iso": event.date,
              "date_text": format_date(event.date, lang),
              "anchor": anchor, "topics": [event.topic], "links": [link_fields(link, lang) for link in event.links],
              "claims": event.claims}
    return front_matter(fields, tr(event.text, lang))


@cache
def ui_strings(lang: str) -> dict[str, str]:
    """Interface strings from factsite itself, so both sites print the same words."""
    import yaml

    from factsite.resources import packaged

    catalog = yaml.safe_load(packaged("locales", f"{CODES[lang]}.yaml").read_text(encoding="utf-8"))
    table = {key: value for key, value in catalog.items() if isinstance(value, str)}
    table["date_day"] = "2 January 2006" if lang == "en" else "2006年1月2日"
    return table


def i18n(lang: str) -> str:
    """Hugo's i18n file: factsite's {name} placeholders become template fields."""
    lines = []
    for key, value in ui_strings(lang).items():
        for name in ("n", "total", "best", "year"):
            value = value.replace("{" + name + "}", "{{ ." + name + " }}")
        lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def config() -> str:
    """hugo.toml: three languages in sub-folders, no feeds or sitemaps (factsite's pages only)."""
    langs = []
    for weight, lang in enumerate(LANGS, 1):
        langs.append(f'[languages.{lang}]\nlabel = "{NATIVE[lang]}"\ncontentDir = "content/{lang}"\n'
                     f'weight = {weight}\ntitle = {json.dumps(tr(SITE_TITLE, lang), ensure_ascii=False)}\n'
                     f'[languages.{lang}.params]\ncode = "{CODES[lang]}"\n'
                     f'description = {json.dumps(tr(SITE_DESCRIPTION, lang), ensure_ascii=False)}\n'
                     f'organization = {json.dumps(tr(ORGANIZATION, lang), ensure_ascii=False)}\n')
    return ('baseURL = "https://bench.example.org/"\ndefaultContentLanguage = "zh-hant"\n'
            'defaultContentLanguageInSubdir = true\nbuildFuture = true\n'
            'disableKinds = ["rss", "sitemap", "robotstxt"]\n'
            f'[params]\ncontact = "mailto:desk@bench.example.org"\nedition = "{SITE_PUBLISHED.isoformat()}"\n'
            '[taxonomies]\ntopic = "topics"\n[markup.goldmark.renderer]\nunsafe = true\n' + "\n".join(langs))


def data_files() -> dict[str, str]:
    """Verdicts (labels per language), the scale order and the topic order."""
    scaled = [v for v in VERDICTS if v[5]]
    verdicts = {}
    for rank, (ident, label_zh, label_en, meaning_zh, meaning_en, on_scale) in enumerate(VERDICTS, 1):
        label, meaning = Text(label_zh, label_en), Text(meaning_zh, meaning_en)
        verdicts[ident] = {"rank": rank, "on_scale": on_scale,
                           "rating": len(scaled) - [v[0] for v in scaled].index(ident) if on_scale else 0,
                           "label": {lang: tr(label, lang) for lang in LANGS},
                           "meaning": {lang: tr(meaning, lang) for lang in LANGS}}
    return {"verdicts.json": json.dumps(verdicts, ensure_ascii=False),
            "scale.json": json.dumps({"order": [v[0] for v in VERDICTS], "total": len(scaled)}),
            "topics.json": json.dumps([t[0] for t in TOPICS])}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def write_lang(corpus: Corpus, root: Path, lang: str) -> None:
    """Every content file of one language."""
    content = root / "content" / lang
    strings = ui_strings(lang)
    write(content / "_index.md", front_matter({"title": tr(SITE_TITLE, lang)}))
    sections = (("claims", "all_claims"), ("sources", "sources"), ("timeline", "timeline"), ("topics", "topics"))
    for section, key in sections:
        write(content / section / "_index.md", front_matter({"title": strings[key]}))
    # Events feed the timeline and topic pages but have no page of their own.
    write(content / "events" / "_index.md",
          front_matter({"title": "events", "build": {"render": "never", "list": "never"},
                        "cascade": {"build": {"render": "never", "list": "always"}}}))
    for ident, title, body in PAGES:
        write(content / f"{ident}.md", front_matter({"title": tr(title, lang)}, tr(body, lang)))
    for ident, name_zh, name_en in TOPICS:
        write(content / "topics" / ident / "_index.md",
              front_matter({"title": tr(Text(name_zh, name_en), lang),
                            "description": tr(topic_description(name_zh, name_en), lang)}))
    sources = {s.id: s for s in corpus.sources}
    spans: dict[str, list] = defaultdict(list)
    for claim in corpus.claims:
        write(content / "claims" / f"{claim.id}.md", claim_file(claim, sources, lang))
        for i, q in enumerate(claim.quotes, 1):
            spans[q.source].append((*q.span, f"q-{claim.id}-{i}", claim.id))
    titles = {c.id: c.claim for c in corpus.claims}
    for source in corpus.sources:
        write(content / "sources" / f"{source.id}.md", source_file(source, spans[source.id], lang, titles))
    for event, anchor in zip(corpus.events, event_anchors(corpus.events), strict=True):
        write(content / "events" / f"{anchor}.md", event_file(event, anchor, lang))


def write_site(corpus: Corpus, root: Path) -> None:
    """A complete Hugo project: config, theme layouts, i18n, data, the factsite stylesheet and content."""
    shutil.copytree(THEME / "layouts", root / "layouts", dirs_exist_ok=True)
    write(root / "hugo.toml", config())
    for name, text in data_files().items():
        write(root / "data" / name, text)
    for lang in LANGS:
        write(root / "i18n" / f"{lang}.yaml", i18n(lang))
        write_lang(corpus, root, lang)
    (root / "static" / "assets").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FACTSITE / "factsite" / "theme" / "static" / "style.css", root / "static" / "assets" / "style.css")
