"""The raw-SQL floor of a request: the exact statements (and parameters) the app sends for it,
replayed with the bare driver on one connection, in one transaction as the app does. No API can
answer faster than its own SQL does on the database.

capture() runs requests in-process (httpx's ASGI transport) with a `before_cursor_execute`
listener on the app's engine, as tests/statements.py counts them; replay() runs what it caught.
tests/bench/capture.py runs capture() in a process of its own (the app set up by the server's
environment, possibly from another checkout): nothing here imports the app at import time.
"""

import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import event
from sqlalchemy.engine import make_url

from tests.bench.calls import Call

CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA", "SAVEPOINT", "RELEASE")
# What api/db.py sets on every SQLite connection (busy timeout, WAL, foreign keys, sync level).
SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA busy_timeout=15000",
    "PRAGMA synchronous=NORMAL",
)


@dataclass
class Statement:
    sql: str  # as the driver got it: `$1` placeholders on asyncpg, `?` on SQLite
    params: Any  # the driver's parameters; a list of them when `many`
    many: bool = False


@dataclass
class Captured:
    call: Call
    status: int
    statements: list[Statement] = field(default_factory=list)
    begin: str = "BEGIN"  # how the app opened the transaction on SQLite (IMMEDIATE for a writer)


@contextmanager
def listening(engine: Any) -> Iterator[Captured]:
    """Every statement `engine` (the app's AsyncEngine) sends meanwhile, in order."""
    caught = Captured(Call("", "", {}), 0)
    begins: list[str] = []

    def on_execute(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        text = statement.lstrip()
        if text.upper().startswith(CONTROL):
            if text.upper().startswith("BEGIN"):
                begins.append(text)
            return
        caught.statements.append(Statement(statement, parameters, bool(executemany)))

    event.listen(engine.sync_engine, "before_cursor_execute", on_execute)
    try:
        yield caught
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", on_execute)
        caught.begin = begins[0] if begins else "BEGIN"


async def capture(app: Any, calls: list[Call]) -> list[Captured]:
    """Each call's statements, from its second run: the first pays one-time costs (a route's
    first import, the pool's first connection)."""
    from api.db import get_engine

    engine = get_engine()
    captured: list[Captured] = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
        for call in calls:
            await call.send(http)
            with listening(engine) as caught:
                response = await call.send(http)
            caught.call, caught.status = call, response.status_code
            captured.append(caught)
    return captured


Run = Callable[[Captured], Awaitable[None]]


@asynccontextmanager
async def bare_driver(database_url: str) -> AsyncIterator[Run]:
    """One connection of the driver the app uses, without SQLAlchemy: a function that runs a
    request's statements in one transaction (BEGIN … COMMIT, as the app)."""
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        import asyncpg

        dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
        pg = await asyncpg.connect(dsn)

        async def on_postgresql(request: Captured) -> None:
            async with pg.transaction():
                for s in request.statements:
                    if s.many:
                        await pg.executemany(s.sql, s.params)
                    else:
                        await pg.fetch(s.sql, *s.params)

        try:
            yield on_postgresql
        finally:
            await pg.close()
        return

    import aiosqlite

    lite = await aiosqlite.connect(url.database or "", isolation_level=None)

    async def on_sqlite(request: Captured) -> None:
        await lite.execute(request.begin)
        try:
            for s in request.statements:
                if s.many:
                    await lite.executemany(s.sql, s.params)
                else:
                    async with lite.execute(s.sql, s.params) as cursor:
                        await cursor.fetchall()
        except BaseException:
            await lite.execute("ROLLBACK")
            raise
        await lite.execute("COMMIT")

    try:
        for pragma in SQLITE_PRAGMAS:
            await lite.execute(pragma)
        yield on_sqlite
    finally:
        await lite.close()


async def replay(run: Run, request: Captured, seconds: float, at_least: int = 5) -> list[float]:
    """Milliseconds per replay of the whole request's SQL, for `seconds` (and at least
    `at_least` times), after one replay that prepares the statements as the app's warm pool has."""
    await run(request)
    timings: list[float] = []
    began = time.perf_counter()
    while len(timings) < at_least or time.perf_counter() - began < seconds:
        started = time.perf_counter()
        await run(request)
        timings.append((time.perf_counter() - started) * 1000)
    return timings
