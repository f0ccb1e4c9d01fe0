"""Benchmark over real HTTP: the real server (uvicorn, 1 and 2 workers) on a generated dataset
(`make dataset`), each request as the role that makes it, one client and eight at once.

    make bench DB=postgresql+asyncpg://… DURATION=5 [LABEL=after] [WORKERS=1,2]

Writes var/bench/<label>.json and prints a markdown table (docs/benchmarks.md keeps the runs).
It writes into the database (registrations, orders): run it on a dataset, never on real data.
It measures; it asserts nothing.
"""

import argparse
import asyncio
import itertools
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from api.dataset.plan import SYLLABLES
from api.demo.password import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
API = "/api/v1"
Call = Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]


@dataclass
class Scenario:
    name: str
    role: str
    call: Call
    clients: tuple[int, ...] = (1, 8)
    # One numbering for every measurement of it: a write never repeats a name or order number.
    numbers: Iterator[int] = field(default_factory=itertools.count)


@dataclass
class Result:
    scenario: str
    role: str
    workers: int
    clients: int
    requests: int
    errors: int
    per_second: float
    p50: float
    p95: float
    p99: float
    statuses: dict[str, int] = field(default_factory=dict)


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


async def measure(
    http: httpx.AsyncClient, scenario: Scenario, workers: int, clients: int, seconds: float
) -> Result:
    timings: list[float] = []
    statuses: dict[str, int] = {}
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            response = await scenario.call(http, next(scenario.numbers))
            timings.append((time.perf_counter() - started) * 1000)
            statuses[str(response.status_code)] = statuses.get(str(response.status_code), 0) + 1

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - began
    ordered = sorted(timings)
    errors = sum(n for code, n in statuses.items() if not code.startswith("2"))
    return Result(
        scenario.name,
        scenario.role,
        workers,
        clients,
        len(timings),
        errors,
        round(len(timings) / elapsed, 1),
        round(statistics.median(ordered), 1),
        round(percentile(ordered, 0.95), 1),
        round(percentile(ordered, 0.99), 1),
        statuses,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    database_url: str, workers: int, port: int, app_root: Path
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-" + "x" * 40),
        "DEMO_MODE": "false",
        "LOG_LEVEL": "WARNING",
        "JOBS_INTERVAL_MINUTES": "0",
        "REGISTRATION_CHECKS_PER_HOUR": str(10**9),  # the check's rate limit is not measured
        "PYTHONPATH": str(app_root),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-access-log",
        ],
        env=env,
        cwd=app_root,
    )


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def peak_rss_mb(server: int) -> list[float]:
    """VmHWM of the server's workers (Linux /proc), in MB: its children when it supervises
    several, itself when it is the one worker."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == server:
                children.append(_peak_rss_mb(int(stat.parent.name)))
        except (OSError, IndexError, ValueError):
            continue
    return children or [_peak_rss_mb(server)]


async def wait_ready(http: httpx.AsyncClient) -> None:
    for _ in range(300):
        try:
            if (await http.get(f"{API}/health")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise RuntimeError("the server did not start")


async def sign_in(http: httpx.AsyncClient, username: str) -> dict[str, str]:
    response = await http.post(
        f"{API}/auth/login", json={"username": username, "password": DEMO_PASSWORD}
    )
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


DIGITS = sorted(set(SYLLABLES))  # each character once: two numbers never spell the same name


def new_company(number: int, run: str) -> str:
    """A name nobody holds: its core spells the run and the number in syllables."""
    digits, value = [], number
    for _ in range(4):
        digits.append(DIGITS[value % len(DIGITS)])
        value //= len(DIGITS)
    return f"深圳市{run}{''.join(digits)}智能电子有限公司"


async def scenarios(http: httpx.AsyncClient, run: str) -> list[Scenario]:
    who = {u: await sign_in(http, u) for u in ("vendor", "a.sales", "a.admin")}

    async def page(role: str, path: str, **params: object) -> list[dict[str, object]]:
        response = await http.get(
            f"{API}{path}", params={"limit": 200, **params}, headers=who[role]
        )
        response.raise_for_status()
        body = response.json()
        items: list[dict[str, object]] = body["items"] if isinstance(body, dict) else body
        return items

    everyone = [c["id"] for c in await page("vendor", "/customers")]
    mine = await page("a.sales", "/customers", status="protected")
    names = [str(c["name"]) for c in mine]
    with_projects: list[tuple[int, int]] = []
    for customer in mine[:40]:
        projects = await page("a.admin", f"/customers/{customer['id']}/projects")
        with_projects += [(int(str(customer["id"])), int(str(p["id"]))) for p in projects[:1]]
    domain_id = (await http.get(f"{API}/catalog/product-domains", headers=who["vendor"])).json()
    domain = domain_id[0]["id"] if isinstance(domain_id, list) else 1
    today = datetime.now(UTC).date()

    def get(role: str, path: Callable[[int], str], **params: object) -> Call:
        return lambda c, i: c.get(f"{API}{path(i)}", params=params, headers=who[role])

    def register(c: httpx.AsyncClient, i: int) -> Awaitable[httpx.Response]:
        body = {
            "name": new_company(i, run),
            "province": "广东省",
            "city": "深圳市",
            "product_domain_id": domain,
            "annual_mcu_usage_wan": "50",
        }
        return c.post(f"{API}/registrations", json=body, headers=who["a.sales"])

    def order(c: httpx.AsyncClient, i: int) -> Awaitable[httpx.Response]:
        customer, project = with_projects[i % len(with_projects)]
        body = {
            "order_number": f"BENCH-{run}-{i}",
            "contract_date": (today - timedelta(days=1)).isoformat(),
            "lines": [{"project_id": project, "quantity": 5000, "batches": ["2612A01"]}],
        }
        return c.post(f"{API}/customers/{customer}/orders", json=body, headers=who["a.admin"])

    rng = random.Random(run)
    checks = [rng.choice(names).replace("有限公司", "") for _ in range(500)]
    return [
        Scenario("bare endpoint (health)", "anyone", lambda c, i: c.get(f"{API}/health")),
        Scenario("bare authenticated (/me)", "a.sales", get("a.sales", lambda i: "/me")),
        Scenario("home customer list", "vendor", get("vendor", lambda i: "/customers")),
        Scenario("home customer list", "a.sales", get("a.sales", lambda i: "/customers")),
        Scenario("home customer list", "a.admin", get("a.admin", lambda i: "/customers")),
        Scenario(
            "customer detail",
            "vendor",
            get("vendor", lambda i: f"/customers/{everyone[i % len(everyone)]}"),
        ),
        Scenario(
            "customer detail",
            "a.sales",
            get("a.sales", lambda i: f"/customers/{mine[i % len(mine)]['id']}"),
        ),
        Scenario(
            "conflict check",
            "a.sales",
            lambda c, i: c.get(
                f"{API}/registrations/check",
                params={"name": checks[i % len(checks)]},
                headers=who["a.sales"],
            ),
        ),
        Scenario("registration create", "a.sales", register),
        Scenario(
            "report list",
            "a.sales",
            get("a.sales", lambda i: f"/customers/{mine[i % len(mine)]['id']}/reports"),
        ),
        Scenario("order create", "a.admin", order),
        Scenario(
            "shipments 12 months × MCU model",
            "vendor",
            get("vendor", lambda i: "/stats/shipments", group_by="mcu_model"),
            (1,),
        ),
        Scenario(
            "shipments 12 months × agent",
            "vendor",
            get("vendor", lambda i: "/stats/shipments", group_by="agent"),
            (1,),
        ),
        Scenario("forecast 12 months", "vendor", get("vendor", lambda i: "/forecast"), (1,)),
        Scenario("pool search", "a.sales", get("a.sales", lambda i: "/pool", search="科技")),
        Scenario(
            "audit export (csv)",
            "vendor",
            get("vendor", lambda i: "/audit", format="csv"),
            (1,),
        ),
    ]


def table(results: list[Result]) -> str:
    lines = [
        "| request | as | workers | clients | requests | errors | req/s | p50 ms | p95 ms "
        "| p99 ms |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    lines += [
        f"| {r.scenario} | {r.role} | {r.workers} | {r.clients} | {r.requests:,} | {r.errors} "
        f"| {r.per_second:,.1f} | {r.p50} | {r.p95} | {r.p99} |"
        for r in results
    ]
    return "\n".join(lines)


async def run(args: argparse.Namespace) -> None:
    results: list[Result] = []
    rss: dict[int, list[float]] = {}
    label = args.label or datetime.now(UTC).strftime("%Y%m%d-%H%M")
    for workers in [int(w) for w in args.workers.split(",")]:
        port = free_port()
        server = start_server(args.database_url, workers, port, args.app_root)
        try:
            limits = httpx.Limits(max_connections=16, max_keepalive_connections=16)
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{port}", timeout=120, limits=limits
            ) as http:
                await wait_ready(http)
                run_id = f"{label[-4:]}{workers}{random.randrange(10**4)}"
                for scenario in await scenarios(http, run_id):
                    if args.only and not any(w in scenario.name for w in args.only.split(",")):
                        continue
                    for clients in scenario.clients:
                        result = await measure(http, scenario, workers, clients, args.duration)
                        results.append(result)
                        print(table([result]).splitlines()[-1], flush=True)
            rss[workers] = peak_rss_mb(server.pid)
        finally:
            server.terminate()
            server.wait(30)
    report = {
        "label": label,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": args.database_url.split("@")[-1].split("://")[-1],
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "duration_s": args.duration,
        "peak_rss_mb_per_worker": rss,
        "results": [asdict(r) for r in results],
    }
    out = ROOT / "var" / "bench" / f"{label}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\n{report['machine']}; peak RSS per worker (MB): {rss}; {out}\n")
    print(table(results))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.http_load")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per measurement")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--label", default="")
    parser.add_argument("--only", default="", help="comma-separated parts of request names")
    parser.add_argument(
        "--app-root",
        type=Path,
        default=ROOT,
        help="the checkout whose app is served (before/after)",
    )
    args = parser.parse_args()
    if not args.database_url:
        sys.exit("DB=… (or DATABASE_URL): the database made by `make dataset`")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
