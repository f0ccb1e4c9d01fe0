"""Benchmark over real HTTP (issue 13): the real server (uvicorn, 1 and 2 workers) on a generated
dataset (`make dataset`), each request as the role that makes it.

    make bench DB=postgresql+asyncpg://… DURATION=5 [ONLY=…] [CONNECTIONS=8,32,64] [LABEL=…]

For each worker count, for DURATION seconds each:
- latency: every scenario with one client (wrk at one connection, httpx for slow requests;
  latency.py);
- the raw-SQL floor (first worker count only): each read's statements replayed with the bare
  driver, and the ratio API / raw SQL against the one-worker latency (floor.py);
- throughput: the home list (vendor, a.sales), /me and /health with wrk at each connection count
  (wrk.py), and the peak RSS of each worker.
Writes var/bench/<label>.json and prints a markdown section for docs/benchmarks.md (report.py).
It writes into the database (registrations, reports, orders): run it on a dataset, never on real
data. It measures; it asserts nothing.
"""

import argparse
import asyncio
import json
import os
import random
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from tests.bench import floor, report, wrk
from tests.bench.latency import measure
from tests.bench.measurement import Measurement
from tests.bench.scenarios import Scenario, scenarios
from tests.bench.server import peak_rss_mb, start_server, wait_ready
from tests.server import free_port

ROOT = Path(__file__).resolve().parents[2]


def _row(table: str) -> str:
    return table.splitlines()[-1]


async def _load(
    base_url: str, scenario: Scenario, workers: int, args: argparse.Namespace
) -> list[Measurement]:
    calls = [scenario.next_call() for _ in range(wrk.READ_CYCLE)]
    found = []
    for connections in args.connections:
        measured = await wrk.run_wrk(base_url, calls, connections, args.duration, args.wrk_threads)
        result = wrk.measurement(measured, scenario.name, scenario.role, workers, connections)
        print(_row(report.throughput_table([asdict(result)])), flush=True)
        found.append(result)
    return found


async def _pass(
    args: argparse.Namespace, workers: int, label: str, run: dict[str, Any]
) -> list[float]:
    """Every measurement with `workers` workers; returns their peak RSS."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    server = start_server(args.database_url, workers, port, args.app_root)
    try:
        async with httpx.AsyncClient(base_url=base_url, timeout=300) as http:
            await wait_ready(http)
            run_id = f"{label[-4:]}{workers}{random.randrange(10**4)}"
            chosen = [s for s in await scenarios(http, run_id) if s.chosen(args.only)]
            latencies: list[Measurement] = []
            for scenario in chosen:
                latencies.append(await measure(http, scenario, workers, args.duration))
                print(_row(report.latency_table([asdict(latencies[-1])])), flush=True)
            run["latency"] += [asdict(r) for r in latencies]
            if args.floor and workers == args.workers[0]:
                found = await floor.floors(args.database_url, args.app_root, chosen, args.duration)
                floor.compare(found, latencies)
                run["floors"] = [asdict(f) for f in found]
                print(report.floor_table(run["floors"]), flush=True)
            for scenario in [s for s in chosen if s.load]:
                run["throughput"] += [
                    asdict(r) for r in await _load(base_url, scenario, workers, args)
                ]
        return peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(30)


async def bench(args: argparse.Namespace) -> None:
    label = args.label or datetime.now(UTC).strftime("%Y%m%d-%H%M")
    run: dict[str, Any] = {
        "label": label,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "database_url": args.database_url.split("@")[-1].split("://")[-1],
        "machine": report.machine(),
        "versions": report.versions(),
        "dataset": await report.dataset(args.database_url),
        "duration_s": args.duration,
        "connections": args.connections,
        "load_average": {"start": report.load_average()},
        "peak_rss_mb_per_worker": {},
        "latency": [],
        "floors": [],
        "throughput": [],
    }
    for workers in args.workers:
        run["peak_rss_mb_per_worker"][str(workers)] = await _pass(args, workers, label, run)
    run["load_average"]["end"] = report.load_average()
    out = ROOT / "var" / "bench" / f"{label}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(run, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\n{out}\n\n{report.markdown(run)}")


def _numbers(text: str) -> list[int]:
    return [int(n) for n in text.split(",") if n.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.http_load")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per measurement")
    parser.add_argument("--workers", type=_numbers, default=[1, 2], help="e.g. 1,2")
    parser.add_argument(
        "--connections",
        type=_numbers,
        default=[8, 32, 64],
        help="wrk's connection counts for the throughput runs; empty: no throughput runs",
    )
    parser.add_argument("--wrk-threads", type=int, default=1, help="wrk's threads (-t)")
    parser.add_argument("--no-floor", dest="floor", action="store_false", help="skip raw SQL")
    parser.add_argument("--label", default="")
    parser.add_argument(
        "--only",
        type=lambda text: [w for w in text.split(",") if w],
        default=[],
        help="comma-separated parts of request names or roles, e.g. 'home,/me'",
    )
    parser.add_argument(
        "--app-root",
        type=Path,
        default=ROOT,
        help="the checkout whose app is served (before/after)",
    )
    args = parser.parse_args()
    if not args.database_url:
        sys.exit("DB=… (or DATABASE_URL): the database made by `make dataset`")
    if not wrk.installed():
        sys.exit(wrk.MISSING)
    asyncio.run(bench(args))


if __name__ == "__main__":
    main()
