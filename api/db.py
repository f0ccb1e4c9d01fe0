"""Async engine and the per-request session: one transaction per request."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Annotated, Any, cast

from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from sqlalchemy import event, text
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

# Re-exported: services type their unit of work with it and import nothing of SQLAlchemy, so
# every SQL statement stays in a repository (import-linter enforces it).
from sqlalchemy.ext.asyncio import AsyncSession as AsyncSession

from api.config import get_settings

# Execution option of the engine that request sessions of read-only requests are bound to.
READ_ONLY = "channeldesk_read_only"
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _configure_sqlite(engine: AsyncEngine) -> None:
    """Foreign keys, WAL and a busy timeout on every connection; writers start with BEGIN IMMEDIATE,
    readers with a plain (deferred) BEGIN.

    A deferred BEGIN lets two transactions read, then both try to upgrade to a write lock, and
    one fails at once with "database is locked"; IMMEDIATE makes the second wait (busy_timeout).
    A reader never upgrades, so it needs no write lock: in WAL mode it reads its snapshot while a
    writer holds the lock. `query_only` makes a write in a reader fail loudly (every time, in the
    tests) instead of now and then under load, when the upgrade finds a newer snapshot.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        reads_only = bool(connection.get_execution_options().get(READ_ONLY))
        if connection.info.get("query_only") is not reads_only:  # pooled: set when it changes
            connection.exec_driver_sql(f"PRAGMA query_only={'ON' if reads_only else 'OFF'}")
            connection.info["query_only"] = reads_only
        connection.exec_driver_sql("BEGIN" if reads_only else "BEGIN IMMEDIATE")


# A pooled connection older than this is replaced at its next checkout: it outlives neither an
# idle timeout of a firewall or proxy on the way nor the restart of a replica behind a name.
POOL_RECYCLE_SECONDS = 300


def _replace_closed_connections(engine: AsyncEngine) -> None:
    """A pooled connection the server closed (restart, pg_terminate_backend, idle timeout) is
    swapped for a new one when it is checked out, so the request does not fail on it.

    Instead of pool_pre_ping, which costs every request three round trips on asyncpg (BEGIN,
    ";", ROLLBACK): the driver already knows its socket was closed, no round trip needed. A
    connection that died silently (its socket still open) fails its first statement: that
    request is a 503 with Retry-After, SQLAlchemy invalidates the pool, the next one reconnects.
    """
    closed = engine.dialect.is_disconnect  # given the connection, asks the driver, not the server

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if closed(cast(Any, None), dbapi_connection, None):
            raise DisconnectionError  # the pool discards it and checks out another (3 tries)


def create_engine(url: str) -> AsyncEngine:
    if url.startswith("sqlite"):
        engine = create_async_engine(url, connect_args={"timeout": 15})
        _configure_sqlite(engine)
        return engine
    engine = create_async_engine(
        url, pool_size=10, max_overflow=10, pool_recycle=POOL_RECYCLE_SECONDS
    )
    _replace_closed_connections(engine)
    return engine


@lru_cache
def get_engine() -> AsyncEngine:
    return create_engine(get_settings().database_url)


@lru_cache
def get_sessionmaker() -> async_sessionmaker[AsyncSession]:
    """Sessions that may write (jobs, write requests): BEGIN IMMEDIATE on SQLite."""
    return async_sessionmaker(get_engine(), expire_on_commit=False)


@lru_cache
def _reading(engine: AsyncEngine) -> AsyncEngine:
    """The same engine and pool, marked for read-only transactions (PostgreSQL ignores it)."""
    return engine.execution_options(**{READ_ONLY: True})


@lru_cache
def _snapshot(engine: AsyncEngine) -> AsyncEngine:
    """Read-only transactions that see one snapshot from their first statement to their end:
    REPEATABLE READ on PostgreSQL; a WAL reader on SQLite already does."""
    if engine.dialect.name != "postgresql":
        return _reading(engine)
    return engine.execution_options(
        **{READ_ONLY: True}, isolation_level="REPEATABLE READ", postgresql_readonly=True
    )


@asynccontextmanager
async def snapshot_session() -> AsyncIterator[AsyncSession]:
    """A read-only session of its own, for work that outlives its request's session (a list
    export streamed after the route returned): every chunk it reads sees the same data."""
    async with get_sessionmaker()(bind=_snapshot(get_engine())) as session:
        yield session


def _needs(dependant: Dependant, marker: object) -> bool:
    return any(d.call is marker or _needs(d, marker) for d in dependant.dependencies)


def writes(request: Request) -> bool:
    """A request writes unless it is a GET/HEAD/OPTIONS whose route did not ask for WriteSession."""
    if request.method not in READ_METHODS:
        return True
    route = request.scope.get("route")
    # A walk of a few dozen dependencies: cheaper than the query that follows.
    return isinstance(route, APIRoute) and _needs(route.dependant, _write_session)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's unit of work: commit when the route succeeded, roll back on any error."""
    maker = get_sessionmaker()
    async with maker() if writes(request) else maker(bind=_reading(get_engine())) as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


# scope="function": commit right after the route returns, before the response is sent, so a
# failed commit becomes an error answer instead of a success for a write that never happened.
Session = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def _write_session(session: Session) -> AsyncSession:
    """The request session of a GET route that writes (get_session finds this dependency in the
    route and begins with the write lock on SQLite)."""
    return session


# For GET routes that write (a check that is logged, a read receipt): say so with this type.
WriteSession = Annotated[AsyncSession, Depends(_write_session)]


def dialect_name(session: AsyncSession) -> str:
    """'postgresql' or 'sqlite': where locking differs between the two."""
    return session.get_bind().dialect.name


async def take_job_lock(session: AsyncSession, key: int) -> bool:
    """True when this server may run the scheduled job `key` now, until its transaction ends;
    False when another server is running it. On PostgreSQL an advisory transaction lock; on
    SQLite the transaction began with BEGIN IMMEDIATE, so runs are already one at a time."""
    if dialect_name(session) != "postgresql":
        return True
    return bool(await session.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": key}))
