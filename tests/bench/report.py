"""What a run measured on what: the machine, the versions, the dataset, and the markdown section
for docs/benchmarks.md."""

import os
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from tests.bench import wrk

# The dataset's size at SCALE=1 (make dataset): the scale is read back from the data.
CUSTOMERS_PER_SCALE = 20_000
PACKAGES = ("fastapi", "sqlalchemy", "uvicorn", "asyncpg", "aiosqlite", "httpx")


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line),
        platform.processor() or platform.machine(),
    )
    memory_kb = 0
    if Path("/proc/meminfo").exists():
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "ram_gb": round(memory_kb / 1024 / 1024, 1),
        "kernel": f"{platform.system()} {platform.release()}",
    }


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def versions() -> dict[str, str]:
    found = {"python": platform.python_version(), "wrk": wrk.version()}
    for package in PACKAGES:
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = ""
    return found


async def dataset(database_url: str) -> dict[str, Any]:
    """The database server's version and the dataset's size."""
    engine = create_async_engine(database_url)
    postgres = make_url(database_url).get_backend_name() == "postgresql"
    try:
        async with engine.connect() as conn:
            server = await conn.scalar(
                text("SHOW server_version" if postgres else "SELECT sqlite_version()")
            )
            counts = {
                table: await conn.scalar(text(f"SELECT count(*) FROM {table}"))
                for table in ("customer", "order_line", "report")
            }
    finally:
        await engine.dispose()
    customers = int(counts["customer"] or 0)
    return {
        "database": f"{'PostgreSQL' if postgres else 'SQLite'} {str(server).split()[0]}",
        "customers": customers,
        "order_lines": counts["order_line"],
        "reports": counts["report"],
        "scale": round(customers / CUSTOMERS_PER_SCALE, 2),
    }


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.1f}"


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:,.1f}×"


def latency_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| request | as | workers | driver | requests | errors | p50 ms | p95 ms | p99 ms |",
        "|---|---|--:|---|--:|--:|--:|--:|--:|",
    ]
    for r in rows:
        name = r["scenario"] + (f" ({r['rows']:,} rows)" if r.get("rows") is not None else "")
        lines.append(
            f"| {name} | {r['role']} | {r['workers']} | {r['driver']} | {r['requests']:,} "
            f"| {r['errors']} | {_ms(r['p50'])} | {_ms(r['p95'])} | {_ms(r['p99'])} |"
        )
    return "\n".join(lines)


def floor_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| request | as | statements | raw p50 ms | raw p95 ms | API p50 ms | API p95 ms "
        "| API/raw p50 | API/raw p95 |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in rows:
        if r["error"]:
            lines.append(f"| {r['scenario']} | {r['role']} | {r['statements']} | {r['error']} |")
            continue
        lines.append(
            f"| {r['scenario']} | {r['role']} | {r['statements']} | {r['raw_p50']:,.2f} "
            f"| {r['raw_p95']:,.2f} | {_ms(r['api_p50'])} | {_ms(r['api_p95'])} "
            f"| {_ratio(r['ratio_p50'])} | {_ratio(r['ratio_p95'])} |"
        )
    return "\n".join(lines)


def throughput_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| request | as | workers | connections | requests | errors | req/s | p50 ms | p95 ms "
        "| p99 ms |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    lines += [
        f"| {r['scenario']} | {r['role']} | {r['workers']} | {r['connections']} "
        f"| {r['requests']:,} | {r['errors']} | {r['per_second']:,.1f} | {_ms(r['p50'])} "
        f"| {_ms(r['p95'])} | {_ms(r['p99'])} |"
        for r in rows
    ]
    return "\n".join(lines)


def markdown(run: dict[str, Any]) -> str:
    """The run as a section of docs/benchmarks.md."""
    m, v, d = run["machine"], run["versions"], run["dataset"]
    load = run["load_average"]
    rss = "; ".join(
        f"{workers} worker{'s' if int(workers) > 1 else ''}: {', '.join(map(str, mb))}"
        for workers, mb in run["peak_rss_mb_per_worker"].items()
    )
    packages = ", ".join(f"{name} {v[name]}" for name in PACKAGES if v.get(name))
    parts = [
        f"## {run['label']}: {d['database']}, {d['customers']:,} customers "
        f"(SCALE={d['scale']:g}), {run['date'][:10]}",
        "",
        f"- Machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['ram_gb']:g} GB RAM, {m['kernel']}; "
        f"load average (1 min) {load['start'][0]:g} at the start, {load['end'][0]:g} at the end.",
        f"- Versions: Python {v['python']}, {packages}, {v['wrk'] or 'wrk missing'}; "
        f"{d['database']}.",
        f"- Dataset: {d['customers']:,} customers, {d['order_lines']:,} order lines, "
        f"{d['reports']:,} reports. {run['duration_s']:g} s per measurement.",
        f"- Peak RSS per worker (MB): {rss}.",
    ]
    if run["latency"]:
        parts += [
            "",
            "### Latency, one client (wrk at one connection; httpx for slow requests)",
            "",
            latency_table(run["latency"]),
        ]
    if run["floors"]:
        parts += [
            "",
            "### API / raw SQL (the request's statements replayed with the bare driver)",
            "",
            floor_table(run["floors"]),
        ]
    if run["throughput"]:
        parts += [
            "",
            f"### Throughput (wrk, {run['duration_s']:g} s each)",
            "",
            throughput_table(run["throughput"]),
        ]
    failed = [r for r in run["latency"] + run["throughput"] if r["errors"]]
    parts += [""] + [
        f"Errors: {r['scenario']} ({r['role']}, {r['workers']} workers, {r['connections']} "
        f"connections): statuses {r['statuses']}, socket errors {r['socket_errors']}."
        for r in failed
    ]
    return "\n".join(parts).rstrip() + "\n"
