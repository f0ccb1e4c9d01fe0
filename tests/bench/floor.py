"""Each read's raw-SQL floor and the ratio API / raw SQL: the statements of one request of the
scenario, caught in-process (capture.py), replayed with the bare driver (raw_sql.py), against the
scenario's API latency with one worker and one client."""

import asyncio
import pickle
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.bench.calls import Call
from tests.bench.measurement import Measurement, percentile
from tests.bench.raw_sql import Captured, bare_driver, replay
from tests.bench.scenarios import Scenario
from tests.bench.server import app_env

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Floor:
    scenario: str
    role: str
    status: int  # of the request whose statements were caught
    statements: int  # SQL statements of one request, without BEGIN / COMMIT
    raw_runs: int = 0
    raw_p50: float = 0.0  # ms, the whole request's SQL in one transaction
    raw_p95: float = 0.0
    api_p50: float | None = None  # ms, over HTTP, 1 worker, 1 client
    api_p95: float | None = None
    ratio_p50: float | None = None
    ratio_p95: float | None = None
    error: str = ""  # why the replay failed, if it did


async def capture_elsewhere(database_url: str, app_root: Path, calls: list[Call]) -> list[Captured]:
    """capture.py in a process of its own, set up as the server is."""
    with tempfile.TemporaryDirectory(prefix="bench-capture-") as tmp:
        given, caught = Path(tmp) / "calls.pickle", Path(tmp) / "captured.pickle"
        given.write_bytes(pickle.dumps(calls))
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.bench.capture",
            "--app-root",
            str(app_root),
            "--calls",
            str(given),
            "--out",
            str(caught),
            cwd=ROOT,
            env=app_env(database_url, app_root),
        )
        if await process.wait() != 0:
            raise RuntimeError("capturing the requests' statements failed (see above)")
        captured: list[Captured] = pickle.loads(caught.read_bytes())
    return captured


async def floors(
    database_url: str, app_root: Path, scenarios: list[Scenario], seconds: float
) -> list[Floor]:
    """The floor of every read scenario that sends SQL (the bare endpoint sends none)."""
    reads = [s for s in scenarios if s.reads]
    captured = await capture_elsewhere(database_url, app_root, [s.next_call() for s in reads])
    found: list[Floor] = []
    async with bare_driver(database_url) as run:
        for scenario, request in zip(reads, captured, strict=True):
            if not request.statements:
                continue
            floor = Floor(scenario.name, scenario.role, request.status, len(request.statements))
            try:
                timings = sorted(await replay(run, request, seconds))
            except Exception as error:  # reported in its row; the other floors go on
                floor.error = f"{type(error).__name__}: {error}"
            else:
                floor.raw_runs = len(timings)
                floor.raw_p50 = round(statistics.median(timings), 2)
                floor.raw_p95 = round(percentile(timings, 0.95), 2)
            found.append(floor)
    return found


def compare(found: list[Floor], latencies: list[Measurement]) -> None:
    """Fill each floor's API figures and ratios from the one-worker latencies."""
    api = {(r.scenario, r.role): r for r in latencies if r.workers == 1}
    for floor in found:
        measured = api.get((floor.scenario, floor.role))
        if measured is None or floor.error or not floor.raw_p50:
            continue
        floor.api_p50, floor.api_p95 = measured.p50, measured.p95
        floor.ratio_p50 = round(measured.p50 / floor.raw_p50, 1)
        floor.ratio_p95 = round(measured.p95 / floor.raw_p95, 1)
