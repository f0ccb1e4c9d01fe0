"""A real server for the concurrency cases: PostgreSQL only, since SQLite serialises every
writer (BEGIN IMMEDIATE) and so cannot show a race; the Makefile runs the suite on both."""

import asyncio
import os
import socket
from collections.abc import AsyncIterator

import httpx
import pytest
import uvicorn

from tests.orders.conftest import book  # noqa: F401  (the orders' fixture: a customer with projects)


@pytest.fixture(scope="session")
async def server_url(app) -> AsyncIterator[str]:  # type: ignore[no-untyped-def]
    if not os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("concurrency cases need PostgreSQL (TEST_DATABASE_URL): SQLite serialises")
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    port = listening.getsockname()[1]
    # proxy_headers: each case names its client address in X-Forwarded-For, as a proxy would,
    # so address throttling of one round does not spill into the next.
    config = uvicorn.Config(
        app,
        lifespan="off",
        log_level="warning",
        proxy_headers=True,
        forwarded_allow_ips="*",
        access_log=False,
        # A kept-alive connection the server closes while the client reuses it is a ReadError:
        # keep connections for the whole run.
        timeout_keep_alive=600,
    )
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve(sockets=[listening]))
    while not server.started:  # noqa: ASYNC110 (uvicorn offers a flag, not an event)
        await asyncio.sleep(0.01)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await serving
    listening.close()


@pytest.fixture
async def http(server_url: str, clean_tables: None) -> AsyncIterator[httpx.AsyncClient]:
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=server_url, timeout=60, limits=limits) as client:
        yield client
