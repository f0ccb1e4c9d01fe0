"""SQLite: a read-only request takes no write lock — in WAL mode it reads its snapshot while a
writer holds the lock — and a GET route that writes says so (WriteSession) and waits for the lock
like any writer. PostgreSQL locks rows, not the database: nothing of this applies there."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from api.customers.models import Customer
from api.db import Session, WriteSession, get_sessionmaker
from api.registrations.models import RegistrationCheck
from api.users.models import User


@pytest.fixture(autouse=True)
def _sqlite_only(database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's database-wide write lock")


@asynccontextmanager
async def holding_the_write_lock(statement) -> AsyncIterator[AsyncSession]:  # type: ignore[no-untyped-def]
    """A slow writer: it has written (BEGIN IMMEDIATE: the lock is taken) and not committed."""
    async with get_sessionmaker()() as writer:
        await writer.execute(statement)
        yield writer
        assert writer.in_transaction()  # it held the lock all along
        await writer.commit()


async def test_reads_answer_while_a_slow_writer_holds_the_write_lock(
    client, world, factory
) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales, name="深圳市快照电子有限公司")
    rename = update(Customer).where(Customer.id == customer.id).values(name="深圳市改名中有限公司")
    headers = world.a_sales.headers
    async with holding_the_write_lock(rename):
        # A reader that queued for the lock would wait out the busy timeout (15 s) and fail
        # with "database is locked"; these answer while the writer is still in its transaction.
        listed, detail, me = await asyncio.gather(
            client.get("/api/v1/customers", headers=headers),
            client.get(f"/api/v1/customers/{customer.id}", headers=headers),
            client.get("/api/v1/me", headers=headers),
        )
        assert (listed.status_code, detail.status_code, me.status_code) == (200, 200, 200)
        assert detail.json()["name"] == "深圳市快照电子有限公司"  # the last committed state
    after = await client.get(f"/api/v1/customers/{customer.id}", headers=headers)
    assert after.json()["name"] == "深圳市改名中有限公司"


async def test_a_get_that_writes_waits_for_the_writer_and_is_recorded(
    client, world, session
) -> None:
    touch = update(User).where(User.id == world.vendor.id).values(display_name="厂商")
    async with holding_the_write_lock(touch):
        check = asyncio.create_task(
            client.get(
                "/api/v1/registrations/check",
                params={"name": "东莞市排队电子有限公司"},
                headers=world.a_sales.headers,
            )
        )
        await asyncio.sleep(0)  # let it start: it queues behind the writer for the lock
    assert (await check).status_code == 200
    checks = await session.scalar(select(func.count()).select_from(RegistrationCheck))
    await session.commit()
    assert checks == 1


async def test_gets_that_write_and_posts_interleave_without_a_locked_database(
    client, world, session
) -> None:
    names = [f"佛山市并发{n}号电子有限公司" for n in range(8)]
    checks = [
        client.get(
            "/api/v1/registrations/check", params={"name": name}, headers=world.a_sales.headers
        )
        for name in names
    ]
    users = [
        client.post(
            "/api/v1/users",
            json={
                "username": f"mixed{n}",
                "display_name": f"混合{n}",
                "email": f"mixed{n}@example.com",
                "role": "sales",
            },
            headers=world.a_admin.headers,
        )
        for n in range(4)
    ]
    responses = await asyncio.gather(*checks, *users)
    assert [r.status_code for r in responses] == [200] * 8 + [201] * 4
    recorded = await session.scalar(select(func.count()).select_from(RegistrationCheck))
    await session.commit()
    assert recorded == 8


def _app_with_a_writing_get(user_id: int) -> FastAPI:
    app = FastAPI()
    rename = update(User).where(User.id == user_id).values(display_name="改过了")

    @app.get("/undeclared")
    async def undeclared(session: Session) -> None:
        await session.execute(rename)

    @app.get("/declared")
    async def declared(session: WriteSession) -> None:
        await session.execute(rename)

    return app


async def test_a_get_route_writes_only_when_it_declares_a_write_session(
    clean_tables, world, session
) -> None:
    transport = httpx.ASGITransport(app=_app_with_a_writing_get(world.vendor.id))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        # Refused every time (not only when a writer races it): a forgotten marker shows in tests.
        with pytest.raises(OperationalError, match="readonly"):
            await http.get("/undeclared")
        assert (await http.get("/declared")).status_code == 200
    name = await session.scalar(select(User.display_name).where(User.id == world.vendor.id))
    await session.commit()
    assert name == "改过了"
