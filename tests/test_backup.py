"""Backups (`make backup` / `make restore`): the drill. A backup taken while the app writes
restores, into a new database, to one consistent moment: every table equal to the source, the
table being written a prefix of it. A restore never writes over a database that has data."""

import asyncio
import hashlib
import os
import sys
from pathlib import Path

from sqlalchemy import Table, insert, select
from sqlalchemy.ext.asyncio import create_async_engine

from api.config import PROJECT_ROOT
from api.demo.seed import seed_demo
from api.models import metadata
from tests.conftest import drop_database, new_database

WRITTEN = metadata.tables["mcu_model"]  # the writer adds catalog rows while the backup runs


async def cli(command: str, file: Path, database_url: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "api.cli",
        command,
        str(file),
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    return process.returncode or 0, output.decode()


async def table_rows(database_url: str) -> dict[str, list[tuple]]:
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as conn:
            return {
                name: [
                    tuple(row)
                    for row in await conn.execute(select(table).order_by(*table.primary_key))
                ]
                for name, table in metadata.tables.items()
            }
    finally:
        await engine.dispose()


def checksum(rows: list[tuple]) -> str:
    return hashlib.sha256(repr(rows).encode()).hexdigest()


async def write_until(stop: asyncio.Event, table: Table, database_url: str) -> int:
    engine = create_async_engine(database_url)
    written = 0
    try:
        while not stop.is_set():
            async with engine.begin() as conn:
                await conn.execute(
                    insert(table).values(
                        part_number=f"DRILL{written:05d}", series="DRILL", core="M0"
                    )
                )
            written += 1
            await asyncio.sleep(0.002)
    finally:
        await engine.dispose()
    return written


async def test_a_backup_taken_during_writes_restores_to_one_consistent_moment(
    database_url: str, session, tmp_path: Path
) -> None:
    await seed_demo(session)
    await session.commit()
    file = tmp_path / "drill.backup"
    stop = asyncio.Event()
    writer = asyncio.create_task(write_until(stop, WRITTEN, database_url))
    await asyncio.sleep(0.2)  # the writer is running before the backup starts
    code, output = await cli("backup", file, database_url)
    await asyncio.sleep(0.1)
    stop.set()
    written = await writer
    assert code == 0, output

    target = await new_database(str(tmp_path))
    try:
        code, output = await cli("restore", file, target)
        assert code == 0, output
        source, restored = await table_rows(database_url), await table_rows(target)

        kept = restored.pop(WRITTEN.name)
        assert kept == source.pop(WRITTEN.name)[: len(kept)]  # a prefix: one moment
        drill_rows = [row for row in kept if row[1].startswith("DRILL")]
        assert 0 < len(drill_rows) < written  # written before, during and after the backup
        assert {name: checksum(rows) for name, rows in restored.items()} == {
            name: checksum(rows) for name, rows in source.items()
        }
        assert restored["customer"] and restored["user_account"]  # the demo data came back

        # A second restore into the same (now full) database is refused and changes nothing.
        code, output = await cli("restore", file, target)
        assert code != 0
        assert "restore" in output
        again = await table_rows(target)
        assert checksum(again[WRITTEN.name]) == checksum(kept)
    finally:
        if target.startswith("postgresql"):
            await drop_database(target)


async def test_a_backup_never_overwrites_an_existing_file(
    database_url: str, tmp_path: Path
) -> None:
    file = tmp_path / "taken.backup"
    file.write_bytes(b"an earlier backup")
    code, output = await cli("backup", file, database_url)
    assert code != 0
    assert "exists" in output
    assert file.read_bytes() == b"an earlier backup"
