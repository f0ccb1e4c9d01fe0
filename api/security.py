"""Password hashing, access tokens and opaque one-time tokens.

The JWT and hashing libraries are used only here, so either can be swapped in one place.
"""

import asyncio
import hashlib
import secrets
import unicodedata
import uuid
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from jose import JWTError, jwt
from passlib.context import CryptContext

from api.config import get_settings
from api.kit.clock import now

JWT_ALGORITHM = "HS256"
PASSWORD_MAX_LENGTH = 256  # long enough for passphrases; bounds the hashing work per request

_passwords = CryptContext(schemes=["argon2"], argon2__type="ID")


def normalise_password(password: str) -> str:
    # NIST SP 800-63B: apply Unicode normalisation so the same passphrase typed on another
    # keyboard or input method still matches.
    return unicodedata.normalize("NFKC", password)


# argon2 is deliberately slow (tens of ms): run it in a worker thread, never on the event loop.
async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_passwords.hash, normalise_password(password))


async def verify_password(password: str, password_hash: str) -> bool:
    return bool(
        await asyncio.to_thread(_passwords.verify, normalise_password(password), password_hash)
    )


@lru_cache
def _dummy_hash() -> str:
    return str(_passwords.hash(secrets.token_urlsafe(16)))


async def burn_password_check() -> None:
    """Spend the time of one verification, so unknown users take as long as wrong passwords."""
    await verify_password("not-the-password", await asyncio.to_thread(_dummy_hash))


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
