"""Names that look the same are the same (issue: a protected name copied with an invisible
Hangul filler, a trailing full-width ＡＢ or a Kangxi radical passed unseen). Normalisation folds
lookalikes before matching and before the stored key; a name holding invisible characters or made
mostly of symbols is refused with a message."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.identity.matching import NEAR_EXACT, compare, normalise
from api.identity.service import name_text_problem
from api.identity.unicode_tables import DEFAULT_IGNORABLE, EQUIVALENT_IDEOGRAPH
from tests.registrations.test_applications import apply

PROTECTED = [
    "深圳市宏图智能科技有限公司",
    "广州市大山电子科技有限公司",
    "厦门市长江电器有限公司",
    "东莞市金土地精密机械有限公司",
]

# 24 variants an agent typed to pass a protected name off as new: each must be blocked.
REGRESSIONS = [
    ("深圳市宏\u3164图智能科技有限公司", PROTECTED[0]),  # Hangul filler: looks blank
    ("深圳市宏\u115f图智能科技有限公司", PROTECTED[0]),  # Hangul choseong filler
    ("深圳市宏\u1160图智能科技有限公司", PROTECTED[0]),  # Hangul jungseong filler
    ("深圳市宏\uffa0图智能科技有限公司", PROTECTED[0]),  # half-width Hangul filler
    ("深圳市宏图智能科技有限公司ＡＢ", PROTECTED[0]),  # trailing full-width letters
    ("深圳市宏图智能科技有限公司AB", PROTECTED[0]),  # trailing Latin letters
    ("深圳市宏图智能科技有限公司 02", PROTECTED[0]),  # trailing digits
    ("深\u200b圳市宏图智能科技有限公司", PROTECTED[0]),  # zero-width space
    ("深圳\u200c市宏图智能科技有限公司", PROTECTED[0]),  # zero-width non-joiner
    ("深圳市\u200d宏图智能科技有限公司", PROTECTED[0]),  # zero-width joiner
    ("深圳市宏图\u2060智能科技有限公司", PROTECTED[0]),  # word joiner
    ("\ufeff深圳市宏图智能科技有限公司", PROTECTED[0]),  # byte-order mark
    ("深圳市宏图\u00ad智能科技有限公司", PROTECTED[0]),  # soft hyphen
    ("深圳市宏图智能\u200e科技有限公司", PROTECTED[0]),  # left-to-right mark
    ("深圳市宏图智能\u202e科技有限公司", PROTECTED[0]),  # right-to-left override
    ("深圳市\u2066宏图\u2069智能科技有限公司", PROTECTED[0]),  # bidi isolates
    ("深圳市宏图\ufe0f智能科技有限公司", PROTECTED[0]),  # variation selector
    ("深圳市宏图\U000e0100智能科技有限公司", PROTECTED[0]),  # ideographic variation selector
    ("深圳市宏图\u180b智能科技有限公司", PROTECTED[0]),  # Mongolian variation selector
    ("广州市⼤⼭电子科技有限公司", PROTECTED[1]),  # Kangxi radicals (U+2F24, U+2F2D)
    ("厦门市⻓江电器有限公司", PROTECTED[2]),  # CJK radical supplement (U+2ED3)
    ("东莞市金⼟地精密机械有限公司", PROTECTED[3]),  # Kangxi radical earth (U+2F1F)
    ("东莞市金土地精密机械有限公司\u3000Ｃｏ", PROTECTED[3]),  # ideographic space, full width
    ("广州市\u2800大山电子科技有限公司", PROTECTED[1]),  # braille blank
]


@pytest.mark.parametrize(("variant", "protected"), REGRESSIONS)
def test_each_known_lookalike_of_a_protected_name_is_the_same_company(
    variant: str, protected: str
) -> None:
    assert compare(normalise(variant), normalise(protected)).score >= NEAR_EXACT
    assert normalise(variant).full == normalise(protected).full  # the stored key too


def test_twenty_four_regressions_are_kept() -> None:
    assert len(REGRESSIONS) == 24


_INVISIBLE = [
    chr(cp) for start, end in DEFAULT_IGNORABLE for cp in range(start, min(end, start + 8) + 1)
]
_RADICAL_OF: dict[str, list[str]] = {}
for _radical, _ideograph in EQUIVALENT_IDEOGRAPH.items():
    _RADICAL_OF.setdefault(chr(_ideograph), []).append(chr(_radical))
for _cp in range(0xF900, 0xFB00):  # CJK compatibility ideographs
    _folded = unicodedata.normalize("NFKC", chr(_cp))
    if _folded != chr(_cp):
        _RADICAL_OF.setdefault(_folded, []).append(chr(_cp))


@st.composite
def _lookalike(draw: st.DrawFn) -> tuple[str, str]:
    """A protected name with invisible characters inserted and characters swapped for their
    radical or compatibility lookalikes, at random places."""
    protected = draw(st.sampled_from(PROTECTED))
    chars = list(protected)
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(chars)))
        chars.insert(position, draw(st.sampled_from(_INVISIBLE)))
    for index, char in enumerate(chars):
        if char in _RADICAL_OF and draw(st.booleans()):
            chars[index] = draw(st.sampled_from(_RADICAL_OF[char]))
    return "".join(chars), protected


@settings(max_examples=500, deadline=None, derandomize=True)
@given(_lookalike())
def test_random_invisible_and_compatibility_characters_never_make_a_new_company(
    case: tuple[str, str],
) -> None:
    variant, protected = case
    assert normalise(variant).full == normalise(protected).full
    assert name_text_problem(variant) == "company_name_invisible"


@pytest.mark.parametrize(("variant", "protected"), REGRESSIONS[:6] + REGRESSIONS[19:22])
async def test_the_lookalike_is_blocked_by_the_check_and_the_registration(
    client, factory, world, variant: str, protected: str
) -> None:
    await factory.customer(world.agent_a, world.a_sales, name=protected)
    check = await client.get(
        "/api/v1/registrations/check", params={"name": variant}, headers=world.b_sales.headers
    )
    assert check.json()["blocked"] is True
    applied = await apply(
        client, world.b_sales, name=variant, product_domain_id=await factory.domain_id()
    )
    assert applied.status_code == 409 and applied.json()["code"] == "registration_blocked"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("深圳市新\u200b公司有限公司", "company_name_invisible"),
        ("★★★☆☆◆◆有限公司◆◆◆◆◆", "company_name_symbols"),
        ("##$$%%^^&&**", "company_name_symbols"),
    ],
)
async def test_a_name_with_invisible_characters_or_mostly_symbols_is_refused_with_a_message(
    client, factory, world, name: str, problem: str
) -> None:
    response = await apply(
        client, world.a_sales, name=name, product_domain_id=await factory.domain_id()
    )
    assert response.status_code == 422 and response.json()["code"] == problem
    assert response.json()["detail"]
