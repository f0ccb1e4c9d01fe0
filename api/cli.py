"""Operations: `python -m api.cli migrate | seed-demo | openapi FILE`."""

import argparse
import asyncio
import json
import sys
from pathlib import Path

from alembic.config import Config

from alembic import command
from api.config import PROJECT_ROOT, get_settings


def alembic_config(database_url: str | None = None) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["configure_logger"] = False
    if database_url:
        config.attributes["database_url"] = database_url
    return config


def migrate() -> None:
    command.upgrade(alembic_config(), "head")


async def _seed_demo() -> bool:
    from api.db import get_engine, get_sessionmaker
    from api.demo.seed import seed_demo

    async with get_sessionmaker()() as session, session.begin():
        loaded = await seed_demo(session)
    await get_engine().dispose()
    return loaded


def seed_demo() -> None:
    if not get_settings().demo_mode:
        sys.exit("seed-demo needs DEMO_MODE=true (demo passwords are public)")
    print(
        "demo data loaded"
        if asyncio.run(_seed_demo())
        else "database not empty: demo data left alone"
    )


def openapi_document() -> str:
    from api.main import create_app

    return json.dumps(create_app().openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m api.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="upgrade the database to the newest schema")
    sub.add_parser("seed-demo", help="load demo data into an empty database (DEMO_MODE only)")
    export = sub.add_parser("openapi", help="write the OpenAPI document")
    export.add_argument("file", type=Path)
    args = parser.parse_args()
    if args.command == "migrate":
        migrate()
    elif args.command == "seed-demo":
        seed_demo()
    else:
        args.file.write_text(openapi_document(), encoding="utf-8")


if __name__ == "__main__":
    main()
