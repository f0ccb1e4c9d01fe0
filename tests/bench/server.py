"""The server under test: uvicorn with N workers on the dataset, and its peak memory."""

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import httpx

from tests.bench.calls import API
from tests.bench.scenarios import EXPORT_ROWS


def app_env(database_url: str, app_root: Path) -> dict[str, str]:
    """The settings of the app under test, for the server and for the in-process capture alike
    (same secret and issuer: a token signed in over HTTP is valid in both)."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-" + "x" * 40),
        "DEMO_MODE": "false",
        "LOG_LEVEL": "WARNING",
        "JOBS_INTERVAL_MINUTES": "0",
        "REGISTRATION_CHECKS_PER_HOUR": str(10**9),  # the check's rate limit is not measured
        "EXPORT_MAX_ROWS": str(EXPORT_ROWS),
        "PYTHONPATH": str(app_root),
    }


def start_server(
    database_url: str, workers: int, port: int, app_root: Path
) -> subprocess.Popen[bytes]:
    # As the README deploys it (api/serve.py: uvicorn's own --workers leaves Nagle on).
    command = [sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers)]
    return subprocess.Popen(command, env=app_env(database_url, app_root), cwd=app_root)


async def wait_ready(http: httpx.AsyncClient) -> None:
    for _ in range(300):
        try:
            if (await http.get(f"{API}/health")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise RuntimeError("the server did not start")


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _workers(server: int) -> list[int]:
    """The processes uvicorn spawned to serve (not multiprocessing's resource tracker)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            command = (stat.parent / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if parent == server and b"spawn_main" in command:
            found.append(int(stat.parent.name))
    return found


def peak_rss_mb(server: int) -> list[float]:
    """VmHWM of the server's workers (Linux /proc), in MB: the processes it spawned when it
    supervises several, itself when it is the one worker."""
    return [_peak_rss_mb(pid) for pid in _workers(server) or [server]]
