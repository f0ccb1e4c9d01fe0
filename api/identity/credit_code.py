"""Unified social credit code (统一社会信用代码), GB 32100-2015.

18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, Z, S, V): registration authority
(1), organisation type (1), administrative division (6), organisation code (9, itself carrying a
GB 11714 check character) and a check character over the first 17 (weights 3^i mod 31).
"""

import unicodedata

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18
_VALUES = {char: value for value, char in enumerate(CHARSET)}


def normalise_credit_code(raw: str) -> str:
    """NFKC (full-width → half-width), no surrounding or inner spaces, upper case."""
    text = unicodedata.normalize("NFKC", raw or "")
    return "".join(text.split()).upper()


def check_character(first17: str) -> str:
    """The 18th character for the first 17 (which must be from the charset)."""
    total = sum(_VALUES[char] * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    """True for a well-formed code with a correct check character (expects a normalised code)."""
    if len(code) != LENGTH or any(char not in _VALUES for char in code):
        return False
    return check_character(code[:17]) == code[17]
