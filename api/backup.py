"""Backup and restore of the whole database, online: the app keeps serving while a backup runs.

SQLite: the online backup API (a consistent copy page by page, writers wait only per step).
PostgreSQL: pg_dump's custom format (one snapshot transaction) and pg_restore into an empty
database in one transaction, so a failed restore leaves nothing half-written."""

import sqlite3
import subprocess
from pathlib import Path

SQLITE_PREFIX = "sqlite+aiosqlite:///"
POSTGRES_PREFIX = "postgresql+asyncpg://"


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why."""


def _sqlite_path(database_url: str) -> Path | None:
    return (
        Path(database_url.removeprefix(SQLITE_PREFIX))
        if database_url.startswith(SQLITE_PREFIX)
        else None
    )


def _libpq_uri(database_url: str) -> str:
    """pg_dump and pg_restore take a libpq URI: the same URL without the driver name."""
    if not database_url.startswith(POSTGRES_PREFIX):
        raise BackupError(f"unsupported database URL: {database_url.split(':', 1)[0]}")
    return "postgresql://" + database_url.removeprefix(POSTGRES_PREFIX)


def _run(*argv: str) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode:
        raise BackupError(f"{argv[0]} failed: {done.stderr.strip()}")


def _sqlite_copy(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        # 256 pages per step: writers get in between steps, and a write by another connection
        # restarts the copy, so the result is always one consistent moment.
        src.backup(dst, pages=256)
    finally:
        dst.close()
        src.close()


def backup(database_url: str, file: Path) -> None:
    """Write a backup of the database at `database_url` to `file` (which must not exist)."""
    if file.exists():
        raise BackupError(f"{file} exists: choose a new file name")
    file.parent.mkdir(parents=True, exist_ok=True)
    source = _sqlite_path(database_url)
    if source is not None:
        if not source.is_file():
            raise BackupError(f"no database at {source}")
        _sqlite_copy(source, file)
    else:
        _run(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            f"--file={file}",
            f"--dbname={_libpq_uri(database_url)}",
        )


def restore(file: Path, database_url: str) -> None:
    """Restore `file` into the EMPTY database at `database_url`; refuses to overwrite data."""
    if not file.is_file():
        raise BackupError(f"no backup at {file}")
    target = _sqlite_path(database_url)
    if target is not None:
        if target.exists() and target.stat().st_size > 0:
            raise BackupError(f"{target} exists: restore into a new database file")
        target.parent.mkdir(parents=True, exist_ok=True)
        _sqlite_copy(file, target)
    else:
        _run(
            "pg_restore",
            "--no-owner",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={_libpq_uri(database_url)}",
            str(file),
        )
