"""The reader's experience in Debian's Chromium: accessibility, search, filters, language switch, keyboard."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

LANGS = ("zh-hant", "zh-hans", "en")
PAGE_TYPES = ("", "claims/", "claims/sacks-distillation-evidence/", "verdicts/mostly-accurate/", "timeline/",
              "timeline/2025/", "timeline/2025/page/2/", "search/", "sources/", "sources/wwp-2025-01-31/", "topics/",
              "topics/distillation/", "about/", "methodology/", "corrections/", "data/")
ALL_PAGES = [lang + "/" + page for lang in LANGS for page in PAGE_TYPES] + ["", "404.html"]


@pytest.fixture
def watched(page, served):
    """A page whose console errors, failed requests and requests to other hosts are recorded."""
    trouble: list[str] = []
    host = urlsplit(served).netloc
    page.on("console", lambda msg: msg.type in ("error", "warning") and trouble.append(f"console: {msg.text}"))
    page.on("pageerror", lambda err: trouble.append(f"error: {err}"))
    page.on("requestfailed", lambda req: trouble.append(f"failed: {req.url}"))
    page.on("request", lambda req: urlsplit(req.url).netloc not in (host, "") and not req.url.startswith("data:")
            and trouble.append(f"third party: {req.url}"))
    page.trouble = trouble
    return page


@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_wcag_a_or_aa_violations(watched, served, path):
    watched.goto(served + path)
    result = Axe().run(watched, options={"runOnly": ["wcag2a", "wcag2aa"]})
    violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])}×) {v['nodes'][0]['target']}"
                  for v in result.response["violations"]]
    assert violations == []
    assert watched.trouble == []


SEARCHES = [
    ("zh-hant", "蒸餾", "sacks-distillation-evidence"),
    ("zh-hans", "蒸馏", "sacks-distillation-evidence"),
    ("en", "distillation", "sacks-distillation-evidence"),
    ("zh-hant", "薩克斯", "sacks-distillation-evidence"),
    ("zh-hans", "萨克斯", "sacks-distillation-evidence"),
    ("en", "Sacks", "sacks-distillation-evidence"),
    ("zh-hant", "H20", "h20-curbs-report"),
    ("en", "H800", "oct-2022-rules-merged"),
]


@pytest.mark.parametrize("lang,query,expected", SEARCHES)
def test_search_finds_the_claims_a_reader_looks_for(watched, served, lang, query, expected):
    watched.goto(f"{served}{lang}/search/")
    watched.fill("#q", query)
    watched.press("#q", "Enter")
    watched.wait_for_selector("#search-results li", timeout=10_000)
    hrefs = watched.eval_on_selector_all("#search-results a", "links => links.map(a => a.href)")
    assert any(f"/{lang}/claims/{expected}/" in href for href in hrefs), hrefs
    assert watched.trouble == []


def test_search_works_from_a_shared_link(watched, served):
    watched.goto(f"{served}en/search/?q=Lutnick")
    watched.wait_for_selector("#search-results li", timeout=10_000)
    assert "Lutnick" in watched.inner_text("#search-results")


def test_timeline_filter_hides_other_topics_and_works_without_javascript(watched, served, browser):
    watched.goto(served + "en/timeline/2025/")
    total = watched.locator(".tl-item:visible").count()
    watched.click(".filters a[data-topic='export-controls']")
    visible = watched.locator(".tl-item:visible")
    assert 0 < visible.count() < total
    topics = set(visible.evaluate_all("items => items.map(i => i.dataset.topic)"))
    assert topics == {"export-controls"}
    assert watched.get_attribute(".filters a[data-topic='export-controls']", "aria-current") == "page"

    plain = browser.new_page(java_script_enabled=False)
    plain.goto(served + "en/timeline/2025/")
    plain.click(".filters a[data-topic='export-controls']")
    assert plain.url.endswith("/en/topics/export-controls/")  # without JavaScript, a topic's own timeline
    assert set(plain.locator(".tl-item").evaluate_all("items => items.map(i => i.dataset.topic)")) == \
        {"export-controls"}
    plain.close()


def test_language_switcher_keeps_the_reader_on_the_same_claim(watched, served):
    watched.goto(served + "zh-hant/claims/oct-2022-rules-merged/")
    watched.click("nav.langs a[hreflang='zh-Hans']")
    assert watched.url.endswith("/zh-hans/claims/oct-2022-rules-merged/")
    watched.click("nav.langs a[hreflang='en']")
    assert watched.url.endswith("/en/claims/oct-2022-rules-merged/")
    assert watched.locator("html").get_attribute("lang") == "en"


def test_keyboard_reaches_the_skip_link_first_and_focus_is_visible(watched, served):
    watched.goto(served + "en/claims/oct-2022-rules-merged/")
    watched.keyboard.press("Tab")
    focused = watched.evaluate("() => [document.activeElement.className, getComputedStyle(document.activeElement)"
                               ".outlineStyle, document.activeElement.getBoundingClientRect().left]")
    assert focused[0] == "skip" and focused[1] != "none" and focused[2] >= 0
    watched.keyboard.press("Enter")
    watched.wait_for_function("() => location.hash === '#main'", timeout=2000)
    watched.keyboard.press("Tab")
    assert watched.evaluate("() => document.activeElement.closest('main') !== null")


def test_chart_marks_link_to_their_events(watched, served):
    watched.goto(served + "zh-hant/timeline/")
    marks = watched.locator("svg a.mark")
    assert marks.count() >= 25
    target = marks.first.get_attribute("href")  # the event on its year's page of the timeline
    marks.first.click()
    assert watched.url.endswith(target.split("/", 1)[1] if target.startswith("..") else target)
    anchor = "#" + target.split("#")[1]
    assert watched.locator(anchor).is_visible()


def test_phone_width_has_no_sideways_scrolling_except_the_chart(browser, served):
    phone = browser.new_page(viewport={"width": 320, "height": 640})
    for path in ("en/", "zh-hant/claims/oct-2022-rules-merged/", "zh-hans/timeline/", "en/sources/gcw-2025-02-08/"):
        phone.goto(served + path)
        wide = phone.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= 320, (path, wide)
    phone.close()
