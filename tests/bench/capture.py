"""`python -m tests.bench.capture`: the statements of each request, caught in-process in a
process of its own, so the app reads the server's settings from its environment (its settings and
engine are cached per process) and is the app of --app-root (a before/after compares checkouts).
Called by floor.py; calls in and captures out as pickles in a private temporary directory."""

import argparse
import asyncio
import pickle
import sys
from pathlib import Path

from tests.bench.calls import Call
from tests.bench.raw_sql import Captured, capture


async def capture_app(app_root: Path, calls: list[Call]) -> list[Captured]:
    sys.path.insert(0, str(app_root))  # before the first import of `api`
    from api.db import get_engine
    from api.main import app

    try:
        return await capture(app, calls)
    finally:
        await get_engine().dispose()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.capture")
    parser.add_argument("--app-root", type=Path, required=True)
    parser.add_argument("--calls", type=Path, required=True, help="pickled list of Call")
    parser.add_argument("--out", type=Path, required=True, help="pickled list of Captured")
    args = parser.parse_args()
    calls = pickle.loads(args.calls.read_bytes())
    args.out.write_bytes(pickle.dumps(asyncio.run(capture_app(args.app_root, calls))))


if __name__ == "__main__":
    main()
