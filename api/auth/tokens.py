"""Sign-in sessions: access tokens plus rotating refresh tokens."""

import uuid
from dataclasses import dataclass
from datetime import timedelta

from api.auth import repository
from api.auth.models import RefreshToken
from api.config import get_settings
from api.db import AsyncSession
from api.kit.clock import now
from api.security import create_access_token, hash_opaque_token, new_opaque_token
from api.users.models import User

# Two tabs refreshing at once present the same token; the loser is refused, not treated as theft.
REUSE_GRACE = timedelta(seconds=30)


@dataclass
class IssuedSession:
    access_token: str
    expires_in: int
    refresh_token: str
    must_change_password: bool


async def start_session(
    session: AsyncSession, user: User, family: str | None = None
) -> IssuedSession:
    assert user.id is not None
    access, expires = create_access_token(user.id, user.token_version)
    refresh, refresh_hash = new_opaque_token()
    session.add(
        RefreshToken(
            user_id=user.id,
            token_hash=refresh_hash,
            family=family or uuid.uuid4().hex,
            expires_at=now() + timedelta(days=get_settings().refresh_token_days),
        )
    )
    return IssuedSession(
        access_token=access,
        expires_in=int((expires - now()).total_seconds()),
        refresh_token=refresh,
        must_change_password=user.must_change_password,
    )


async def find_refresh_token(session: AsyncSession, token: str) -> RefreshToken | None:
    return await repository.refresh_token_by_hash(session, hash_opaque_token(token))


def is_replayed(token: RefreshToken) -> bool:
    """A token revoked earlier than the grace window and presented again: likely stolen."""
    return token.revoked_at is not None and now() - token.revoked_at > REUSE_GRACE


async def revoke_all_for_user(session: AsyncSession, user_id: int) -> None:
    """Sign the user out everywhere (password change, reset, deactivation)."""
    await repository.revoke_user_refresh_tokens(session, user_id)
