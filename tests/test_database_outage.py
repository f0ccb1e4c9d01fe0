"""The database out of reach is a 503 with Retry-After and the request id, never a 500; the next
request after it is back answers again; every 5xx leaves a log line with its request id.

The outage is real: the app's DATABASE_URL points where nothing answers — on PostgreSQL a local
port with no listener (asyncpg: connection refused), on SQLite a file in a folder that does not
exist (unable to open database file) — and "back" is a TCP relay to the test server starting on
that port, or that folder appearing (a link to the test database's folder)."""

import asyncio
import os
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from api.config import get_settings
from api.db import Session, get_engine, get_sessionmaker
from api.main import create_app
from tests.kit.test_logging import captured

Restore = Callable[[], Awaitable[None]]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _relay(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


def _relay_to(host: str, port: int) -> Callable[..., Awaitable[None]]:
    async def handle(client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter):  # type: ignore[no-untyped-def]
        server_reader, server_writer = await asyncio.open_connection(host, port)
        await asyncio.gather(
            _relay(client_reader, server_writer), _relay(server_reader, client_writer)
        )

    return handle


def _point_the_app_at(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    for cached in (get_settings, get_engine, get_sessionmaker):
        cached.cache_clear()


@pytest.fixture
async def outage(client, database_url: str, tmp_path: Path) -> AsyncIterator[Restore]:
    """The app's database unreachable until the test awaits the returned `restore()`."""
    await get_engine().dispose()  # the test database's pooled connections
    servers: list[asyncio.Server] = []
    real = make_url(database_url)
    if real.get_backend_name() == "postgresql":
        port = _free_port()
        _point_the_app_at(real.set(host="127.0.0.1", port=port).render_as_string(False))

        async def restore() -> None:
            relay = _relay_to(real.host or "127.0.0.1", real.port or 5432)
            servers.append(await asyncio.start_server(relay, "127.0.0.1", port))

    else:
        database = Path(real.database or "")
        missing = tmp_path / "not-mounted"
        _point_the_app_at(f"sqlite+aiosqlite:///{missing / database.name}")

        async def restore() -> None:
            missing.symlink_to(database.parent, target_is_directory=True)

    try:
        yield restore
    finally:
        await get_engine().dispose()
        for server in servers:
            server.close()
        _point_the_app_at(database_url)


async def test_an_unreachable_database_answers_503_with_retry_after_and_the_request_id(
    client, world, outage
) -> None:
    headers = {**world.a_sales.headers, "X-Request-ID": "db-down-1", "X-Language": "en"}
    with captured("api.access") as access, captured("api.errors") as errors:
        response = await client.get("/api/v1/me", headers=headers)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert response.headers["X-Request-ID"] == "db-down-1"
    assert response.json()["code"] == "database_unavailable"
    assert "db-down-1" in response.json()["detail"] and "database" in response.json()["detail"]
    [access_line] = access()
    assert (access_line["status"], access_line["request_id"]) == (503, "db-down-1")
    [error_line] = errors()
    assert (error_line["level"], error_line["request_id"]) == ("ERROR", "db-down-1")


async def test_the_next_request_after_the_database_is_back_answers(client, world, outage) -> None:
    assert (await client.get("/api/v1/me", headers=world.a_sales.headers)).status_code == 503
    await outage()
    response = await client.get("/api/v1/me", headers=world.a_sales.headers)
    assert response.status_code == 200 and response.json()["id"] == world.a_sales.id


async def test_a_writing_request_during_the_outage_is_a_503_too(client, world, outage) -> None:
    body = {"username": "vendor", "password": "whatever-it-is"}
    response = await client.post("/api/v1/auth/login", json=body)
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"


async def test_an_unexpected_error_is_a_500_whose_log_lines_and_answer_carry_the_request_id(
    database_url: str,
) -> None:
    async def broken() -> None:
        raise RuntimeError("a bug")

    app = create_app()
    app.router.routes.insert(0, APIRoute("/api/v1/broken", broken))  # before the SPA's catch-all
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        with captured("api.access") as access, captured("api.errors") as errors:
            response = await http.get("/api/v1/broken", headers={"X-Request-ID": "bug-1"})
    assert response.status_code == 500
    assert response.headers["X-Request-ID"] == "bug-1" and "bug-1" in response.json()["detail"]
    [access_line] = access()
    assert (access_line["status"], access_line["request_id"]) == (500, "bug-1")
    [error_line] = errors()
    assert error_line["request_id"] == "bug-1" and "RuntimeError: a bug" in error_line["exception"]


async def test_a_statement_the_database_refuses_is_a_500_not_a_503(database_url: str) -> None:
    """A bug in SQL is no outage (SQLite reports both as OperationalError)."""

    async def bad_sql(session: Session) -> None:
        await session.execute(text("SELEC 1"))

    app = create_app()
    app.router.routes.insert(0, APIRoute("/api/v1/bad-sql", bad_sql))
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        response = await http.get("/api/v1/bad-sql", headers={"X-Request-ID": "bad-sql"})
    assert response.status_code == 500 and response.json()["code"] == "internal_error"
    assert "Retry-After" not in response.headers


async def test_a_pooled_connection_the_database_closed_is_replaced_and_the_request_answers(
    client, world, database_url: str
) -> None:
    """No pre-ping round trips: a connection the server ended (a restart, an administrator's
    pg_terminate_backend) is noticed when it is checked out, and the request gets a new one."""
    if make_url(database_url).get_backend_name() != "postgresql":
        pytest.skip("SQLite has no server to close a connection")
    assert (await client.get("/api/v1/me", headers=world.a_sales.headers)).status_code == 200
    async with get_engine().connect() as admin:  # the pool's connection now idles
        pid = await admin.scalar(text("SELECT pg_backend_pid()"))
    killer = create_async_engine(database_url, poolclass=NullPool)
    async with killer.connect() as other:
        assert await other.scalar(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    await killer.dispose()
    await asyncio.sleep(0.2)  # the closed socket reaches the driver through the event loop
    with captured("api.errors") as errors:
        response = await client.get("/api/v1/me", headers=world.a_sales.headers)
    assert response.status_code == 200 and response.json()["id"] == world.a_sales.id
    assert errors() == []
    async with get_engine().connect() as replaced:
        assert await replaced.scalar(text("SELECT pg_backend_pid()")) != pid
