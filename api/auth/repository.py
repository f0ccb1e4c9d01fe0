"""SQL of sign-in: refresh tokens and set-password links, looked up by the hash of the token the
caller presents. None is scoped by role: the caller is not known until the token is checked."""

from datetime import datetime
from typing import Any, cast

from sqlalchemy import case, delete, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from api.auth.models import LoginThrottle, RefreshToken, SetPasswordLink
from api.db import AsyncSession
from api.kit.clock import now
from api.users.models import User


async def refresh_token_by_hash(session: AsyncSession, token_hash: str) -> RefreshToken | None:
    return await session.scalar(
        select(RefreshToken).where(col(RefreshToken.token_hash) == token_hash)
    )


async def revoke_if_valid(session: AsyncSession, token: RefreshToken) -> bool:
    """Revoke `token` unless a simultaneous refresh did: the row count decides, so one refresh
    token starts exactly one new session."""
    revoked = await session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.id) == token.id, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=now())
    )
    return bool(cast(Any, revoked).rowcount == 1)


async def revoke_family(session: AsyncSession, family: str) -> bool:
    """Revoke every refresh token of the family still valid; False when none was (a
    simultaneous revocation came first)."""
    revoked = await session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.family) == family, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=now())
    )
    return bool(cast(Any, revoked).rowcount > 0)


async def revoke_user_refresh_tokens(session: AsyncSession, user_id: int) -> None:
    await session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.user_id) == user_id, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=now())
    )


# Credentials change under two row locks, always the account's first and then its links', so
# that a reset and a set-password link used at the same moment wait for each other instead of
# deadlocking.


async def lock_account(session: AsyncSession, user: User) -> None:
    """Lock an existing account's row until commit and re-read it: simultaneous changes of its
    credentials run one after the other, so none loses another's token version increment or
    flag, and the last one's credentials are the ones that work."""
    await session.refresh(user, with_for_update=True)


async def account(session: AsyncSession, user_id: int, for_update: bool = False) -> User | None:
    """The account of a set-password link; `for_update` locks it until commit and reads it as
    the last writer left it."""
    if not for_update:
        return await session.get(User, user_id)
    return await session.get(User, user_id, with_for_update=True, populate_existing=True)


async def link_by_hash(
    session: AsyncSession, token_hash: str, for_update: bool = False
) -> SetPasswordLink | None:
    """The link; `for_update` locks it until commit and re-reads it, so a second use waits and
    sees it used."""
    statement = select(SetPasswordLink).where(col(SetPasswordLink.token_hash) == token_hash)
    if for_update:
        statement = statement.with_for_update().execution_options(populate_existing=True)
    return await session.scalar(statement)


async def use_up_links(session: AsyncSession, user_id: int) -> None:
    """Mark every unused set-password link of the user as used, so none works any more."""
    await session.execute(
        update(SetPasswordLink)
        .where(col(SetPasswordLink.user_id) == user_id, col(SetPasswordLink.used_at).is_(None))
        .values(used_at=now())
    )


async def _count_unless_blocked(
    session: AsyncSession, subject: str, at: datetime, forget_before: datetime
) -> int | None:
    """One conditional UPDATE: the row lock orders simultaneous attempts and the WHERE re-read
    after the wait sees a block the previous one set, so each attempt gets its own number."""
    failures = col(LoginThrottle.failures)
    counted = await session.execute(
        update(LoginThrottle)
        .where(
            col(LoginThrottle.subject) == subject,
            or_(col(LoginThrottle.blocked_until).is_(None), col(LoginThrottle.blocked_until) <= at),
        )
        .values(
            failures=case(
                (col(LoginThrottle.last_failure_at) < forget_before, 1), else_=failures + 1
            ),
            last_failure_at=at,
        )
        .returning(failures)
    )
    return counted.scalar_one_or_none()


async def count_attempt(
    session: AsyncSession, subject: str, at: datetime, forget_before: datetime
) -> int | None:
    """Count an attempt against `subject` and return how many it has made (1 after a quiet
    `forget_before`); None while it is blocked (the attempt is not counted)."""
    counted = await _count_unless_blocked(session, subject, at, forget_before)
    if counted is not None or await blocked_until(session, subject) is not None:
        return counted
    try:
        async with session.begin_nested():
            session.add(LoginThrottle(subject=subject, failures=1, last_failure_at=at))
            await session.flush()
    except IntegrityError:  # a simultaneous first attempt inserted it: count after it
        return await _count_unless_blocked(session, subject, at, forget_before)
    return 1


async def blocked_until(session: AsyncSession, subject: str) -> datetime | None:
    """When the block of `subject` ends (None: no block or no row)."""
    return await session.scalar(
        select(col(LoginThrottle.blocked_until)).where(col(LoginThrottle.subject) == subject)
    )


async def block(session: AsyncSession, subject: str, until: datetime) -> None:
    await session.execute(
        update(LoginThrottle)
        .where(col(LoginThrottle.subject) == subject)
        .values(blocked_until=until)
    )


async def forget_failures(session: AsyncSession, subject: str) -> None:
    await session.execute(delete(LoginThrottle).where(col(LoginThrottle.subject) == subject))


async def uncount_attempt(session: AsyncSession, subject: str, free: int) -> None:
    """Take back one counted attempt that succeeded; lift the block once below `free`."""
    failures = col(LoginThrottle.failures)
    await session.execute(
        update(LoginThrottle)
        .where(col(LoginThrottle.subject) == subject, failures > 0)
        .values(
            failures=failures - 1,
            blocked_until=case((failures - 1 < free, None), else_=LoginThrottle.blocked_until),
        )
    )
