"""The concurrency harness: the app served by a real uvicorn server on a free port, requests
fired at once, and the registry of the write operations a case covers (the meta-test reads it)."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx

# Each case runs this many rounds, each on fresh rows: a race that shows one time in a few
# still fails the case.
ROUNDS = 20
API = "/api/v1"

# (METHOD, OpenAPI path) of every write operation some case fires concurrently.
COVERED: set[tuple[str, str]] = set()

Case = TypeVar("Case", bound=Callable[..., Awaitable[None]])


def covers(*operations: str) -> Callable[[Case], Case]:
    """Mark a case as the concurrency proof of `operations` ("POST /registrations/{id}/…")."""

    def register(case: Case) -> Case:
        for operation in operations:
            method, path = operation.split(" ", 1)
            COVERED.add((method, f"{API}{path}"))
        return case

    return register


async def at_once(*requests: Awaitable[httpx.Response]) -> list[httpx.Response]:
    """Send every request before any answer arrives; the server interleaves them on real,
    separate database sessions."""
    return list(await asyncio.gather(*requests))


def statuses(responses: list[httpx.Response]) -> list[int]:
    return sorted(r.status_code for r in responses)


def winners(responses: list[httpx.Response]) -> list[httpx.Response]:
    return [r for r in responses if r.status_code < 300]


def the_winner(responses: list[httpx.Response]) -> httpx.Response:
    """The one 2xx answer; fails listing every answer when there are none or several."""
    won = winners(responses)
    assert len(won) == 1, describe(responses)
    return won[0]


def refused(responses: list[httpx.Response], *codes: str) -> bool:
    """Every answer but the 2xx is one of the coded refusals (never a 5xx)."""
    return all(r.json().get("code") in codes for r in responses if r.status_code >= 300)


def describe(responses: list[httpx.Response]) -> list[Any]:
    return [
        (r.status_code, r.json().get("code") if r.status_code >= 300 else "") for r in responses
    ]
