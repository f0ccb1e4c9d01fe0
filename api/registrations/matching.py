"""Normalising Chinese company names and scoring pairs of them (SPEC §5, conflict detection).

Pure functions, no database. `normalise` turns a name as typed by an agent into
- `full`: the whole name, NFKC (full/half width), traditional→simplified (OpenCC t2s), lower
  case, without spaces, punctuation and bracket characters. The bracket *content* stays in
  `full`, so `full` is a faithful uniqueness key: "华为技术(深圳)有限公司" ≠ "华为技术有限公司";
- `core`: the distinguishing part (字号): without branch suffix, bracketed places, legal forms,
  region prefixes (regions.json + a few districts + pinyin of big cities) and filler words
  (generic: 科技, 技术, 实业…; industry: 电子, 电器, 半导体…) — the fillers are kept when
  removing them would leave fewer than 2 characters ("深圳市科技电子有限公司" → "科技电子");
- `grams`: character bigrams of `core`, for an index that finds candidates.

`compare` reads only `full` and `core` (a `NormalisedName` rebuilt from stored columns compares
like a fresh one). Scores come in tiers, at least 0.02 apart; within a tier a tie-break of at
most 0.005 ranks closer names first, so a tie-break never crosses a threshold:
- 1.00 identical `full`;
- same `core`, filler words compared (industry words matter more than generic ones):
  0.97 same words · 0.95 generic words added/dropped (华强电子 / 华强电子科技) — these block;
  0.90 one name adds industry words (美的集团 / 美的电器) or the generic words differ
  (TCL科技 / TCL实业控股) · 0.85 conflicting industry words (长城汽车 / 长城电脑) — candidates;
  −0.02 when the names carry conflicting regions (深圳市… / 广州市…);
- a `core` of generic words only identifies nobody, the region decides: 0.93 same region,
  0.70 one without region, 0.30 other region; a generic core against a real one: ≤ 0.50;
- different cores: 0.5·ratio(core) + 0.25·partial_ratio(core) + 0.25·ratio(name without region
  and legal form), capped at 0.90 — different cores never block.
"""

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import opencc
from rapidfuzz import fuzz

NEAR_EXACT = 0.92  # score >= this blocks a registration (same company)
CANDIDATE = 0.65  # score >= this is listed as a possible conflict for the manufacturer to decide

# Legal-form suffixes (Chinese, and English tokens as they appear once punctuation is gone).
LEGAL_FORMS: tuple[str, ...] = (
    "集团股份有限公司",
    "集团有限责任公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限合伙企业",
    "有限公司",
    "股份公司",
    "集团公司",
    "控股集团",
    "合伙企业",
    "有限合伙",
    "个体工商户",
    "总公司",
    "公司",
    "集团",
    "股份",
    "商行",
    "工作室",
    "经营部",
    "门市部",
    "事务所",
    "研究所",
    "研究院",
    "总厂",
    "厂",
    "co., ltd.",
    "co.,ltd",
    "co ltd",
    "co.",
    "co",
    "company",
    "ltd.",
    "ltd",
    "limited",
    "inc.",
    "inc",
    "incorporated",
    "corp.",
    "corp",
    "corporation",
    "llc",
    "plc",
    "gmbh",
    "group",
    "holdings",
    "holding",
    "pte",
    "pty",
)
_LEGAL_CN = sorted(
    [f for f in LEGAL_FORMS if not f.isascii()] + ["有限公", "有限责任"], key=len, reverse=True
)
_LEGAL_EN = (
    "co",
    "company",
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "llc",
    "plc",
    "gmbh",
    "group",
    "holdings",
    "holding",
    "pte",
    "pty",
    "ag",
    "sa",
    "bv",
)

# Generic words: say nothing about what the company does.
_GENERIC_CN = (
    "科技",
    "技术",
    "实业",
    "发展",
    "贸易",
    "商贸",
    "进出口",
    "信息",
    "网络",
    "智能",
    "国际",
    "控股",
    "投资",
    "创新",
    "工业",
    "制造",
    "数字",
    "系统",
    "工程",
    "产业",
    "服务",
    "咨询",
    "管理",
    "应用",
    "开发",
    "研发",
    "高新",
    "高科",
    "新技术",
    "创意",
    "供应链",
    "集成",
)
# Industry words: weigh less than the 字号, but two different ones suggest two companies.
_INDUSTRY_CN = (
    "电子",
    "电器",
    "电气",
    "自动化",
    "集成电路",
    "半导体",
    "微电子",
    "光电子",
    "光电",
    "元器件",
    "电子元件",
    "器件",
    "通信",
    "通讯",
    "无线",
    "物联网",
    "互联网",
    "软件",
    "新能源",
    "能源",
    "储能",
    "电池",
    "电源",
    "电力",
    "电机",
    "动力",
    "新材料",
    "材料",
    "精密",
    "机械",
    "设备",
    "仪器",
    "仪表",
    "医疗器械",
    "医疗",
    "生物",
    "汽车",
    "汽车电子",
    "照明",
    "家电",
    "电脑",
    "计算机",
    "数码",
    "光学",
    "传感",
    "机器人",
    "激光",
    "显示",
    "视讯",
    "视像",
    "安防",
    "环保",
    "控制",
    "测控",
    "检测",
    "五金",
    "塑胶",
    "模具",
    "光伏",
    "线缆",
    "电缆",
    "家居",
    "芯片",
    "存储",
)
_GENERIC_EN = (
    "technology",
    "technologies",
    "tech",
    "science",
    "sci",
    "industrial",
    "industries",
    "industry",
    "intelligent",
    "smart",
    "trading",
    "trade",
    "international",
    "intl",
    "development",
    "information",
    "info",
    "network",
    "networks",
    "manufacturing",
    "investment",
    "innovation",
    "digital",
    "systems",
    "system",
    "solutions",
    "solution",
    "and",
    "the",
)
_INDUSTRY_EN = (
    "electronics",
    "electronic",
    "electric",
    "electrical",
    "automation",
    "semiconductors",
    "semiconductor",
    "microelectronics",
    "optoelectronics",
    "communications",
    "communication",
    "telecom",
    "wireless",
    "software",
    "energy",
    "power",
    "devices",
    "device",
    "equipment",
    "instruments",
    "instrument",
    "precision",
    "machinery",
    "medical",
    "automotive",
    "auto",
    "lighting",
    "appliances",
    "appliance",
    "materials",
    "microelectronic",
    "micro",
)
# English words and their Chinese equivalents, for comparing the sets of filler words.
_EN_CANONICAL = {
    "electronics": "电子",
    "electronic": "电子",
    "microelectronics": "微电子",
    "microelectronic": "微电子",
    "electric": "电气",
    "electrical": "电气",
    "semiconductors": "半导体",
    "semiconductor": "半导体",
    "communications": "通信",
    "communication": "通信",
    "telecom": "通信",
    "devices": "器件",
    "device": "器件",
    "instruments": "仪器",
    "instrument": "仪器",
    "appliances": "家电",
    "appliance": "家电",
    "automotive": "汽车",
    "auto": "汽车",
    "optoelectronics": "光电",
    "wireless": "无线",
    "technology": "科技",
    "technologies": "科技",
    "tech": "科技",
    "science": "科技",
    "industrial": "工业",
    "industries": "工业",
    "industry": "工业",
    "intelligent": "智能",
    "smart": "智能",
    "trading": "贸易",
    "trade": "贸易",
    "international": "国际",
    "intl": "国际",
    "development": "发展",
    "information": "信息",
    "network": "网络",
    "networks": "网络",
    "manufacturing": "制造",
    "investment": "投资",
    "innovation": "创新",
    "digital": "数字",
    "systems": "系统",
    "system": "系统",
    "solutions": "solution",
}
_CN_CANONICAL = {"通讯": "通信", "计算机": "电脑", "光电子": "光电", "电子元件": "元器件"}

# Small curated list of districts, new areas and towns common in electronics addresses; only
# full forms (with 区/县/镇) so brand words like 朝阳, 光明, 长安 are not cut.
_DISTRICTS = tuple(
    word
    for line in (
        "福田区 罗湖区 南山区 宝安区 龙岗区 龙华区 盐田区 坪山区 光明区 大鹏新区 前海",
        "天河区 越秀区 海珠区 荔湾区 白云区 黄埔区 番禺区 花都区 南沙区 增城区 从化区",
        "浦东新区 闵行区 徐汇区 长宁区 静安区 普陀区 虹口区 杨浦区 宝山区 嘉定区 松江区",
        "青浦区 奉贤区 金山区 崇明区 张江",
        "海淀区 朝阳区 东城区 西城区 丰台区 石景山区 昌平区 顺义区 大兴区 通州区 亦庄",
        "西湖区 滨江区 余杭区 萧山区 拱墅区 上城区 临平区 钱塘区",
        "苏州工业园区 工业园区 吴中区 吴江区 相城区 姑苏区 虎丘区 昆山市 常熟市 张家港市",
        "江宁区 鼓楼区 玄武区 雨花台区 建邺区 栖霞区 浦口区",
        "顺德区 南海区 禅城区 三水区 高明区",
        "长安镇 虎门镇 松山湖 塘厦镇 凤岗镇 清溪镇 常平镇",
        "武侯区 锦江区 青羊区 成华区 双流区 郫都区",
        "东湖高新区 洪山区 江夏区 思明区 湖里区 集美区 海沧区",
        "新吴区 滨湖区 梁溪区 鄞州区 北仑区 慈溪市 余姚市 义乌市",
        "高新区 经济技术开发区 高新技术产业开发区 开发区 保税区 自贸区 科技园 软件园 产业园",
        "香洲区 斗门区 金湾区 惠城区 惠阳区 仲恺高新区",
    )
    for word in line.split()
)

# Pinyin of the provinces and big cities, for English names ("Shenzhen Huaqiang ...").
_PINYIN_REGIONS: dict[str, tuple[str, str | None]] = {
    "beijing": ("北京", "北京"),
    "shanghai": ("上海", "上海"),
    "tianjin": ("天津", "天津"),
    "chongqing": ("重庆", "重庆"),
    "guangdong": ("广东", None),
    "shenzhen": ("广东", "深圳"),
    "guangzhou": ("广东", "广州"),
    "dongguan": ("广东", "东莞"),
    "foshan": ("广东", "佛山"),
    "zhuhai": ("广东", "珠海"),
    "zhongshan": ("广东", "中山"),
    "huizhou": ("广东", "惠州"),
    "shantou": ("广东", "汕头"),
    "jiangmen": ("广东", "江门"),
    "jiangsu": ("江苏", None),
    "suzhou": ("江苏", "苏州"),
    "wuxi": ("江苏", "无锡"),
    "nanjing": ("江苏", "南京"),
    "changzhou": ("江苏", "常州"),
    "kunshan": ("江苏", "苏州"),
    "nantong": ("江苏", "南通"),
    "zhejiang": ("浙江", None),
    "hangzhou": ("浙江", "杭州"),
    "ningbo": ("浙江", "宁波"),
    "wenzhou": ("浙江", "温州"),
    "jiaxing": ("浙江", "嘉兴"),
    "fujian": ("福建", None),
    "xiamen": ("福建", "厦门"),
    "fuzhou": ("福建", "福州"),
    "shandong": ("山东", None),
    "qingdao": ("山东", "青岛"),
    "jinan": ("山东", "济南"),
    "anhui": ("安徽", None),
    "hefei": ("安徽", "合肥"),
    "hubei": ("湖北", None),
    "wuhan": ("湖北", "武汉"),
    "hunan": ("湖南", None),
    "changsha": ("湖南", "长沙"),
    "sichuan": ("四川", None),
    "chengdu": ("四川", "成都"),
    "shaanxi": ("陕西", None),
    "henan": ("河南", None),
    "zhengzhou": ("河南", "郑州"),
    "hebei": ("河北", None),
    "liaoning": ("辽宁", None),
    "shenyang": ("辽宁", "沈阳"),
    "dalian": ("辽宁", "大连"),
    "jiangxi": ("江西", None),
    "guangxi": ("广西", None),
    "yunnan": ("云南", None),
    "kunming": ("云南", "昆明"),
    "hainan": ("海南", None),
    "taiwan": ("台湾", None),
    "hongkong": ("香港", "香港"),
    "hong kong": ("香港", "香港"),
    "macau": ("澳门", "澳门"),
    "macao": ("澳门", "澳门"),
}

_BRANCH_SUFFIXES = ("分公司", "分厂", "办事处", "分店", "营业部", "代表处", "分支机构", "分部")

_OPEN = "([{【〔〖「『《〈<"
_CLOSE = ")]}】〕〗」』》〉>"
_BRACKETED = re.compile(f"[{re.escape(_OPEN)}][^{re.escape(_OPEN + _CLOSE)}]*[{re.escape(_CLOSE)}]")
_BRACKET_CHARS = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
_NON_WORD = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")


def _alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class _Suffix:
    """Finds one of many words at the end of a text, fast: an anchored match on the reversed
    text (a `(...)$` search would try the whole alternation at every position)."""

    def __init__(self, words: list[str] | tuple[str, ...] | set[str], whole_words: bool = True):
        cjk = [w[::-1] for w in words if not w.isascii()]
        latin = [w[::-1] for w in words if w.isascii()]
        parts = [_alternation(cjk)] if cjk else []
        if latin:
            # A Latin word must start a word (in reverse: nothing alphanumeric follows it).
            parts.append(f"(?:{_alternation(latin)})" + ("(?![a-z0-9])" if whole_words else ""))
        self._pattern = re.compile(rf"\s*(?:{'|'.join(parts)})")

    def start(self, text: str) -> int | None:
        """Where the suffix (with the spaces before it) starts, or None."""
        m = self._pattern.match(text[::-1])
        return len(text) - m.end() if m else None

    def strip(self, text: str) -> str:
        start = self.start(text)
        return text if start is None else text[:start]


_LEGAL_CN_SUFFIX = _Suffix(_LEGAL_CN)
_LEGAL_CN_ANY = re.compile(_alternation(_LEGAL_CN))
_LEGAL_EN_SUFFIX = _Suffix(_LEGAL_EN)
# In `full` the spaces are gone: a compact English suffix (coltd, co, ltd, limited, ...).
_LEGAL_COMPACT_SUFFIX = _Suffix(
    [w for w in _LEGAL_EN if len(w) > 2 or w == "co"], whole_words=False
)
_BRANCH = _Suffix((*_BRANCH_SUFFIXES, "branch", "branch office"))
_FILLER_CN = re.compile(_alternation(_GENERIC_CN + _INDUSTRY_CN))
_FILLER_EN = re.compile(rf"\b(?:{_alternation(_GENERIC_EN + _INDUSTRY_EN)})\b")
# In a compact `full` there are no word boundaries: only words long enough not to hide in others.
_FILLER_EN_COMPACT = re.compile(
    _alternation([w for w in _GENERIC_EN + _INDUSTRY_EN if len(w) >= 4 and w != "info"])
)
_INDUSTRY_SET = frozenset(_INDUSTRY_CN) | frozenset(_INDUSTRY_EN)
_LATIN_WORD = re.compile(r"^[a-z][a-z0-9\-.&']*$")

_PROVINCE_SUFFIX = re.compile(r"(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$")
_ETHNIC = "朝鲜|土家|苗|羌|藏|彝|布依|侗|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|柯尔克孜|哈萨克|黎|维吾尔"
_CITY_SUFFIX = re.compile(rf"^(.+?)(?:(?:(?:{_ETHNIC})族?)+自治[州县区]|地区|林区|盟|县|市)$")


@dataclass(frozen=True)
class NormalisedName:
    full: str
    core: str
    grams: frozenset[str]


@dataclass(frozen=True)
class Match:
    score: float  # 0..1, 1 = same company
    reason: str  # a short human reason in Chinese


@dataclass(frozen=True)
class _Regions:
    prefix_cn: re.Pattern[str]  # a region at the start of a name with spaces kept
    prefix_compact: re.Pattern[str]  # a region at the start of a compact `full`
    anywhere: re.Pattern[str]  # any region mention, for conflict detection
    suffix_full: _Suffix  # a region (full form or pinyin) at the end
    suffix_any: _Suffix  # a region (also short form) at the end, before a branch suffix
    places: dict[str, tuple[str, str | None]]  # mention → (province, city or None)


@cache
def _regions() -> _Regions:
    text = resources.files("api").joinpath("data/regions.json").read_text("utf-8")
    places: dict[str, tuple[str, str | None]] = {}
    full_forms: list[str] = []

    def add(name: str, province: str, city: str | None) -> None:
        if len(name) >= 2 and name not in places:
            places[name] = (province, city)

    for province in json.loads(text)["provinces"]:
        p_full = province["name"]
        p_short = _PROVINCE_SUFFIX.sub("", p_full)
        add(p_full, p_short, None)
        add(p_short, p_short, None)
        full_forms.append(p_full)
        if p_short == "内蒙古":
            add("内蒙", p_short, None)
    for province in json.loads(text)["provinces"]:
        p_short = _PROVINCE_SUFFIX.sub("", province["name"])
        for c_full in province["cities"]:
            m = _CITY_SUFFIX.match(c_full)
            c_short = m.group(1) if m else c_full
            if c_full.endswith("特别行政区"):
                c_short = c_full.removesuffix("特别行政区")
            add(c_full, p_short, c_short)
            add(c_short, p_short, c_short)
            full_forms.append(c_full)
    for district in _DISTRICTS:
        places.setdefault(district, ("", None))
        full_forms.append(district)
    cn_alt = _alternation([k for k in places if not k.isascii()])
    py_alt = _alternation(list(_PINYIN_REGIONS))
    places.update(_PINYIN_REGIONS)
    places["hongkong"] = places["hong kong"] = ("香港", "香港")
    compact_py = _alternation([k.replace(" ", "") for k in _PINYIN_REGIONS])
    return _Regions(
        prefix_cn=re.compile(rf"^(?:{cn_alt}|(?:{py_alt})(?![a-z0-9]))\s*"),
        prefix_compact=re.compile(rf"^(?:{cn_alt}|{compact_py})"),
        anywhere=re.compile(rf"{cn_alt}|{compact_py}"),
        # "3M中国有限公司", "... (China) Co., Ltd." once brackets are gone.
        suffix_full=_Suffix([*full_forms, *_PINYIN_REGIONS, "中国", "china"]),
        suffix_any=_Suffix(list(places)),
        places=places,
    )


@cache
def _t2s() -> opencc.OpenCC:
    converter = opencc.OpenCC("t2s")
    converter.convert("臺")  # loads the dictionaries now, not lazily on first use by some thread
    return converter


# Characters seen so far, split by whether OpenCC changes them on their own (bounded by the
# number of distinct characters in names: a few thousand).
_PLAIN_CHARS: set[str] = set()
_TRADITIONAL_CHARS: set[str] = set()


def _has_traditional(text: str) -> bool:
    chars = set(text)
    unseen = chars - _PLAIN_CHARS - _TRADITIONAL_CHARS
    for char in unseen:
        (_TRADITIONAL_CHARS if _t2s().convert(char) != char else _PLAIN_CHARS).add(char)
    return not chars.isdisjoint(_TRADITIONAL_CHARS)


def _to_simplified(text: str) -> str:
    # The converter is slow (~35 µs a name); most names are already simplified, so convert
    # (phrase-aware) only names with at least one character that changes on its own.
    if text.isascii() or not _has_traditional(text):
        return text
    return str(_t2s().convert(text))


def _clean(name: str) -> str:
    """NFKC, simplified, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", name or "")
    text = _to_simplified(text).lower()
    return _SPACES.sub(" ", text).strip()


def _strip_legal(text: str) -> str:
    """Remove legal-form suffixes (repeatedly: 集团股份有限公司, co. ltd, ...)."""
    while True:
        text = text.rstrip(" .,&")
        stripped = _LEGAL_EN_SUFFIX.strip(_LEGAL_CN_SUFFIX.strip(text))
        if stripped == text:
            return text
        text = stripped


def _strip_region_prefix(text: str, pattern: re.Pattern[str]) -> str:
    while True:
        m = pattern.match(text)
        if not m or len(_NON_WORD.sub("", text[m.end() :])) < 2:
            return text
        text = text[m.end() :]


def _strip_branch(text: str) -> str:
    """ "华为技术有限公司东莞分公司" → "华为技术有限公司"; "华为东莞分公司" → "华为"."""
    start = _BRANCH.start(text)
    if start is None:
        return text
    head = text[:start].rstrip()
    legal_ends = [m.end() for m in _LEGAL_CN_ANY.finditer(head)]
    if legal_ends:
        return head[: legal_ends[-1]]
    stripped = _regions().suffix_any.strip(head)
    return stripped if len(_NON_WORD.sub("", stripped)) >= 2 else head


def _remove_fillers(text: str) -> str:
    return _FILLER_EN.sub(" ", _FILLER_CN.sub(" ", text))


def _bigrams(core: str) -> frozenset[str]:
    if len(core) < 2:
        return frozenset([core]) if core else frozenset()
    return frozenset(core[i : i + 2] for i in range(len(core) - 1))


def normalise(name: str) -> NormalisedName:
    text = _clean(name)
    full = _NON_WORD.sub("", _BRACKET_CHARS.sub("", text))

    # The distinguishing part: no bracketed place/branch, branch suffix, legal form, region.
    work = _BRACKETED.sub(" ", text)
    work = _BRACKET_CHARS.sub(" ", work)
    work = _SPACES.sub(" ", _NON_WORD.sub(" ", work)).strip()
    work = _strip_branch(work)
    work = _strip_legal(work)
    regions = _regions()
    work = _strip_region_prefix(work, regions.prefix_cn)
    without_suffix_region = regions.suffix_full.strip(work)
    if len(_NON_WORD.sub("", without_suffix_region)) >= 2:
        work = _strip_legal(without_suffix_region)
    stem = _NON_WORD.sub("", work)
    core = _NON_WORD.sub("", _remove_fillers(work))
    if len(core) < 2:
        core = stem
    if not core:
        core = full
    return NormalisedName(full=full, core=core, grams=_bigrams(core))


# --- comparison --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Profile:
    stem: str  # `full` without region prefix and legal-form suffix, fillers kept
    industry: frozenset[str]  # industry words (canonical) named outside the core
    generic_words: frozenset[str]  # generic words named outside the core
    provinces: frozenset[str]
    cities: frozenset[str]
    generic_core: bool  # the core is only filler words: it identifies nobody


def _strip_compact_legal(full: str) -> str:
    while True:
        stripped = _LEGAL_CN_SUFFIX.strip(full)
        if stripped == full and full.isascii():
            stripped = _LEGAL_COMPACT_SUFFIX.strip(full)
        if stripped == full or len(stripped) < 2:
            return full
        full = stripped


@lru_cache(maxsize=262144)
def _profile(full: str, core: str) -> _Profile:
    regions = _regions()
    stem = _strip_region_prefix(_strip_compact_legal(full), regions.prefix_compact)
    rest = full.replace(core, " ", 1) if core else full
    words: set[str] = set()
    for m in _FILLER_CN.finditer(rest):
        words.add(_CN_CANONICAL.get(m.group(), m.group()))
    if rest.isascii():
        for m in _FILLER_EN_COMPACT.finditer(rest):
            words.add(_EN_CANONICAL.get(m.group(), m.group()))
    industry = frozenset(w for w in words if w in _INDUSTRY_SET)
    provinces: set[str] = set()
    cities: set[str] = set()
    for m in regions.anywhere.finditer(rest):
        province, city = regions.places.get(m.group(), ("", None))
        if province:
            provinces.add(province)
        if city:
            cities.add(city)
    generic_core = len(_NON_WORD.sub("", _remove_fillers(core))) < 2
    return _Profile(
        stem=stem,
        industry=industry,
        generic_words=frozenset(words - industry),
        provinces=frozenset(provinces),
        cities=frozenset(cities),
        generic_core=generic_core,
    )


def _regions_conflict(a: _Profile, b: _Profile) -> bool:
    if a.cities and b.cities and not a.cities & b.cities:
        return True
    return bool(a.provinces and b.provinces and not a.provinces & b.provinces)


def _regions_agree(a: _Profile, b: _Profile) -> bool:
    if not (a.provinces or a.cities) and not (b.provinces or b.cities):
        return True
    return a.provinces == b.provinces and a.cities == b.cities


def _tie_break(a: _Profile, b: _Profile) -> float:
    """0..0.005: ranks equal cores by how close the rest of the names are, without ever moving
    a score across a tier (tiers are at least 0.02 apart, thresholds 0.005 away from them)."""
    return 0.005 * (1 - fuzz.ratio(a.stem, b.stem) / 100)


def _same_core(a: _Profile, b: _Profile) -> Match:
    if a.industry == b.industry:
        if a.generic_words == b.generic_words:
            score, reason = 0.97, "去除地区和公司类型后相同"
        elif a.generic_words <= b.generic_words or b.generic_words <= a.generic_words:
            score, reason = 0.95, "去除地区、公司类型和通用词后相同"
        else:  # "TCL科技" vs "TCL实业控股": both say something, and not the same thing
            score, reason = 0.90, "核心字号相同，通用词不同"
    elif not a.industry or not b.industry or a.industry < b.industry or b.industry < a.industry:
        score, reason = 0.90, "核心字号相同，一方多出行业词"
    else:
        score, reason = 0.85, "核心字号相同，行业词不同"
    if _regions_conflict(a, b):
        score -= 0.02
        reason += "（地区不同）"
    return Match(round(score - _tie_break(a, b), 4), reason)


def _generic_core(a: _Profile, b: _Profile, same: bool, fuzzy: float) -> Match:
    if not same:
        return Match(round(min(fuzzy, 0.5), 4), "仅行业通用词相似")
    if _regions_conflict(a, b):
        return Match(0.3, "仅行业通用词相同，地区不同")
    if _regions_agree(a, b):
        return Match(round(0.93 - _tie_break(a, b), 4), "名称仅含行业通用词，地区相同")
    return Match(0.7, "仅行业通用词相同，一方未写地区")


def compare(query: NormalisedName, existing: NormalisedName) -> Match:
    if not query.full or not existing.full:
        return Match(0.0, "名称为空")
    if query.full == existing.full:
        return Match(1.0, "名称完全相同")
    a = _profile(query.full, query.core)
    b = _profile(existing.full, existing.core)
    qc, ec = query.core, existing.core

    ratio = fuzz.ratio(qc, ec) / 100
    partial = fuzz.partial_ratio(qc, ec) / 100 if min(len(qc), len(ec)) >= 2 else 0.0
    stem = fuzz.ratio(a.stem, b.stem) / 100
    fuzzy = 0.5 * ratio + 0.25 * partial + 0.25 * stem

    if a.generic_core or b.generic_core:
        return _generic_core(a, b, qc == ec, fuzzy)
    if qc == ec:
        return _same_core(a, b)

    # Different cores never block: at most a strong candidate for the vendor to decide.
    score = min(fuzzy, NEAR_EXACT - 0.02)
    if partial == 1.0 and min(len(qc), len(ec)) >= 2:
        reason = "一方字号包含另一方"
    elif score >= 0.75:
        reason = "名称高度相似"
    elif score >= CANDIDATE:
        reason = "名称部分相似"
    else:
        reason = "名称不同"
    return Match(round(score, 4), reason)


# --- warnings at entry ------------------------------------------------------------------------


def name_warnings(name: str) -> list[str]:
    """Codes for a name that does not look like an official full name.

    - "missing_legal_form": no legal-form suffix (有限公司, 集团, 厂, Co., Ltd, ...);
    - "looks_like_short_name": the whole name is at most 4 characters, or its core is at most
      2 characters while the name has no legal form (most 字号 have two characters, so a
      full "华为技术有限公司" is not warned about), or a single short Latin word (a brand).
    """
    text = _clean(name)
    if not text:
        return ["missing_legal_form", "looks_like_short_name"]
    body = _SPACES.sub(" ", _NON_WORD.sub(" ", _BRACKET_CHARS.sub(" ", text))).strip()
    unbranched = _strip_branch(body)
    has_legal = _strip_legal(body) != body or _strip_legal(unbranched) != unbranched
    warnings: list[str] = []
    if not has_legal:
        warnings.append("missing_legal_form")
    normalised = normalise(name)
    brand_like = bool(_LATIN_WORD.match(body)) and len(body) <= 12
    if (
        len(normalised.full) <= 4
        or len(normalised.core) <= 1
        or (not has_legal and len(normalised.core) <= 2)
        or (brand_like and not has_legal)
    ):
        warnings.append("looks_like_short_name")
    return warnings
