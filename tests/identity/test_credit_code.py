"""Unified social credit code (统一社会信用代码), GB 32100-2015 check character."""

import pytest

from api.identity.credit_code import (
    CHARSET,
    check_character,
    is_valid_credit_code,
    normalise_credit_code,
)

# Codes published on business licences / company sites / library tests.
PUBLISHED_VALID = [
    "91440300708461136T",  # 华为技术有限公司
    "914403001922038216",
    "9144030071526726XG",  # 腾讯科技(深圳)有限公司 (js-xxx isCreditCode example)
    "91310110666007217T",  # hutool CreditCodeUtilTest
    "91310115591693856A",  # hutool CreditCodeUtilTest
]


@pytest.mark.parametrize("code", PUBLISHED_VALID)
def test_published_codes_are_valid(code: str) -> None:
    assert is_valid_credit_code(code)


def test_charset_has_no_i_o_z_s_v() -> None:
    assert len(CHARSET) == 31
    assert not set("IOZSV") & set(CHARSET)


@pytest.mark.parametrize("code", PUBLISHED_VALID)
def test_every_other_check_character_is_invalid(code: str) -> None:
    wrong = [c for c in CHARSET if c != code[-1]]
    assert not any(is_valid_credit_code(code[:-1] + c) for c in wrong)


@pytest.mark.parametrize("code", PUBLISHED_VALID)
def test_a_changed_body_character_is_caught(code: str) -> None:
    # The weights are 3^i mod 31, all non-zero mod 31: any single substitution changes the sum.
    for position in range(17):
        for char in CHARSET:
            if char != code[position]:
                mutated = code[:position] + char + code[position + 1 :]
                assert not is_valid_credit_code(mutated), mutated


def test_swapped_adjacent_characters_are_caught() -> None:
    code = "91440300708461136T"
    swapped = code[:10] + code[11] + code[10] + code[12:]
    assert swapped != code
    assert not is_valid_credit_code(swapped)


@pytest.mark.parametrize(
    "code",
    [
        "91440300708461136",  # 17 characters
        "91440300708461136TT",  # 19 characters
        "",
        "9144030070846113IT",  # I is not in the charset
        "9144030070846113OT",  # O
        "9144030070846113ZT",  # Z
        "9144030070846113ST",  # S
        "9144030070846113VT",  # V
        "91440300708461136t",  # lower case: normalise first
        "91440300 708461136T",
    ],
)
def test_malformed_codes_are_invalid(code: str) -> None:
    assert not is_valid_credit_code(code)


def test_early_pilot_codes_that_break_the_national_rule_are_rejected() -> None:
    # Some codes issued by early pilot regions before GB 32100-2015 do not pass the check
    # (hutool's test notes 91350211M00013FA1N); the checksum is the national rule.
    assert not is_valid_credit_code("91350211M00013FA1N")


def test_normalise_credit_code() -> None:
    assert normalise_credit_code(" 91440300708461136t ") == "91440300708461136T"
    assert normalise_credit_code("９１４４０３００７０８４６１１３６Ｔ") == "91440300708461136T"
    assert normalise_credit_code("9144 0300 7084 6113 6T") == "91440300708461136T"
    assert normalise_credit_code("") == ""
    assert is_valid_credit_code(normalise_credit_code("９１４４０３００７０８４６１１３６ｔ"))


def test_check_character_completes_a_code() -> None:
    assert check_character("91440300708461136") == "T"
    assert check_character("91440300192203821") == "6"
