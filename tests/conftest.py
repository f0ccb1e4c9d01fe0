"""The real thing: a fresh database built by the migrations (SQLite by default, PostgreSQL when
TEST_DATABASE_URL is set), the real app over httpx's ASGI transport, the real auth."""

import os
import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
from sqlalchemy import delete, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from time_machine import TimeMachineFixture

TEST_SECRET = "test-secret-" + "x" * 40
REFERENCE_TABLES = {"product_domain", "mcu_model"}


def _sqlite_url(tmp: str) -> str:
    return f"sqlite+aiosqlite:///{tmp}/channeldesk-test-{uuid.uuid4().hex[:8]}.db"


async def create_database(server_url: str) -> str:
    """A fresh, empty database on the server of `server_url`; returns its URL."""
    url = make_url(server_url)
    name = f"channeldesk_test_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


async def drop_database(database_url: str) -> None:
    url = make_url(database_url)
    admin = create_async_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    await admin.dispose()


async def new_database(tmp: str) -> str:
    server = os.environ.get("TEST_DATABASE_URL")
    return await create_database(server) if server else _sqlite_url(tmp)


async def migrate(engine: AsyncEngine, revision: str = "head", downgrade: bool = False) -> None:
    from alembic import command
    from api.cli import alembic_config

    def run(connection) -> None:  # type: ignore[no-untyped-def]
        config = alembic_config()
        config.attributes["connection"] = connection
        (command.downgrade if downgrade else command.upgrade)(config, revision)

    async with engine.begin() as conn:
        await conn.run_sync(run)


@pytest.fixture(autouse=True)
def clock(request: pytest.FixtureRequest, time_machine: TimeMachineFixture) -> TimeMachineFixture:
    """Every backend test starts at the suite's frozen NOW; a test moves time with
    `clock.move_to(moment, tick=False)` or `clock.shift(delta)`. Browser tests run a real server
    on the real clock."""
    from tests.clock import NOW

    if request.node.get_closest_marker("e2e") is None:
        time_machine.move_to(NOW, tick=True)
    return time_machine


@pytest.fixture(scope="session")
def _env() -> Iterator[None]:
    os.environ["SECRET_KEY"] = TEST_SECRET
    os.environ["DEMO_MODE"] = "false"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["JOBS_INTERVAL_MINUTES"] = "0"  # tests run the job themselves
    yield


@pytest.fixture(scope="session")
async def database_url(_env: None, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    url = await new_database(str(tmp_path_factory.mktemp("db")))
    os.environ["DATABASE_URL"] = url
    from api.config import get_settings
    from api.db import get_engine, get_sessionmaker

    for cached in (get_settings, get_engine, get_sessionmaker):
        cached.cache_clear()
    await migrate(get_engine())
    yield url
    await get_engine().dispose()
    if url.startswith("postgresql"):
        await drop_database(url)


@pytest.fixture(scope="session")
def app(database_url: str):  # type: ignore[no-untyped-def]
    from api.main import create_app

    return create_app()


@pytest.fixture(scope="session")
async def reference_rows(database_url: str) -> dict[str, list[dict]]:
    """The reference data as the migrations seeded it (the catalog tests change it)."""
    from api.db import get_engine
    from api.models import metadata

    rows: dict[str, list[dict]] = {}
    async with get_engine().connect() as conn:
        for name in REFERENCE_TABLES:
            table = metadata.tables[name]
            result = await conn.execute(select(table).order_by(table.c.id))
            rows[name] = [dict(r._mapping) for r in result]
    return rows


@pytest.fixture
async def clean_tables(
    database_url: str, reference_rows: dict[str, list[dict]]
) -> AsyncIterator[None]:
    """Empty the tables after the test and put the seeded reference data back as it was;
    every fixture that reaches the database asks for it."""
    yield
    from api.db import get_engine
    from api.imports.runner import settle

    await settle()  # background import passes finish before the tables are emptied
    from api.models import metadata
    from api.rules.models import Rules

    # The rules row is recreated with defaults; the reference data is restored below.
    tables = [t.name for t in reversed(metadata.sorted_tables) if t.name not in REFERENCE_TABLES]
    async with get_engine().begin() as conn:
        # DELETE, children first: on PostgreSQL a TRUNCATE of every table per test cost half of
        # the run (it makes new files for each table); a few rows are deleted in microseconds.
        for table in tables:
            await conn.execute(text(f"DELETE FROM {table}"))
        await conn.execute(insert(Rules).values(Rules().model_dump()))
        for name in sorted(REFERENCE_TABLES):
            table = metadata.tables[name]
            await conn.execute(delete(table))
            # parents before their level-2 domains (ids ascending, as seeded)
            await conn.execute(insert(table), reference_rows[name])


@pytest.fixture
async def client(app, clean_tables) -> AsyncIterator["httpx.AsyncClient"]:  # type: ignore[no-untyped-def]  # noqa: F821
    import httpx

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


@pytest.fixture
async def session(database_url: str, clean_tables: None) -> AsyncIterator["AsyncSession"]:  # noqa: F821
    """A session for arranging data; commit what the app should see."""
    from api.db import get_sessionmaker

    async with get_sessionmaker()() as db:
        yield db


pytest_plugins = ["tests.factories"]
