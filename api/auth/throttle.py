"""Sign-in throttling (NIST SP 800-63B 5.2.2): failures count against the account and against
the client address; past the free failures every attempt waits, twice as long each time, up to
a cap. Nobody can lock a victim out for good, and a guesser gets a few tries an hour at most.

An attempt is counted *before* its password is checked and the count is committed at once, so
simultaneous attempts each get their own number: exactly the free failures are ever checked."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil
from typing import NoReturn

from api.auth import repository
from api.config import get_settings
from api.db import AsyncSession
from api.kit.clock import now
from api.kit.errors import AppError


@dataclass(frozen=True)
class Subject:
    """Whom an attempt counts against, and the failures it may make before a delay."""

    key: str
    free: int

    @property
    def is_account(self) -> bool:
        return self.key.startswith("account:")


def subjects(address: str, user_id: int | None) -> list[Subject]:
    """The client address always; the account when the identifier named one (login name and
    email count together). The address comes first: a blocked account hammered from an address
    uses up that address's tries too."""
    settings = get_settings()
    found = [Subject(f"address:{address}", settings.login_address_max_failures)]
    if user_id is not None:
        found.append(Subject(f"account:{user_id}", settings.login_max_failures))
    return found


def delay(beyond_free: int) -> timedelta:
    """The wait after the free failures: doubles with every further failure, up to the cap."""
    settings = get_settings()
    seconds = settings.login_delay_seconds * 2 ** min(beyond_free, 32)
    return timedelta(seconds=min(seconds, settings.login_max_delay_seconds))


async def _refuse(session: AsyncSession, until: datetime | None) -> NoReturn:
    await session.commit()  # the counts of the subjects before this one stand
    seconds = max(1, ceil(((until or now()) - now()).total_seconds()))
    error = AppError("login_throttled", 429, seconds=seconds)
    error.headers = {"Retry-After": str(seconds)}
    raise error


async def attempt(session: AsyncSession, counted: list[Subject]) -> None:
    """Count one password attempt against each subject, or refuse with 429 login_throttled and
    Retry-After while one is blocked. Commits: the count stands whatever the check decides."""
    settings = get_settings()
    at = now()
    forget_before = at - timedelta(hours=settings.login_failures_forgotten_hours)
    for subject in counted:
        failures = await repository.count_attempt(session, subject.key, at, forget_before)
        if failures is None:
            await _refuse(session, await repository.blocked_until(session, subject.key))
        if failures >= subject.free:
            await repository.block(session, subject.key, at + delay(failures - subject.free))
    await session.commit()


async def succeeded(session: AsyncSession, counted: list[Subject]) -> None:
    """The password was right: the account starts afresh; the address gets its try back."""
    for subject in counted:
        if subject.is_account:
            await repository.forget_failures(session, subject.key)
        else:
            await repository.uncount_attempt(session, subject.key, subject.free)
