"""Interface catalogues: the words of the pages themselves, one YAML file per language.

A YAML mapping per language rather than gettext: editors already read and write YAML here, the
catalogues are small (about a hundred short strings), need no compile step, and a site adds a
language or rewords a label by dropping `locales/<code>.yaml` beside claims.yaml. Keys are checked:
every catalogue has every key any packaged catalogue has, and uses only the placeholders they use.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from factsite.load import yamlfile
from factsite.load.kinds import Walk
from factsite.model.languages import Languages
from factsite.problems import Mark, Problems
from factsite.resources import packaged

LIST_KEYS = {"months": 12}  # the only values that are lists, with their length
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
Catalog = dict[str, Any]


def packaged_catalogs() -> dict[str, Path]:
    return {p.stem: p for p in sorted(packaged("locales").glob("*.yaml"))}


def read_catalog(path: Path, shown: str, problems: Problems) -> Catalog:
    """One catalogue file as a mapping of key to string (or list), reporting what is malformed."""
    text = yamlfile.read(path, shown, problems)
    node = yamlfile.compose(shown, text, problems) if text is not None else None
    if node is None:
        return {}
    walk = Walk(shown, problems)
    if not isinstance(node, yaml.MappingNode):
        walk.wrong_type(node, shown, "a mapping of keys to text", "write one `key: text` per line")
        return {}
    out: Catalog = {}
    for key, value in walk.pairs(node):
        if key.value in LIST_KEYS:
            items = [walk.scalar(v, f"{key.value}[{i + 1}]", "text") for i, v in enumerate(value.value)] \
                if isinstance(value, yaml.SequenceNode) else []
            if len(items) != LIST_KEYS[key.value] or None in items:
                walk.wrong_type(value, key.value, f"a list of {LIST_KEYS[key.value]} names", "write them as [a, b, …]")
                continue
            out[key.value] = items
        else:
            text = walk.scalar(value, key.value, "text")
            if text is not None:
                out[key.value] = text
    return out


def load_catalogs(root: Path, languages: Languages, mark: Mark, problems: Problems) -> dict[str, Catalog]:
    """The catalogue of every configured language: the packaged one, with the site's own keys on top."""
    shipped = {code: read_catalog(path, f"factsite/locales/{path.name}", problems)
               for code, path in packaged_catalogs().items()}
    keys = {key for catalog in shipped.values() for key in catalog}
    allowed = {key: {name for catalog in shipped.values() for name in _PLACEHOLDER.findall(str(catalog.get(key, "")))}
               for key in keys}
    out: dict[str, Catalog] = {}
    for lang in languages:
        own_path = root / "locales" / f"{lang.code}.yaml"
        own = read_catalog(own_path, f"locales/{lang.code}.yaml", problems) if own_path.is_file() else {}
        if lang.code not in shipped and not own_path.is_file():
            problems.add(mark, "no-catalog", lang=lang.code,
                         path=f"locales/{lang.code}.yaml")
            continue
        catalog = {**shipped.get(lang.code, {}), **own}
        shown = f"locales/{lang.code}.yaml" if own_path.is_file() else f"factsite/locales/{lang.code}.yaml"
        missing = sorted(keys - set(catalog))
        if missing:
            problems.add(Mark(shown, 1, 1), "catalog-missing", path=shown, count=len(missing),
                         keys=", ".join(missing[:8]) + (" …" if len(missing) > 8 else ""))
        for key, value in sorted(catalog.items()):
            unknown = set(_PLACEHOLDER.findall(value if isinstance(value, str) else "")) - allowed.get(key, set())
            if key not in keys:
                problems.add(Mark(shown, 1, 1), "catalog-key", path=shown, key=key)
            elif unknown:
                problems.add(Mark(shown, 1, 1), "catalog-placeholder", path=shown, key=key,
                             names=", ".join("{" + n + "}" for n in sorted(unknown)))
        out[lang.code] = catalog
    return out
