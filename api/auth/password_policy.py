"""The one check of a password a person chooses (SPEC §4, NIST SP 800-63B-4): every path that
stores a chosen password (change, set-password link) calls `check_new_password`.

A minimum length, no composition rules, no truncation; refused: common and guessable passwords,
one word repeated (with digits or not), the person's own names with a few characters added, and
the public demo password outside demo mode."""

from functools import lru_cache
from importlib import resources

from api.config import get_settings
from api.demo.password import DEMO_PASSWORD
from api.kit.errors import AppError
from api.security import PASSWORD_MAX_LENGTH, normalise_password
from api.users.models import User

# Digits and symbols people tack on to meet a rule ("password2024!").
_TAIL = "0123456789!@#$%^&*()-_=+.?~ "
# Fewer characters than this besides a name leave the name guessable ("zhangwei2024").
_NAME_MARGIN = 6

# Runs people type instead of choosing: digit and letter sequences, keyboard rows and columns.
_SEQUENCES = (
    "01234567890123456789",
    "98765432109876543210",
    "abcdefghijklmnopqrstuvwxyz",
    "zyxwvutsrqponmlkjihgfedcba",
    "qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
)
_SERVICE_WORDS = ("channeldesk", "渠道通")


@lru_cache
def common_passwords() -> frozenset[str]:
    text = resources.files("api").joinpath("data/common-passwords.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def _stem(lowered: str) -> str:
    return lowered.rstrip(_TAIL)


def _letters(lowered: str) -> str:
    """Letters and digits only: "Zhang.Wei-Sales" and "zhangweisales" are the same name."""
    return "".join(char for char in lowered if char.isalnum())


def _is_common(lowered: str) -> bool:
    """On the common list, alone or with a digit/symbol tail, a sequence or keyboard walk, or
    the service's own name with a few characters."""
    stem = _stem(lowered)
    if lowered in common_passwords() or (len(stem) >= 4 and stem in common_passwords()):
        return True
    if any(lowered in sequence for sequence in _SEQUENCES):
        return True
    return any(word in lowered and len(lowered) - len(word) < 6 for word in _SERVICE_WORDS)


def _is_repetition(text: str) -> bool:
    size = len(text)
    return any(
        size % unit == 0 and text == text[:unit] * (size // unit)
        for unit in range(1, size // 2 + 1)
    )


def _is_repeated_word(lowered: str) -> bool:
    """One unit repeated ("abcabcabcabc"), also with separators and digits around it
    ("passwordpassword123", "aaaaaaaaaaa1", "love-love-love-2024")."""
    return _is_repetition(lowered) or _is_repetition(_letters(lowered).strip("0123456789"))


def _contains_a_name(lowered: str, user: User) -> bool:
    """The login name, the display name or the email's local part plus fewer than six other
    characters, ignoring case and separators."""
    candidate = _letters(lowered)
    names = (user.username, user.display_name, user.email.partition("@")[0])
    for name in names:
        letters = _letters(normalise_password(name).lower())
        if letters and letters in candidate and len(lowered) - len(letters) < _NAME_MARGIN:
            return True
    return False


def _is_demo_password(lowered: str) -> bool:
    """The README's demo password, or it with another digit/symbol tail, outside demo mode."""
    return not get_settings().demo_mode and _stem(lowered) == _stem(DEMO_PASSWORD.lower())


def check_new_password(password: str, user: User) -> None:
    """Raise AppError (422) naming the first rule `password` breaks as `user`'s new password:
    password_too_short / _too_long, password_demo, password_common, password_repeated,
    password_contains_name."""
    candidate = normalise_password(password)
    minimum = get_settings().password_min_length
    if len(candidate) < minimum:
        raise AppError("password_too_short", 422, min=minimum)
    if len(candidate) > PASSWORD_MAX_LENGTH:
        raise AppError("password_too_long", 422, max=PASSWORD_MAX_LENGTH)
    lowered = candidate.lower()
    if _is_demo_password(lowered):
        raise AppError("password_demo", 422)
    if _is_repeated_word(lowered):
        raise AppError("password_repeated", 422)
    if _is_common(lowered):
        raise AppError("password_common", 422)
    if _contains_a_name(lowered, user):
        raise AppError("password_contains_name", 422)
