"""Every error an editor can meet: the one table the code and docs/errors.md share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """An error's wording, its hint and a longer explanation for the docs."""

    text: str
    hint: str
    explain: str
    root: bool = False  # a root cause: reported before the errors it may set off
    warning: bool = False  # reported, but the build goes on


MESSAGES: dict[str, Message] = {
    "file-unreadable": Message(
        "cannot read {what}: {reason}",
        "check that the file exists and is readable",
        "The build could not open one of its inputs."),
    "yaml-syntax": Message(
        "YAML syntax: {problem}",
        "check the indentation and quoting on this line and the one before",
        "The file is not valid YAML, so nothing else could be checked. Fix this first."),
    "yaml-tab": Message(
        "a tab is used for indentation",
        "replace the tab at column {column} with spaces (YAML indents with spaces only)",
        "Tabs look like spaces in most editors but YAML refuses them in indentation."),
    "yaml-colon": Message(
        "a `: ` inside this value starts a new mapping",
        "put this value in quotes, e.g. title: \"Made in China 2025: who is winning?\"",
        "In YAML a colon followed by a space separates a key from its value, so text that contains one must be "
        "quoted."),
    "yaml-too-large": Message(
        "{what} is {size} MB; the limit is {limit} MB",
        "split long source texts into seeds/ files and keep claims.yaml to the claims themselves",
        "A size limit keeps every build quick and its memory bounded, whatever the input. The real edition is "
        "about 0.25 MB."),
    "yaml-too-deep": Message(
        "YAML nesting is deeper than {limit} levels",
        "claims.yaml needs at most 7 levels of lists and mappings; check the brackets and indentation here",
        "Very deep nesting is never needed by the schema and would exhaust the parser, so it is refused early."),
    "yaml-alias": Message(
        "anchors and aliases (&name, *name) are not allowed",
        "this value is anchored here and reused elsewhere: write it out in full each time",
        "Aliases make one edit change several places at once and can make a tiny file huge."),
    "yaml-tag": Message(
        "YAML tags such as {tag!r} are not allowed",
        "remove the tag; write plain values",
        "factsite reads plain YAML: mappings, lists and text."),
    "duplicate-key": Message(
        "duplicate key {key!r} (first written at line {line})",
        "YAML would silently keep only the last one: merge the two or remove one",
        "The same key appears twice in one mapping.", root=True),
    "unknown-key": Message(
        "unknown key {key!r} in {kind}",
        "{suggestion}",
        "A key that the schema does not know, usually a typo. The hint suggests the closest known key."),
    "missing-key": Message(
        "{kind} is missing required field {key!r}",
        "add `{key}:` to this {kind}",
        "A required field is absent. docs/editing.md lists which fields each record needs."),
    "wrong-type": Message(
        "{field} must be {expected}, not {got}",
        "{fix}",
        "A value has the wrong shape: a list where text was expected, for example."),
    "empty-value": Message(
        "{field} is empty",
        "write a value, or remove the field if it is optional",
        "A field is present but has no value (or only white space)."),
    "hidden-char": Message(
        "{field} contains the invisible character U+{codepoint} ({name})",
        "delete it: control and text-direction characters do not show on the page, yet can break it or make it "
        "read differently from the file",
        "Control characters (NUL, escape, …) and the bidirectional overrides and isolates (U+202A–U+202E, "
        "U+2066–U+2069) are refused in every value: they are invisible in an editor and can reorder or hide text."),
    "bad-bool": Message(
        "{field} must be true or false, not {value!r}",
        "write `true` or `false` (YAML 1.1 guesses like yes/no/on/off are not accepted)",
        "Booleans are spelled true or false only, so a stray `no` never changes meaning."),
    "bad-int": Message(
        "{field} must be a whole number of 1 or more, not {value!r}",
        "write a number such as 1 or 2",
        "A count or position that is not a positive whole number."),
    "bad-date": Message(
        "{field}: {value!r} is not a date in the form {form}",
        "write the date as {form}, e.g. {example}",
        "Dates are written YYYY-MM-DD (timeline events may also use YYYY-MM or YYYY)."),
    "impossible-date": Message(
        "{field}: {value!r} is not a real calendar date",
        "check the month and the day ({reason})",
        "The date has the right form but does not exist, like 2025-02-30."),
    "bad-url": Message(
        "{field}: {value!r} is not an http(s) URL",
        "links must start with https:// (or http://){extra}{suggestion}",
        "Links must be web addresses; javascript:, data: and file: links are refused."),
    "bad-id": Message(
        "id {value!r} is not a URL slug",
        "use lower-case letters a-z, digits and single hyphens, e.g. {suggestion!r}",
        "Ids become page addresses, so they are restricted to URL-safe slugs."),
    "reserved-id": Message(
        "{kind} id {value!r} is reserved: {why}",
        "choose another id",
        "Some ids would give a page or an anchor the address of another one, which would silently replace it."),
    "duplicate-id": Message(
        "duplicate {kind} id {value!r} (first used at line {line})",
        "every {kind} needs its own id",
        "Two records share an id; one of them would overwrite the other's page. References to the id the second "
        "record had before are not reported separately: they follow from this.", root=True),
    "unknown-ref": Message(
        "unknown {kind} {value!r}",
        "{suggestion}",
        "A reference to a claim, source, topic, verdict or page that does not exist."),
    "missing-lang": Message(
        "field {field!r} has no {lang} text",
        "add `{lang}: …` ({why})",
        "Editorial text is written in every language the site's editors write (site.languages: the source "
        "language and the written ones); a derived language is converted from its source and may be overridden."),
    "unknown-lang": Message(
        "{field}: unknown language {lang!r}",
        "use {allowed}; inside braces a comma starts a new key, so quote text that has one",
        "Text mappings take the codes of the site's languages as keys (a quote's translation: the languages "
        "the editors translate into)."),
    "no-text": Message(
        "field {field!r} has no text",
        "write it in the language(s) the document exists in, e.g. {example}",
        "A cited document's title is given in the languages it was published in: at least one."),
    "script-mismatch": Message(
        "{field} looks like {looks}",
        "text under {lang} is published to {lang} readers: translate it, move it under the right language, or "
        "end the line with `# script-ok` if it is meant to be so",
        "Text under a language key is published to readers of that language, and marked as written in it. An "
        "English note under a Chinese key reaches Chinese readers in English (and screen readers read it with "
        "a Chinese voice). This is a warning: the build goes on.", warning=True),
    "plain-text": Message(
        "{field} must be written per language, not as one plain string",
        "write it as {example}",
        "A plain string would be published unchanged in every language, so a Chinese summary would appear on the "
        "English pages. Only names may be one plain string."),
    "language-config": Message(
        "language {value!r} {why}",
        "see site.languages in docs/editing.md",
        "Each language has a code, a URL slug, its own name, a role (source, derived or written) and a locale; "
        "a derived language names the language it is converted `from` and its `opencc` configuration."),
    "language-source": Message(
        "site.languages needs exactly one language with `role: source`, not {count}",
        "mark the language the archived sources are written in as `role: source`",
        "Quotes are verified in the script of the archived sources; exactly one language is that script."),
    "glossary-entry": Message(
        "a glossary entry needs exactly the keys {keys}",
        "write it as {{from-language: word, derived-language: word}}",
        "Glossary entries map a word of the source language to the derived language's preferred word."),
    "no-catalog": Message(
        "no interface catalogue for language {lang!r}",
        "add {path} beside claims.yaml, translated from one of factsite's own (factsite/locales/*.yaml)",
        "The words of the pages themselves (menus, headings, labels) come from a catalogue per language."),
    "catalog-missing": Message(
        "{path} is missing {count} key(s): {keys}",
        "copy them from another catalogue in factsite/locales/ and translate them",
        "Every catalogue has every key, so no page shows a missing label."),
    "catalog-key": Message(
        "{path}: unknown key {key!r}",
        "remove it, or check its spelling against factsite/locales/",
        "A key no template uses, usually a typo."),
    "catalog-placeholder": Message(
        "{path}: {key!r} uses {names}, which the pages do not fill in",
        "use only the placeholders the packaged catalogues use for this key",
        "Placeholders such as {n} are filled in by the pages; an unknown one could not be."),
    "required-page": Message(
        "the {value!r} page is missing",
        "add a page with `id: {value}` under pages:",
        "The about, methodology and corrections pages are part of every edition."),
    "source-path": Message(
        "source file {value!r} is outside seeds/",
        "give a path inside seeds/, such as 000_article.txt",
        "Archived sources must live in seeds/: no absolute paths, no `..`, no links pointing out."),
    "source-missing": Message(
        "source file {value!r} does not exist in seeds/",
        "{suggestion}",
        "The archived file named by a source is not in seeds/."),
    "source-not-text": Message(
        "source file {value!r} is not UTF-8 text ({reason})",
        "save the archived article as UTF-8 plain text",
        "Archived sources must be UTF-8 text files."),
    "source-empty": Message(
        "source file {value!r} is empty",
        "archive the article's text into the file",
        "An empty archive can back no quote."),
    "source-too-large": Message(
        "source file {value!r} is {size} MB; the limit is {limit} MB",
        "archive the article's text only, without markup or attachments",
        "A size limit keeps every build quick and its memory bounded."),
    "source-hidden-char": Message(
        "source file {value!r} contains the invisible character U+{codepoint} ({name}) at line {line}, column {column}",
        "remove it from the archived text, then update the source's sha256",
        "Archived text is shown in full on its source page: control characters would break the page and "
        "direction overrides would make it read differently from the archive."),
    "source-changed": Message(
        "{value} has changed since it was archived (its sha256 is not the one recorded)",
        "if the edit was not deliberate, restore the file (e.g. `git checkout -- {value}`); if it corrects the "
        "archive, compare it with the original first, then run `factsite rehash {source}`",
        "Archived sources are evidence: a changed file stops the build, with each quote from it marked as still "
        "matching or not. Quotes are never fitted to a changed archive; accepting the change is a deliberate "
        "step (`rehash`) after comparing the file with its original.", root=True),
    "bad-sha256": Message(
        "sha256 {value!r} is not 64 hex digits",
        "compute it with `sha256sum seeds/FILE`",
        "The recorded hash of an archived source is malformed."),
    "quote-empty": Message(
        "quote text is empty",
        "copy the passage from the archived source",
        "A quote with no text (or only white space) proves nothing."),
    "quote-whole-source": Message(
        "quote is the whole source {source!r}",
        "quote the passage that makes the claim",
        "A quote must point at the words that make the claim; a quote that is the entire archive points at nothing "
        "in particular."),
    "quote-not-found": Message(
        "quote not found in source {source!r}",
        "the closest passage ({similarity}% similar) is shown below, with where your text differs from it",
        "The quoted text does not occur in its archived source, even ignoring line breaks, spaces, "
        "hyphens and punctuation width. Usually a typo: compare with the closest passage."),
    "quote-script": Message(
        "quote matches source {source!r} only after Traditional/Simplified conversion",
        "quote the source in its own script: {original}",
        "Quotes must be verbatim in the source's script; OpenCC conversion is for display only."),
    "quote-ambiguous": Message(
        "quote occurs {count} times in source {source!r} (lines {lines})",
        "quote more of the sentence, or add `occurrence: N` (1 = first)",
        "A short quote matched several places; say which one is meant."),
    "quote-occurrence": Message(
        "occurrence {n} asked for, but the quote occurs {count} time(s) in source {source!r}",
        "use a number from 1 to {count}, or remove `occurrence`",
        "`occurrence` picks one of several matches; it must be within range."),
    "self-related": Message(
        "claim {value!r} lists itself as related",
        "remove it from `related`",
        "A claim cannot be related to itself."),
    "unsafe-markdown-link": Message(
        "{field}: link to {value!r} is not allowed",
        "links in Markdown must be http(s), mailto, or an in-page #anchor{suggestion}",
        "javascript:, data: and similar links are refused so that no page can run injected code."),
    "output-locked": Message(
        "another build (process {pid}) is writing {out}; waited {seconds} s",
        "wait for it to finish, or stop it if it is stuck; two builds may not write one folder at once",
        "Builds take a lock beside the output folder (`.NAME-build.lock`) from the start of writing until the "
        "process ends, so two builds started at once run one after the other. A build that waits longer than "
        "the limit stops with this message and leaves the folder to the other build."),
    "markdown-image": Message(
        "{field}: images are not published ({value!r})",
        "link to it instead: [what it shows](URL); pages load only the site's own images",
        "Markdown images are off: the pages' security policy loads only the site's own files, so an image from "
        "elsewhere would show broken (and could track readers if the policy were ever relaxed)."),
    "search-index": Message(
        "the search index could not be built: {reason}",
        "reinstall the dependencies (pip install -e .) so that Pagefind is present",
        "Pagefind builds the search index over the finished pages; the site is not published without it."),
    "bad-domain": Message(
        "{field}: {value!r} is not a domain",
        "write the host name only, such as bloomberg.com (subdomains are included), or a host and path prefix "
        "such as github.com/deepseek-ai for a shared host",
        "A publisher's domains are the host names its own pages are published on."),
    "blocked-host": Message(
        "{field}: {host} is on the blocklist: {reason}",
        "cite the publisher's own page, a primary document, or an archive snapshot of one",
        "Content farms, SEO mirrors, aggregators and state-media laundering networks republish other outlets' "
        "work, often under the original's name. They are refused in every URL, Markdown links included "
        "(factsite/data/blocklist.yaml, plus site.blocklist)."),
    "copy-host": Message(
        "{field}: {host} is a staging, preview or AMP-cache copy",
        "use the page's canonical address on the publisher's own site",
        "Preview and staging hosts and AMP caches serve copies of a publisher's pages; cite the page itself."),
    "publisher-domain": Message(
        "{field}: {host} is not a domain of publisher {publisher!r} ({domains})",
        "cite the page on {domains} or an archive snapshot of it; if only a copy could be read, find the "
        "original's address or cite something else, and name the publisher that actually published the page",
        "A link is shown under its publisher's name, so it must be on one of that publisher's domains (or be a "
        "Wayback Machine or archive.today snapshot of such a page). A copy is never cited under the original's "
        "name."),
    "archive-host": Message(
        "archive_url: {host} is not an archive service",
        "use a snapshot on web.archive.org, archive.today (archive.ph) or perma.cc",
        "archive_url records a snapshot of the cited page on a web archive, for readers when the page changes or "
        "goes away (Robust Links)."),
    "output-clash": Message(
        "two outputs for {path}: {first} and {second}",
        "this is a bug in factsite or a theme; please report it",
        "Two pages or files would be written to the same path, and one would silently replace the other."),
    "broken-link": Message(
        "internal link {value!r} does not resolve",
        "this is a bug in a template or in factsite; please report it",
        "The built site links to a page or #anchor that does not exist."),
}
