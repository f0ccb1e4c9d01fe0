"""Company-name normalisation and matching (SPEC §5, conflict detection). Pure: no database.

Labelling rules of `name_pairs.csv` (same = 1: an agent writing either name is chasing the same
customer; 0: two different customers):

1. The same name written differently is the same: full/half width (（） vs (), ＴＣＬ vs TCL),
   traditional vs simplified, spaces and punctuation, a region prefix present or absent or more
   or less specific (深圳市 / 广东省深圳市 / none), a legal form present, absent or different
   (股份有限公司 / 有限责任公司 / 厂 / Co., Ltd.), English names in any case and punctuation.
2. A branch (分公司, 办事处, "(东莞)分公司", "Shenzhen Branch") is the same as its company.
3. The same 字号 and business words with a different place — in brackets (纬创资通(昆山) vs
   纬创资通(中山)) or as prefix (苏州汇川技术 vs 深圳市汇川技术) — is the same: SPEC §5 ignores
   region prefixes and bracketed places; the manufacturer treats a group's city subsidiaries as
   one customer.
4. Generic words (科技, 技术, 实业, 创新, 信息, 数字 …) added, dropped or swapped do not make
   another company (华强电子 vs 华强电子科技, 大疆创新科技 vs 大疆科技).
5. A bare 字号 against the 字号 plus one industry word (美的集团 vs 美的电器, 深圳华强科技 vs
   深圳华强电子, 视源股份 vs 视源电子科技) is the same: the agent dropped or misremembered the
   industry word. The matcher leaves these to the vendor (a high candidate, not blocked).
6. Typos: the same when the 字号 has three or more characters and one differs (比亚迪/比亚笛,
   紫光展锐/紫光展瑞), or when the typo is in the industry or legal words (科技/科枝, 有限/有线,
   truncated 有限公). One different character in a two-character 字号 is another 字号 and so
   another company (汇顶/惠鼎, 格力/格丽), however similar it sounds.
7. The same brand with conflicting business words is different (长城汽车 vs 长城电脑, 华为技术 vs
   华为终端, TCL科技 vs TCL实业控股, 格力电器 vs 格力地产): distinct legal entities and
   purchasing organisations. The matcher flags them for the vendor but never blocks them.
8. Same region and same industry words with a different 字号 are different companies; so are
   names made only of region + generic words (深圳市科技电子 vs 广州市科技电子) in other regions.
9. Not in the set, because the matcher cannot see it (no pinyin/translation, no group
   registry): a Chinese name against its English name (华为 vs Huawei), and group members with
   unrelated 字号 (富士康 vs 鸿富锦).
"""

import csv
from pathlib import Path

import pytest

from api.identity.matching import (
    CANDIDATE,
    NEAR_EXACT,
    Match,
    NormalisedName,
    compare,
    name_warnings,
    normalise,
)
from api.identity.service import grams_of
from api.identity.words import LEGAL_FORMS

PAIRS_FILE = Path(__file__).with_name("name_pairs.csv")


def score(a: str, b: str) -> Match:
    return compare(normalise(a), normalise(b))


def blocked(a: str, b: str) -> bool:
    return score(a, b).score >= NEAR_EXACT


def flagged(a: str, b: str) -> bool:
    return score(a, b).score >= CANDIDATE


def load_pairs() -> list[tuple[str, str, int]]:
    with PAIRS_FILE.open(encoding="utf-8", newline="") as f:
        return [(row["a"], row["b"], int(row["same"])) for row in csv.DictReader(f)]


# --- normalisation -----------------------------------------------------------------------------


def test_normalised_name_has_full_core_and_grams() -> None:
    name = normalise("深圳市华强电子有限公司")
    assert name.full == "深圳市华强电子有限公司"
    assert name.core == "华强"
    assert name.grams == frozenset({"华强"})
    assert normalise("兆易创新科技集团股份有限公司").core == "兆易"
    assert normalise("海康威视数字技术股份有限公司").grams == frozenset({"海康", "康威", "威视"})


def test_grams_of_a_single_character_core_is_that_character() -> None:
    assert normalise("华").grams == frozenset({"华"})
    assert normalise("").grams == frozenset()


def test_full_width_and_half_width_names_are_the_same() -> None:
    assert normalise("ＴＣＬ科技集团股份有限公司") == normalise("TCL科技集团股份有限公司")
    assert normalise("芯海科技（深圳）股份有限公司") == normalise("芯海科技(深圳)股份有限公司")
    assert score("ＴＣＬ科技集团股份有限公司", "TCL科技集团股份有限公司") == Match(
        1.0, "名称完全相同"
    )
    assert blocked(
        "Ｑｕｅｃｔｅｌ Ｗｉｒｅｌｅｓｓ Ｓｏｌｕｔｉｏｎｓ Ｃｏ．，Ｌｔｄ．",
        "Quectel Wireless Solutions Co., Ltd.",
    )


def test_traditional_and_simplified_names_are_the_same() -> None:
    assert normalise("鴻海精密工業股份有限公司").full == "鸿海精密工业股份有限公司"
    assert normalise("深圳市華強電子有限公司") == normalise("深圳市华强电子有限公司")
    assert score("瑞昱半導體股份有限公司", "瑞昱半导体股份有限公司").score == 1.0


def test_traditional_conversion_is_phrase_aware() -> None:
    # 乾 is 干 on its own but stays 乾 in 乾坤: OpenCC converts phrases, not just characters.
    assert normalise("乾坤電子有限公司").full == "乾坤电子有限公司"


def test_spaces_punctuation_and_case_are_ignored() -> None:
    assert normalise("深圳市 汇顶科技 股份有限公司") == normalise("深圳市汇顶科技股份有限公司")
    assert normalise("维沃移动通信有限公司。") == normalise("维沃移动通信有限公司")
    assert normalise("HUAWEI TECHNOLOGIES CO.,LTD") == normalise("Huawei Technologies Co., Ltd.")


def test_region_prefix_and_legal_form_are_ignored() -> None:
    core = normalise("汇顶科技").core
    for name in (
        "深圳市汇顶科技股份有限公司",
        "深圳汇顶科技有限公司",
        "广东省深圳市汇顶科技有限责任公司",
        "汇顶科技股份有限公司",
        "深圳市南山区汇顶科技有限公司",
    ):
        assert normalise(name).core == core == "汇顶", name
        assert blocked(name, "汇顶科技"), name
    assert score("深圳市汇顶科技股份有限公司", "汇顶科技股份有限公司").reason == (
        "去除地区和公司类型后相同"
    )


def test_regions_come_from_the_national_division_list() -> None:
    # Short forms are derived from regions.json, including autonomous prefectures and regions.
    assert normalise("内蒙古伊利实业集团股份有限公司").core == "伊利"
    assert normalise("延边朝鲜族自治州华强电子有限公司").core == "华强"
    assert normalise("黔东南华强电子有限公司").core == "华强"
    assert normalise("广西壮族自治区玉柴机器股份有限公司").core == "玉柴机器"


def test_a_region_is_never_stripped_down_to_nothing() -> None:
    assert normalise("深圳市有限公司").core == "深圳市"


def test_parenthesised_place_and_branch_are_ignored() -> None:
    assert normalise("纬创资通（昆山）有限公司").core == "纬创资通"
    assert normalise("华为技术有限公司东莞分公司").core == "华为"
    assert normalise("深圳市华强电子有限公司(东莞)分公司").core == "华强"
    assert normalise("歌尔股份有限公司潍坊办事处").core == "歌尔"
    assert normalise("华为东莞分公司").core == "华为"
    assert blocked("华为技术有限公司", "华为技术有限公司东莞分公司")
    assert blocked("深圳市大疆创新科技有限公司", "深圳市大疆创新科技有限公司（上海）分公司")


def test_bracket_content_stays_in_full() -> None:
    # `full` is the uniqueness key: "XX(深圳)有限公司" is registered apart from "XX有限公司".
    assert normalise("华为技术（深圳）有限公司").full == "华为技术深圳有限公司"
    assert normalise("华为技术（深圳）有限公司").full != normalise("华为技术有限公司").full


def test_english_names_are_normalised() -> None:
    name = normalise("Shenzhen Huaqiang Electronics Co., Ltd.")
    assert name.full == "shenzhenhuaqiangelectronicscoltd"
    assert name.core == "huaqiang"
    assert normalise("Huawei Device (Shenzhen) Co., Ltd.").core == "huawei"
    assert normalise("Huawei Technologies Co., Ltd. Shenzhen Branch").core == "huawei"
    assert normalise("GigaDevice Semiconductor (Beijing) Inc.").core == "gigadevice"
    assert blocked("Shenzhen Huaqiang Electronics Co., Ltd.", "HUAQIANG ELECTRONICS CO LTD")
    assert not blocked("Huawei Technologies Co., Ltd.", "Huahong Technologies Co., Ltd.")


# --- scoring -----------------------------------------------------------------------------------


def test_identical_names_score_one() -> None:
    assert score("华为技术有限公司", "华为技术有限公司") == Match(1.0, "名称完全相同")


def test_empty_names_never_match() -> None:
    assert score("", "华为技术有限公司").score == 0.0


def test_filler_words_weigh_less() -> None:
    # Same 字号, the industry word changed or dropped: a strong candidate, the vendor decides.
    for a, b in (
        ("深圳华强电子有限公司", "深圳华强科技有限公司"),
        ("美的集团", "美的电器有限公司"),
        ("美的集团股份有限公司", "广东美的电器股份有限公司"),
    ):
        match = score(a, b)
        assert CANDIDATE <= match.score < NEAR_EXACT, (a, b, match)
        assert match.score >= 0.85, (a, b, match)
    # A generic word added: blocked.
    assert blocked("深圳市华强电子有限公司", "深圳市华强电子科技有限公司")
    assert blocked("深圳市大疆创新科技有限公司", "大疆科技有限公司")
    # A different 字号 that shares all filler words is far lower than a shared 字号.
    assert score("深圳华强电子有限公司", "深圳华勤电子有限公司").score < CANDIDATE


def test_subsidiary_with_its_own_business_word_is_a_candidate() -> None:
    match = score("华为技术有限公司", "华为终端有限公司")
    assert CANDIDATE <= match.score < NEAR_EXACT
    assert match.reason == "一方字号包含另一方"


def test_same_brand_with_conflicting_industry_words_is_a_candidate_not_blocked() -> None:
    match = score("长城汽车股份有限公司", "长城电脑有限公司")
    assert CANDIDATE <= match.score < NEAR_EXACT
    assert match.reason == "核心字号相同，行业词不同"
    assert not blocked("TCL科技集团股份有限公司", "TCL实业控股股份有限公司")


def test_different_companies_sharing_industry_words_are_not_blocked() -> None:
    match = score("深圳市科技电子有限公司", "广州市科技电子有限公司")
    assert match.score < CANDIDATE, match
    for a, b in (
        ("深圳市科技电子有限公司", "东莞市科技电子有限公司"),
        ("深圳市电子科技有限公司", "深圳市华强电子科技有限公司"),
        ("深圳市汇顶科技股份有限公司", "深圳市中兴科技有限公司"),
        ("东莞市华贝电子科技有限公司", "东莞市华宝电子科技有限公司"),
    ):
        assert not blocked(a, b), (a, b)
    # The same generic-only name in the same region is the same company.
    assert blocked("深圳市科技电子有限公司", "深圳科技电子公司")


def test_same_sounding_two_character_names_are_flagged_for_the_vendor_never_blocked() -> None:
    # 汇顶/惠鼎 may be a salesperson writing a name by ear, or another company: the vendor decides.
    for a, b in (
        ("深圳市汇顶科技股份有限公司", "深圳市惠鼎科技有限公司"),
        ("中兴通讯股份有限公司", "中星通讯有限公司"),
        ("珠海格力电器股份有限公司", "珠海格丽电器有限公司"),
    ):
        match = score(a, b)
        assert CANDIDATE <= match.score < NEAR_EXACT, (a, b)
        assert "同音" in match.reason


def test_one_character_typo_in_a_long_name_is_flagged_not_blocked() -> None:
    for a, b in (
        ("比亚迪股份有限公司", "比亚笛股份有限公司"),
        ("紫光展锐（上海）科技有限公司", "紫光展瑞（上海）科技有限公司"),
        ("乐鑫信息科技（上海）股份有限公司", "乐鑫信息科枝（上海）股份有限公司"),
        ("深圳市华强电子有限公司", "深圳市华强电子有线公司"),
    ):
        assert flagged(a, b) and not blocked(a, b), (a, b, score(a, b))


def test_different_cores_never_block() -> None:
    assert score("海康威视数字技术股份有限公司", "海康威视数子技术股份有限公司").score < NEAR_EXACT


def test_same_core_in_conflicting_regions_ranks_below_the_same_region() -> None:
    same_city = score("深圳市华强电子有限公司", "华强电子(深圳)有限公司")
    other_city = score("深圳市华强电子有限公司", "广州市华强电子有限公司")
    assert other_city.score >= NEAR_EXACT  # SPEC §5: region prefixes are ignored
    assert other_city.score < same_city.score
    assert other_city.reason.endswith("（地区不同）")


def test_compare_is_symmetric() -> None:
    for a, b, _ in load_pairs():
        assert score(a, b) == score(b, a), (a, b)


def test_compare_needs_only_full_and_core() -> None:
    # The service may rebuild a NormalisedName from stored columns.
    fresh = normalise("广东美的电器股份有限公司")
    rebuilt = NormalisedName(full=fresh.full, core=fresh.core, grams=frozenset())
    query = normalise("美的集团股份有限公司")
    assert compare(query, rebuilt) == compare(query, fresh)


def test_scores_and_reasons_are_in_range() -> None:
    for a, b, _ in load_pairs():
        match = score(a, b)
        assert 0.0 <= match.score <= 1.0
        assert match.reason


# --- warnings ----------------------------------------------------------------------------------


def test_legal_forms_are_published() -> None:
    for form in ("有限公司", "股份有限公司", "有限责任公司", "集团", "公司", "厂", "ltd", "co."):
        assert form in LEGAL_FORMS


def test_full_official_names_have_no_warnings() -> None:
    for name in (
        "华为技术有限公司",
        "深圳市华强电子厂",
        "华为技术有限公司东莞分公司",
        "Huawei Technologies Co., Ltd.",
        "乐鑫信息科技（上海）股份有限公司",
    ):
        assert name_warnings(name) == [], name


def test_name_without_legal_form_is_warned() -> None:
    assert name_warnings("杭州海康威视数字技术") == ["missing_legal_form"]
    assert name_warnings("Shenzhen Huaqiang Electronics") == ["missing_legal_form"]


def test_short_names_and_brands_are_warned() -> None:
    assert name_warnings("华为") == ["missing_legal_form", "looks_like_short_name"]
    assert name_warnings("深圳华强电子") == ["missing_legal_form", "looks_like_short_name"]
    assert name_warnings("HUAWEI") == ["missing_legal_form", "looks_like_short_name"]
    assert name_warnings("美的集团") == ["looks_like_short_name"]
    assert name_warnings("") == ["missing_legal_form", "looks_like_short_name"]


# --- the labelled set --------------------------------------------------------------------------


def test_labelled_set_is_large_and_balanced() -> None:
    pairs = load_pairs()
    assert len(pairs) >= 120
    assert sum(same for *_, same in pairs) >= 50
    assert sum(1 - same for *_, same in pairs) >= 50
    assert len({(a, b) for a, b, _ in pairs}) == len(pairs)


def test_every_same_pair_shares_a_gram() -> None:
    # The database finds candidates through the index entries (core bigrams, romanised core): a
    # same pair sharing none would never even be compared.
    for a, b, same in load_pairs():
        if same:
            assert set(grams_of(normalise(a))) & set(grams_of(normalise(b))), (a, b)


def test_labelled_pairs_precision_and_recall() -> None:
    pairs = load_pairs()
    positives = sum(same for *_, same in pairs)
    blocked_true = blocked_false = flagged_true = flagged_false = 0
    misses: list[str] = []
    for a, b, same in pairs:
        match = score(a, b)
        is_blocked = match.score >= NEAR_EXACT
        is_flagged = match.score >= CANDIDATE
        blocked_true += is_blocked and same
        blocked_false += is_blocked and not same
        flagged_true += is_flagged and same
        flagged_false += is_flagged and not same
        if (is_blocked and not same) or (same and not is_flagged):
            misses.append(f"{match.score:.3f} {match.reason} | {a} | {b} | same={same}")
    negatives = len(pairs) - positives
    blocked_precision = blocked_true / max(1, blocked_true + blocked_false)
    blocked_recall = blocked_true / positives
    flagged_recall = flagged_true / positives
    print(
        f"\nlabelled pairs: {len(pairs)} ({positives} same, {negatives} different); "
        f"NEAR_EXACT={NEAR_EXACT} CANDIDATE={CANDIDATE}\n"
        f"blocked: {blocked_true} same + {blocked_false} different → "
        f"precision {blocked_precision:.3f}, recall {blocked_recall:.3f}\n"
        f"flagged (incl. blocked): {flagged_true} same + {flagged_false} different → "
        f"recall {flagged_recall:.3f}"
    )
    for line in misses:
        print("  ", line)
    assert blocked_precision >= 0.95, misses
    assert flagged_recall >= 0.95, misses
    assert blocked_recall >= 0.7


@pytest.mark.parametrize(
    ("a", "b"),
    [(a, b) for a, b, same in load_pairs() if not same],
    ids=lambda name: name[:12],
)
def test_no_different_company_is_blocked(a: str, b: str) -> None:
    assert not blocked(a, b), score(a, b)
