"""Operations: `python -m api.cli COMMAND` (migrate, seed-demo, dataset, jobs, openapi, backup,
restore, serve); see --help."""

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


async def _dataset(scale: float, seed: int) -> None:
    from api.dataset.service import NotEmpty, generate
    from api.db import get_engine, get_sessionmaker

    try:
        async with get_sessionmaker()() as session, session.begin():
            await generate(session, scale, seed, lambda line: print(line, flush=True))
    except NotEmpty:
        sys.exit("database not empty: the dataset is generated into an empty database only")
    finally:
        await get_engine().dispose()


def dataset(scale: float, seed: int) -> None:
    if not get_settings().demo_mode:
        sys.exit(
            "dataset needs DEMO_MODE=true (it brings the demo logins, whose passwords are public)"
        )
    asyncio.run(_dataset(scale, seed))


def run_job(name: str) -> None:
    from api.db import get_engine
    from api.jobs import run_forecast_snapshot, run_release_expired, run_reminders

    job = {
        "release-expired": run_release_expired,
        "snapshot-forecast": run_forecast_snapshot,
        "send-reminders": run_reminders,
    }[name]

    async def run() -> int:
        try:
            return await job()
        finally:
            await get_engine().dispose()

    print(f"{name}: {asyncio.run(run())}")


def backup_or_restore(command_name: str, file: Path) -> None:
    from api import backup

    database_url = get_settings().database_url
    try:
        if command_name == "backup":
            backup.backup(database_url, file)
        else:
            backup.restore(file, database_url)
    except backup.BackupError as error:
        sys.exit(f"{command_name}: {error}")
    print(f"{command_name}: {file}")


def openapi_document() -> str:
    from api.main import create_app

    return json.dumps(create_app().openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m api.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="upgrade the database to the newest schema")
    sub.add_parser("seed-demo", help="load demo data into an empty database (DEMO_MODE only)")
    sub.add_parser(
        "release-expired", help="release customers whose protection ended (safe to overlap)"
    )
    sub.add_parser("snapshot-forecast", help="store this month's forecast snapshot (once a month)")
    sub.add_parser(
        "send-reminders",
        help="queue protection-ending and follow-up-overdue emails (once each; safe to overlap)",
    )
    synthetic = sub.add_parser(
        "dataset",
        help="demo data plus a synthetic channel (SCALE=1: 20,000 customers) in an empty database",
    )
    synthetic.add_argument("--scale", type=float, default=1.0)
    synthetic.add_argument("--seed", type=int, default=20261205)
    export = sub.add_parser("openapi", help="write the OpenAPI document")
    export.add_argument("file", type=Path)
    backup = sub.add_parser("backup", help="back up DATABASE_URL to a new file, while it serves")
    backup.add_argument("file", type=Path)
    restore = sub.add_parser("restore", help="restore a backup into the EMPTY DATABASE_URL")
    restore.add_argument("file", type=Path)
    serving = sub.add_parser("serve", help="serve the API (and the built SPA) with N workers")
    serving.add_argument("--host", default="127.0.0.1")
    serving.add_argument("--port", type=int, default=8000)
    serving.add_argument("--workers", type=int, default=1)
    serving.add_argument(
        "--forwarded-allow-ips", help="the load balancer's address(es): trust its X-Forwarded-*"
    )
    args = parser.parse_args()
    if args.command == "migrate":
        migrate()
    elif args.command == "seed-demo":
        seed_demo()
    elif args.command == "dataset":
        dataset(args.scale, args.seed)
    elif args.command in ("release-expired", "snapshot-forecast", "send-reminders"):
        run_job(args.command)
    elif args.command in ("backup", "restore"):
        backup_or_restore(args.command, args.file)
    elif args.command == "serve":
        from api.serve import serve

        serve(args.host, args.port, args.workers, args.forwarded_allow_ips)
    else:
        args.file.write_text(openapi_document(), encoding="utf-8")


if __name__ == "__main__":
    main()
