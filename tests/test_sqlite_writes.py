"""Concurrent writers wait for each other (BEGIN IMMEDIATE + busy timeout) instead of failing
with "database is locked"; on PostgreSQL the same requests simply run side by side."""

import asyncio

import pytest


async def test_concurrent_writes_all_succeed(client, world) -> None:
    async def create(n: int) -> int:
        response = await client.post(
            "/api/v1/users",
            json={
                "username": f"burst{n}",
                "display_name": f"并发{n}",
                "email": f"burst{n}@example.com",
                "role": "sales",
            },
            headers=world.a_admin.headers,
        )
        return response.status_code

    statuses = await asyncio.gather(*(create(n) for n in range(12)))
    assert statuses == [201] * 12


async def test_sqlite_connections_enforce_foreign_keys_and_use_wal(session) -> None:
    from sqlalchemy import text

    if session.bind.dialect.name != "sqlite":
        pytest.skip("SQLite connection settings")
    assert (await session.execute(text("PRAGMA foreign_keys"))).scalar() == 1
    assert (await session.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
