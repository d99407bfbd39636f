"""The interface's own words in each language (editorial text lives in claims.yaml)."""

from __future__ import annotations

_KEYS = {
    # key: (zh-Hant, zh-Hans, en)
    "skip": ("跳至內容", "跳至内容", "Skip to content"),
    "home": ("首頁", "首页", "Home"),
    "claims": ("查核報告", "核查报告", "Fact-checks"),
    "all_claims": ("全部查核報告", "全部核查报告", "All fact-checks"),
    "timeline": ("時間線", "时间线", "Timeline"),
    "topics": ("議題", "议题", "Topics"),
    "sources": ("存檔來源", "存档来源", "Archived sources"),
    "languages": ("語言", "语言", "Language"),
    "main_nav": ("主選單", "主菜单", "Main"),
    "claimant": ("說法來自", "说法来自", "Claim by"),
    "claim_date": ("日期", "日期", "Date"),
    "appeared_in": ("出處", "出处", "Appeared in"),
    "verdict": ("查核結果", "核查结果", "Verdict"),
    "on_scale": ("評級 {n}／{total}（{best}為最高）", "评级 {n}／{total}（{best}为最高）",
                 "Rated {n} of {total} on our scale, where {total} is {best}"),
    "off_scale": ("不在評級尺度之內", "不在评级尺度之内", "Not a point on our rating scale"),
    "scale_link": ("評級尺度說明", "评级尺度说明", "How we rate"),
    "short": ("重點", "重点", "If your time is short"),
    "the_quote": ("原文引述", "原文引述", "What was said"),
    "quote_original": ("原文（繁體）", "原文（繁体）", "Original"),
    "quote_translation": ("編輯翻譯", "编辑翻译", "Our translation"),
    "in_source": ("見存檔原文", "见存档原文", "See it in the archived article"),
    "at_original": ("原始網頁", "原始网页", "Original page"),
    "reasoning": ("查核分析", "核查分析", "Our reasoning"),
    "evidence": ("證據與來源", "证据与来源", "Evidence and sources"),
    "archived_copy": ("存檔副本", "存档副本", "archived copy"),
    "updates": ("更新與更正紀錄", "更新与更正记录", "Updates and corrections"),
    "no_updates": ("發布後未有更新。", "发布后未有更新。", "No updates since publication."),
    "kind_correction": ("更正", "更正", "Correction"),
    "kind_update": ("更新", "更新", "Update"),
    "kind_verdict-change": ("評級變更", "评级变更", "Verdict changed"),
    "related": ("相關查核", "相关核查", "Related fact-checks"),
    "on_timeline": ("時間線上的相關事件", "时间线上的相关事件", "On the timeline"),
    "published": ("發布", "发布", "Published"),
    "last_updated": ("最後更新", "最后更新", "Last updated"),
    "verdict_counts": ("查核結果一覽", "核查结果一览", "Verdicts at a glance"),
    "featured": ("焦點查核", "焦点核查", "Featured fact-checks"),
    "latest": ("最新查核", "最新核查", "Latest fact-checks"),
    "n_claims": ("{n} 則", "{n} 则", "{n}"),
    "by_verdict": ("按查核結果", "按核查结果", "By verdict"),
    "none_yet": ("暫無。", "暂无。", "None yet."),
    "event": ("事件", "事件", "Event"),
    "claim_made": ("說法", "说法", "Claim"),
    "events_in_topic": ("相關事件", "相关事件", "Events"),
    "claims_in_topic": ("本議題的查核", "本议题的核查", "Fact-checks on this topic"),
    "source_meta": ("存檔資料", "存档资料", "About this archive"),
    "publisher": ("出版者", "出版者", "Publisher"),
    "author": ("作者", "作者", "Author"),
    "original_url": ("原始網址", "原始网址", "Original URL"),
    "unknown_url": ("未知", "未知", "not known"),
    "archive_url": ("存檔網址", "存档网址", "Archive URL"),
    "sha256": ("檔案雜湊（SHA-256）", "文件哈希（SHA-256）", "File hash (SHA-256)"),
    "source_note": ("以下是本站存檔的全文，保留原文字體。被查核引述的段落以底色標示，並連結到引用它的查核報告。",
                    "以下是本站存档的全文，保留原文字体（繁体）。被核查引述的段落以底色标示，并链接到引用它的核查报告。",
                    "Below is the full archived text, in its original Traditional Chinese. Every passage that a "
                    "fact-check quotes is highlighted and links to the checks that cite it."),
    "quoted_passages": ("被引述的段落", "被引述的段落", "Quoted passages"),
    "cited_by": ("引用於", "引用于", "Cited in"),
    "full_text": ("全文", "全文", "Full text"),
    "scale": ("評級尺度", "评级尺度", "Our rating scale"),
    "scale_intro": ("由最準確到最不準確排列：", "由最准确到最不准确排列：", "From most to least accurate:"),
    "log": ("全站更正與更新紀錄", "全站更正与更新记录", "Log of corrections and updates"),
    "report_error": ("發現錯誤？請告訴我們", "发现错误？请告诉我们", "Found an error? Tell us"),
    "built": ("版本日期", "版本日期", "Edition of"),
    "footer_about": ("關於本站", "关于本站", "About"),
    "not_found": ("找不到這一頁", "找不到这一页", "Page not found"),
    "not_found_text": ("此網址沒有頁面。可以從首頁重新開始。", "此网址没有页面。可以从首页重新开始。",
                       "There is no page at this address. Start again from the home page."),
    "choose_language": ("選擇語言", "选择语言", "Choose a language"),
    "year_events": ("{year} 年", "{year} 年", "{year}"),
    "timeline_intro": ("美國晶片出口管制、DeepSeek 的發佈與「蒸餾」指控，按時間排列。事件與被查核的說法一併列出。",
                       "美国芯片出口管制、DeepSeek 的发布与“蒸馏”指控，按时间排列。事件与被核查的说法一并列出。",
                       "US chip export controls, DeepSeek's releases and the distillation accusations, in date order, "
                       "with the claims we checked alongside the events."),
    "search": ("搜尋", "搜索", "Search"),
    "search_label": ("搜尋查核報告", "搜索核查报告", "Search the fact-checks"),
    "search_button": ("搜尋", "搜索", "Search"),
    "search_placeholder": ("例如：蒸餾、H20、薩克斯", "例如：蒸馏、H20、萨克斯", "e.g. distillation, H20, Sacks"),
    "search_noscript": ("搜尋需要 JavaScript。也可以按議題或時間線瀏覽全部查核報告。",
                        "搜索需要 JavaScript。也可以按议题或时间线浏览全部核查报告。",
                        "Search needs JavaScript. You can also browse every fact-check by topic or on the timeline."),
    "search_preview": ("預覽模式不建立搜尋索引；正式建置（python build.py）才會建立。",
                       "预览模式不建立搜索索引；正式构建（python build.py）才会建立。",
                       "The preview does not build the search index; a full build (python build.py) does."),
    "search_none": ("找不到結果。", "找不到结果。", "No results."),
    "search_count": ("找到 {n} 項結果", "找到 {n} 项结果", "{n} results"),
    "chart_title": ("時間線一覽：每個點是一件事件，按議題分行", "时间线一览：每个点是一件事件，按议题分行",
                    "The timeline at a glance: each dot is an event, one row per topic"),
    "filter_all": ("全部議題", "全部议题", "All topics"),
    "filter_by": ("按議題篩選", "按议题筛选", "Filter by topic"),
    "see_claim": ("查核報告", "核查报告", "Fact-check"),
    "quoted_in_article": ("報道引述", "报道引述", "In the article"),
}

_INDEX = {"zh-Hant": 0, "zh-Hans": 1, "en": 2}


def strings(lang_code: str) -> dict[str, str]:
    """All interface strings for one language."""
    i = _INDEX[lang_code]
    return {key: values[i] for key, values in _KEYS.items()}


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def format_date(date, lang_code: str) -> str:
    """A PartialDate as readers of the language write it, at its own precision."""
    if lang_code == "en":
        if date.day:
            return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"
        return f"{_MONTHS[date.month - 1]} {date.year}" if date.month else str(date.year)
    text = f"{date.year}年"
    if date.month:
        text += f"{date.month}月"
    if date.day:
        text += f"{date.day}日"
    return text
