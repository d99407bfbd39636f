"""A fixed vocabulary for synthetic fact-check text: Traditional Chinese and English about AI, chips and policy."""

# Who does or says things: governments, companies, media, people.
ACTORS = (
    "美國商務部", "美國國會", "白宮", "中國商務部", "外交部發言人", "輝達", "超微半導體", "英特爾",
    "台積電", "三星電子", "華為", "中芯國際", "阿斯麥", "DeepSeek", "OpenAI", "微軟", "谷歌", "亞馬遜",
    "Meta", "百度", "阿里巴巴", "騰訊", "字節跳動", "月之暗面", "智譜", "歐盟委員會", "日本經濟產業省",
    "荷蘭政府", "韓國產業通商資源部", "多名分析師", "業界人士", "知情人士", "研究人員", "機構投資者",
    "監管機構", "晶片設計公司", "雲端服務商", "新創企業", "半導體業界", "兩黨議員", "特朗普政府",
    "拜登政府", "美國財政部", "美國海軍", "美國國防部", "國際能源署", "彭博社", "路透社", "華爾街日報",
    "金融時報", "紐約時報", "新華社", "香港文匯報", "南華早報", "觀察者網", "行業協會", "美國晶片業者",
    "台灣經濟部", "新加坡警方", "馬來西亞投資貿易部", "聯邦調查局",
)

# Verb phrases that take one of the topics below as their object.
ACTIONS = (
    "宣布", "表示將加強", "考慮收緊", "正研究擴大", "公開批評", "否認", "證實", "發布", "推出", "限制",
    "暫停", "調查", "審查", "指控對手違反", "回應外界對", "重新評估", "公布", "擴大", "放寬", "禁止",
    "要求企業申報", "警告", "預測", "估計", "承認", "質疑", "表態支持", "明確反對", "呼籲檢討",
    "計劃投資", "加快部署", "重申", "澄清", "披露", "低估了", "高估了", "引述官員談及", "轉述",
    "強調", "延後", "收緊", "撤回", "修訂", "提交", "通過",
)

# Things acted on: policies, products, markets, technical matters.
TOPICS = (
    "對華晶片出口管制", "高頻寬記憶體出口規則", "人工智慧晶片的銷售許可證", "H20 晶片的供應",
    "先進製程產能", "大型語言模型的訓練成本", "模型蒸餾的做法", "開源模型的授權條款",
    "資料中心的電力需求", "圖形處理器的庫存", "推理晶片的價格", "雲端算力租賃服務", "半導體設備出口",
    "極紫外光微影機的交付", "晶圓代工訂單", "國家安全審查程序", "實體清單", "外國直接產品規則",
    "演算法透明度要求", "個人資料保護規定", "人工智慧安全評估", "模型權重的出口", "新一輪關稅措施",
    "晶片補貼計劃", "晶片法案的撥款", "年度研發預算", "資本開支計劃", "季度營收預測", "股價波動",
    "市值損失", "供應鏈韌性", "技術標準", "軟體開發工具", "開放原始碼社群", "訓練資料的來源",
    "服務使用條款", "合規程序", "伺服器採購", "算力集群", "推理服務", "應用程式下載量", "用戶資料",
    "網路安全風險", "政府設備上的使用", "出口許可申請", "執法行動", "走私調查", "第三方轉運",
    "新加坡的轉口貿易", "馬來西亞的資料中心", "記憶體晶片價格", "先進封裝技術", "晶片設計軟體",
    "人才流動", "簽證政策", "學術合作", "研究論文", "基準測試成績", "推理能力", "數學能力評測",
    "Nvidia H20 的出貨量", "A100 與 H100 的存量", "R1 模型的發布", "V3 模型的技術報告",
)

# When, where, or on whose word: opens a sentence.
SETTINGS = (
    "據彭博社報道", "據知情人士透露", "在本週的記者會上", "在一份書面聲明中", "在財報電話會議上",
    "在國會聽證會上", "周四(1月30日)", "2025 年初", "去年十月", "今年第一季", "上月底",
    "在社交媒體上", "在接受電視訪問時", "在一封內部電郵中", "根據公開文件", "根據海關數據",
    "根據公司年報", "在北京", "在華盛頓", "在台北", "在香港", "在新加坡", "上週五", "同日稍後",
    "數日之後", "早在 2022 年", "自 2023 年以來", "截至目前", "在美國時間 1 月 29 日",
    "於 2025 年 4 月 9 日", "根據路透社取得的文件", "在一場業界論壇上", "據當地媒體報道",
)

ADVERBS = ("已", "正", "將", "再次", "進一步", "首次", "公開", "正式", "暫時", "明確", "迅速", "低調")

CONNECTIVES = (
    "不過，", "然而，", "此外，", "與此同時，", "因此，", "但", "而且", "換言之，", "事實上，",
    "另一方面，", "值得注意的是，", "據報", "外界認為",
)

# Predicates saying what happened to a topic.
OUTCOMES = (
    "受到直接影響", "大幅下降", "明顯上升", "面臨更多不確定性", "成為爭議焦點", "需要重新審視",
    "仍有待證實", "與公開紀錄不符", "被部分媒體誇大", "缺乏可查核的來源", "已由官方文件確認",
    "只反映部分事實", "引起市場關注", "在業界引發討論", "並非首次出現", "受到國會議員質疑",
)

SAYING = ("表示", "指出", "認為", "聲稱", "強調", "坦言", "透露", "報道稱")

UNITS = ("億美元", "萬美元", "萬顆", "塊", "億元人民幣", "兆瓦", "萬名用戶", "個百分點")

PUBLISHERS = (
    ("彭博社", "Bloomberg", "bloomberg.com"), ("路透社", "Reuters", "reuters.com"),
    ("華爾街日報", "The Wall Street Journal", "wsj.com"), ("金融時報", "Financial Times", "ft.com"),
    ("紐約時報", "The New York Times", "nytimes.com"), ("香港文匯報", "Wen Wei Po", "wenweipo.com"),
    ("南華早報", "South China Morning Post", "scmp.com"), ("觀察者網", "Guancha", "guancha.cn"),
    ("新華社", "Xinhua", "news.cn"), ("美國商務部", "US Department of Commerce", "commerce.gov"),
    ("美國國會", "US Congress", "congress.gov"), ("輝達", "Nvidia", "nvidia.com"),
    ("CNBC", "CNBC", "cnbc.com"), ("財新", "Caixin", "caixin.com"), ("端傳媒", "Initium Media", "theinitium.com"),
)

AUTHORS = ("郭燁", "楊蓉", "李明", "陳嘉欣", "王志遠", "張家豪", "林怡君", "黃子健", "周曉彤", "吳俊傑")

# English: the editors' own words, shorter lists in the same domains.
EN_ACTORS = (
    "the US Commerce Department", "Congress", "the White House", "China's Ministry of Commerce", "Nvidia",
    "AMD", "Intel", "TSMC", "Samsung", "Huawei", "SMIC", "ASML", "DeepSeek", "OpenAI", "Microsoft", "Google",
    "Amazon", "Meta", "Baidu", "Alibaba", "Tencent", "ByteDance", "the European Commission", "Japan's trade ministry",
    "the Dutch government", "analysts", "people familiar with the matter", "researchers", "investors",
    "regulators", "cloud providers", "start-ups", "the chip industry", "lawmakers from both parties",
    "the Trump administration", "the Biden administration", "the US Navy", "the Pentagon", "Bloomberg", "Reuters",
)

EN_ACTIONS = (
    "announced", "considered tightening", "studied extending", "criticised", "denied", "confirmed", "published",
    "launched", "restricted", "paused", "investigated", "reviewed", "responded to questions about", "reassessed",
    "expanded", "relaxed", "banned", "warned about", "forecast", "estimated", "acknowledged", "questioned",
    "backed", "opposed", "called for a review of", "planned to invest in", "clarified", "disclosed",
    "underestimated", "overstated", "delayed", "revised",
)

EN_TOPICS = (
    "export controls on AI chips", "rules for high-bandwidth memory", "licences for AI-chip sales",
    "the supply of H20 chips", "advanced-node capacity", "the cost of training large language models",
    "distillation of rival models", "open-weight licence terms", "data-centre power demand",
    "GPU inventories", "inference-chip prices", "cloud compute rentals", "exports of chipmaking tools",
    "EUV lithography deliveries", "foundry orders", "national-security reviews", "the Entity List",
    "the foreign direct product rule", "algorithm transparency rules", "personal-data protections",
    "AI safety evaluations", "exports of model weights", "a new round of tariffs", "chip subsidies",
    "CHIPS Act funding", "research budgets", "capital spending plans", "quarterly revenue guidance",
    "share-price swings", "supply-chain resilience", "technical standards", "training-data provenance",
    "terms of service", "server purchases", "compute clusters", "app downloads", "cybersecurity risks",
    "use on government devices", "export-licence applications", "smuggling investigations",
    "trans-shipment through Singapore", "data centres in Malaysia", "memory-chip prices", "advanced packaging",
)

EN_SETTINGS = (
    "According to Bloomberg", "People familiar with the matter said", "At a press briefing this week",
    "In a written statement", "On an earnings call", "At a congressional hearing", "On Thursday (30 January)",
    "In early 2025", "Last October", "In the first quarter", "At the end of last month", "On social media",
    "In a television interview", "In an internal email", "According to public filings",
    "According to customs data", "In its annual report", "In Beijing", "In Washington", "In Taipei",
    "A few days later", "As early as 2022", "Since 2023", "So far",
)

EN_OUTCOMES = (
    "was directly affected", "fell sharply", "rose markedly", "faced more uncertainty", "became the focus of dispute",
    "needs a second look", "remains unconfirmed", "does not match the public record", "was overstated by some outlets",
    "lacks a checkable source", "is confirmed by official documents", "reflects only part of the facts",
    "drew market attention", "prompted debate in the industry", "is not new", "was questioned by lawmakers",
)

EN_CONNECTIVES = ("However,", "Meanwhile,", "In addition,", "As a result,", "In fact,", "On the other hand,",
                  "Notably,", "Even so,", "By contrast,")

EN_LINK_WORDS = ("report", "statement", "filing", "transcript", "notice", "rule", "letter", "briefing")

# Link slugs in synthetic URLs: plain ASCII words.
SLUG_WORDS = (
    "chips", "export", "controls", "nvidia", "h20", "deepseek", "ai", "model", "cost", "training", "tariff",
    "china", "us", "commerce", "license", "memory", "hbm", "gpu", "cloud", "data", "center", "policy", "rule",
    "review", "security", "supply", "chain", "foundry", "tsmc", "asml", "euv", "distillation", "openai",
)
