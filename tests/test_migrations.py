"""Alembic is the only way the schema is made: up, down and up again on an empty database,
and the models match the migrations (no autogenerate drift)."""

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from api.db import create_engine
from api.models import metadata
from tests.conftest import drop_database, migrate, new_database


@pytest.fixture
async def empty_engine(tmp_path):  # type: ignore[no-untyped-def]
    url = await new_database(str(tmp_path))
    engine = create_engine(url)
    yield engine
    await engine.dispose()
    if os.environ.get("TEST_DATABASE_URL"):
        await drop_database(url)


async def _tables(engine) -> set[str]:  # type: ignore[no-untyped-def]
    async with engine.connect() as conn:
        return set(await conn.run_sync(lambda c: inspect(c).get_table_names())) - {
            "alembic_version"
        }


async def test_upgrade_downgrade_upgrade_on_an_empty_database(empty_engine) -> None:
    await migrate(empty_engine)
    assert await _tables(empty_engine) == set(metadata.tables)
    await migrate(empty_engine, "base", downgrade=True)
    assert await _tables(empty_engine) == set()
    await migrate(empty_engine)
    assert await _tables(empty_engine) == set(metadata.tables)


async def test_models_and_migrations_do_not_drift(empty_engine) -> None:
    await migrate(empty_engine)
    async with empty_engine.connect() as conn:
        diff = await conn.run_sync(
            lambda c: compare_metadata(MigrationContext.configure(c), metadata)
        )
    assert diff == [], f"models differ from migrations; run alembic revision --autogenerate: {diff}"


def test_the_models_module_registers_every_table_on_its_own() -> None:
    """Alembic imports only api.models: a table missing there would be dropped by autogenerate."""
    import subprocess
    import sys

    script = (
        "import api.models as m; before = set(m.metadata.tables);"
        "import api.main; after = set(m.metadata.tables);"
        "print(sorted(after - before))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", f"tables not registered by api.models: {out.stdout}"
