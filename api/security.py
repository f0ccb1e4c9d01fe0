"""Password hashing and rules, access tokens and opaque one-time tokens.

The JWT and hashing libraries are used only here, so either can be swapped in one place.
"""

import asyncio
import hashlib
import secrets
import unicodedata
import uuid
from datetime import datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from jose import JWTError, jwt
from passlib.context import CryptContext

from api.config import get_settings
from api.kit.clock import now
from api.kit.errors import AppError

JWT_ALGORITHM = "HS256"
PASSWORD_MAX_LENGTH = 256  # long enough for passphrases; bounds the hashing work per request

_passwords = CryptContext(schemes=["argon2"], argon2__type="ID")


def _normalise(password: str) -> str:
    # NIST SP 800-63B: apply Unicode normalisation so the same passphrase typed on another
    # keyboard or input method still matches.
    return unicodedata.normalize("NFKC", password)


# argon2 is deliberately slow (tens of ms): run it in a worker thread, never on the event loop.
async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_passwords.hash, _normalise(password))


async def verify_password(password: str, password_hash: str) -> bool:
    return bool(await asyncio.to_thread(_passwords.verify, _normalise(password), password_hash))


@lru_cache
def _dummy_hash() -> str:
    return str(_passwords.hash(secrets.token_urlsafe(16)))


async def burn_password_check() -> None:
    """Spend the time of one verification, so unknown users take as long as wrong passwords."""
    await verify_password("not-the-password", await asyncio.to_thread(_dummy_hash))


@lru_cache
def common_passwords() -> frozenset[str]:
    text = resources.files("api").joinpath("data/common-passwords.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


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


def _is_guessable(lowered: str) -> bool:
    """On the common list, alone or with a digit/symbol tail ("password2024!"), a repeated unit
    ("abcabcabcabc"), a sequence or keyboard walk, or the service's own name."""
    stem = lowered.rstrip("0123456789!@#$%^&*()-_=+.?~ ")
    if lowered in common_passwords() or (len(stem) >= 4 and stem in common_passwords()):
        return True
    size = len(lowered)
    if any(
        size % unit == 0 and lowered == lowered[:unit] * (size // unit)
        for unit in range(1, size // 2 + 1)
    ):
        return True
    if any(lowered in sequence for sequence in _SEQUENCES):
        return True
    return any(word in lowered and len(lowered) - len(word) < 6 for word in _SERVICE_WORDS)


def check_password_rules(password: str, login_name: str) -> None:
    """NIST SP 800-63B-4: a minimum length, no composition rules, no truncation, no common
    passwords, not the login name. Raises AppError (422) naming the broken rule."""
    candidate = _normalise(password)
    minimum = get_settings().password_min_length
    if len(candidate) < minimum:
        raise AppError("password_too_short", 422, min=minimum)
    if len(candidate) > PASSWORD_MAX_LENGTH:
        raise AppError("password_too_long", 422, max=PASSWORD_MAX_LENGTH)
    lowered = candidate.lower()
    if _is_guessable(lowered):
        raise AppError("password_common", 422)
    if lowered == login_name.lower():
        raise AppError("password_is_login", 422)


def temporary_password() -> str:
    """A random one-time password, shown once to the person who created the account."""
    return secrets.token_urlsafe(12)


def new_opaque_token() -> tuple[str, str]:
    """(token for the user, hash to store): refresh tokens and set-password links."""
    token = secrets.token_urlsafe(32)
    return token, hash_opaque_token(token)


def hash_opaque_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_access_token(user_id: int, token_version: int) -> tuple[str, datetime]:
    settings = get_settings()
    issued = now()
    expires = issued + timedelta(minutes=settings.access_token_minutes)
    claims = {
        "iss": settings.token_issuer,
        "aud": settings.token_audience,
        "sub": str(user_id),
        "ver": token_version,
        "typ": "access",
        "iat": int(issued.timestamp()),
        "exp": int(expires.timestamp()),
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, settings.secret_key, algorithm=JWT_ALGORITHM), expires


def decode_access_token(token: str) -> dict[str, Any] | None:
    """The claims of a valid, unexpired access token signed by us for this deployment (issuer
    and audience); None for anything else."""
    settings = get_settings()
    try:
        claims = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[JWT_ALGORITHM],  # pinned: never trust the token's own "alg"
            issuer=settings.token_issuer,
            audience=settings.token_audience,
            options={
                "require_exp": True,
                "require_sub": True,
                "require_iat": True,
                "require_iss": True,
                "require_aud": True,
            },
        )
    except JWTError:
        return None
    if claims.get("typ") != "access" or not str(claims.get("sub", "")).isdigit():
        return None
    return dict(claims)
