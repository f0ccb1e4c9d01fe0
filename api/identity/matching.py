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
from pypinyin import lazy_pinyin
from rapidfuzz import fuzz

from api.identity import unicode_tables, words

NEAR_EXACT = 0.92  # score >= this blocks a registration (same company)
CANDIDATE = 0.65  # score >= this is listed as a possible conflict for the manufacturer to decide

_OPEN = "([{【〔〖「『《〈<"
_CLOSE = ")]}】〕〗」』》〉>"
_BRACKETED = re.compile(f"[{re.escape(_OPEN)}][^{re.escape(_OPEN + _CLOSE)}]*[{re.escape(_CLOSE)}]")
_BRACKET_CHARS = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
_NON_WORD = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")


def _alternation(terms: list[str] | tuple[str, ...] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(terms), key=len, reverse=True))


class _Suffix:
    """Finds one of many terms at the end of a text, fast: an anchored match on the reversed
    text (a `(...)$` search would try the whole alternation at every position)."""

    def __init__(self, terms: list[str] | tuple[str, ...] | set[str], whole_words: bool = True):
        cjk = [w[::-1] for w in terms if not w.isascii()]
        latin = [w[::-1] for w in terms if w.isascii()]
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


_LEGAL_CN_SUFFIX = _Suffix(words.LEGAL_CN)
_LEGAL_CN_ANY = re.compile(_alternation(words.LEGAL_CN))
_LEGAL_EN_SUFFIX = _Suffix(words.LEGAL_EN)
# In `full` the spaces are gone: a compact English suffix (coltd, co, ltd, limited, ...).
_LEGAL_COMPACT_SUFFIX = _Suffix(
    [w for w in words.LEGAL_EN if len(w) > 2 or w == "co"], whole_words=False
)
_BRANCH = _Suffix((*words.BRANCH_SUFFIXES, "branch", "branch office"))
_FILLER_CN = re.compile(_alternation(words.GENERIC_CN + words.INDUSTRY_CN))
_FILLER_EN = re.compile(rf"\b(?:{_alternation(words.GENERIC_EN + words.INDUSTRY_EN)})\b")
# In a compact `full` there are no word boundaries: only words long enough not to hide in others.
_FILLER_EN_COMPACT = re.compile(
    _alternation([w for w in words.GENERIC_EN + words.INDUSTRY_EN if len(w) >= 4 and w != "info"])
)
_INDUSTRY_SET = frozenset(words.INDUSTRY_CN) | frozenset(words.INDUSTRY_EN)
_LATIN_WORD = re.compile(r"^[a-z][a-z0-9\-.&']*$")
_LATIN_TAIL = re.compile(rf"^(.*(?:{_alternation(words.LEGAL_CN)}))[\s\W_a-z0-9]+$")

_PROVINCE_SUFFIX = re.compile(r"(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$")
_ETHNIC = "朝鲜|土家|苗|羌|藏|彝|布依|侗|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|柯尔克孜|哈萨克|黎|维吾尔"
_CITY_SUFFIX = re.compile(rf"^(.+?)(?:(?:(?:{_ETHNIC})族?)+自治[州县区]|地区|林区|盟|县|市)$")


@dataclass(frozen=True)
class NormalisedName:
    full: str
    core: str
    grams: frozenset[str]
    romanised: str = ""  # the core as Latin letters: pinyin of a Chinese core ("振华" -> "zhenhua")


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
    for district in words.DISTRICTS:
        places.setdefault(district, ("", None))
        full_forms.append(district)
    cn_alt = _alternation([k for k in places if not k.isascii()])
    py_alt = _alternation(list(words.PINYIN_REGIONS))
    places.update(words.PINYIN_REGIONS)
    places["hongkong"] = places["hong kong"] = ("香港", "香港")
    compact_py = _alternation([k.replace(" ", "") for k in words.PINYIN_REGIONS])
    return _Regions(
        prefix_cn=re.compile(rf"^(?:{cn_alt}|(?:{py_alt})(?![a-z0-9]))\s*"),
        prefix_compact=re.compile(rf"^(?:{cn_alt}|{compact_py})"),
        anywhere=re.compile(rf"{cn_alt}|{compact_py}"),
        # "3M中国有限公司", "... (China) Co., Ltd." once brackets are gone.
        suffix_full=_Suffix([*full_forms, *words.PINYIN_REGIONS, "中国", "china"]),
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


# Characters that render as nothing are dropped; a radical or stroke written for an ideograph
# becomes that ideograph (NFKC already folds width, compatibility ideographs, Kangxi radicals).
_INVISIBLE = {
    cp: None for start, end in unicode_tables.DEFAULT_IGNORABLE for cp in range(start, end + 1)
} | {0x2800: None}  # braille blank: looks like a space, is a symbol
_LOOKALIKES: dict[int, int | None] = {**_INVISIBLE, **unicode_tables.EQUIVALENT_IDEOGRAPH}


def fold_lookalikes(text: str) -> str:
    """What a reader sees: NFKC, without invisible code points (zero-width, bidi marks, Hangul
    fillers, variation selectors), radicals as the ideographs they look like."""
    return unicodedata.normalize("NFKC", text or "").translate(_LOOKALIKES)


def has_invisible(text: str) -> bool:
    """True when the text holds a code point that renders as nothing."""
    return any(ord(char) in _INVISIBLE for char in unicodedata.normalize("NFKC", text or ""))


def _clean(name: str) -> str:
    """Lookalikes folded, simplified, lower case, single spaces."""
    text = _to_simplified(fold_lookalikes(name)).lower()
    return _SPACES.sub(" ", text).strip()


def _drop_latin_tail(text: str) -> str:
    """ "…有限公司 AB", "…有限公司2": letters or digits after a Chinese legal form are noise (a
    way to make a protected name look new), not part of the name."""
    match = _LATIN_TAIL.match(text)
    return match.group(1) if match else text


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


# Every conflict check re-reads the names of its few dozen candidates; a company's name is
# normalised once per process instead (a pure function of the text; the result is frozen).
@lru_cache(maxsize=100_000)
def normalise(name: str) -> NormalisedName:
    text = _drop_latin_tail(_clean(name))
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
    return NormalisedName(full=full, core=core, grams=_bigrams(core), romanised=romanise(core))


@lru_cache(maxsize=65536)
def romanise(core: str) -> str:
    """The core in Latin letters: pinyin syllables of its Chinese characters, Latin letters and
    digits as they are, all run together ("振华" -> "zhenhua", "zhen hua" -> "zhenhua")."""
    syllables = lazy_pinyin(core, errors=lambda text: text)  # non-Chinese text kept as is
    return "".join(c for c in "".join(syllables).lower() if c.isascii() and c.isalnum())


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
    fillers: set[str] = set()
    for m in _FILLER_CN.finditer(rest):
        fillers.add(words.CN_CANONICAL.get(m.group(), m.group()))
    if rest.isascii():
        for m in _FILLER_EN_COMPACT.finditer(rest):
            fillers.add(words.EN_CANONICAL.get(m.group(), m.group()))
    industry = frozenset(w for w in fillers if w in _INDUSTRY_SET)
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
        generic_words=frozenset(fillers - industry),
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


# Shorter romanised cores ("an", "li") say nothing.
MIN_ROMANISED = 4


def _same_sound(a: _Profile, b: _Profile, *, cross_script: bool) -> Match:
    """The cores sound the same: an English or pinyin name of a Chinese one ("Zhenhua
    Microelectronics" / 振华微电子), or two Chinese cores written with different characters of the
    same sound (汇顶 / 慧鼎). Never blocks: the vendor decides (a sound is not a company)."""
    if not cross_script:
        score, reason = 0.80, "字号同音（拼音相同，汉字不同）"
    elif a.industry == b.industry:
        score, reason = 0.90, "英文或拼音名称与中文字号读音相同"
    else:
        score, reason = 0.85, "英文或拼音名称与中文字号读音相同，行业词不同"
    if _regions_conflict(a, b):
        score -= 0.02
        reason += "（地区不同）"
    return Match(round(score - _tie_break(a, b), 4), reason)


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
    if len(query.romanised) >= MIN_ROMANISED and query.romanised == existing.romanised:
        return _same_sound(a, b, cross_script=qc.isascii() != ec.isascii())

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
