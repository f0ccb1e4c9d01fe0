"""wrk: N connections for a fixed time, from one C thread that leaves the server the cores (a
Python load driver on this 2-core machine took one of them from the server). Throughput runs at
8, 32, 64 connections; the one-client latency of a fast request at one (latency.py).

wrk_report.lua sends the scenario's requests (with their auth header) and prints a JSON line
at the end; parse() reads it. Requests whose status is not 2xx are errors, as are socket errors
(connect, read, write, timeout)."""

import asyncio
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from tests.bench.calls import Call
from tests.bench.measurement import Measurement, not_2xx

SCRIPT = Path(__file__).with_name("wrk_report.lua")
MISSING = (
    "wrk is not installed: `apt-get install wrk` (Debian/Ubuntu package wrk); "
    "make bench measures latency and throughput with it"
)
MARK = "WRK_JSON "
# The requests a connection cycles through for a read: distinct ids where the scenario has some.
READ_CYCLE = 256


def installed() -> bool:
    return shutil.which("wrk") is not None


def version() -> str:
    """wrk's first line of usage ("wrk 4.1.0 [epoll] …"), or "" when it is missing."""
    path = shutil.which("wrk")
    if path is None:
        return ""
    shown = subprocess.run([path, "-v"], capture_output=True, text=True, check=False)
    first = (shown.stdout or shown.stderr).splitlines()
    return first[0].split(" Copyright")[0].strip() if first else ""


def lua_string(value: str | bytes) -> str:
    """A Lua string literal: printable ASCII as is, every other byte as a decimal escape."""
    data = value.encode() if isinstance(value, str) else value
    return '"' + "".join(_lua_byte(b) for b in data) + '"'


def _lua_byte(b: int) -> str:
    return chr(b) if 32 <= b < 127 and chr(b) not in '"\\' else f"\\{b:03d}"


def lua_calls(calls: list[Call]) -> str:
    """The Lua file wrk_report.lua loads: the requests to cycle through."""
    entries = []
    for call in calls:
        headers = ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in call.headers.items())
        body = lua_string(call.body) if call.body else "nil"
        entries.append(
            f"  {{method = {lua_string(call.method)}, path = {lua_string(call.path)}, "
            f"headers = {{{headers}}}, body = {body}}}"
        )
    return "return {\n" + ",\n".join(entries) + "\n}\n"


def parse(stdout: str) -> dict[str, Any]:
    """The JSON line wrk_report.lua's done() printed."""
    for line in stdout.splitlines():
        if line.startswith(MARK):
            parsed: dict[str, Any] = json.loads(line[len(MARK) :])
            return parsed
    raise ValueError(f"no {MARK.strip()} line in wrk's output:\n{stdout}")


async def run_wrk(
    base_url: str, calls: list[Call], connections: int, seconds: float, threads: int = 1
) -> dict[str, Any]:
    """wrk's report of `connections` connections cycling through `calls` for `seconds`."""
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as tmp:
        requests = Path(tmp) / "requests.lua"
        requests.write_text(lua_calls(calls), encoding="ascii")
        process = await asyncio.create_subprocess_exec(
            "wrk",
            f"-t{max(1, min(threads, connections))}",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "60s",  # a slow answer under load is a latency, not a timeout
            "-s",
            str(SCRIPT),
            base_url,
            "--",
            str(requests),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"wrk failed ({process.returncode}): {err.decode()}")
    return parse(out.decode())


def measurement(
    report: dict[str, Any], scenario: str, role: str, workers: int, connections: int
) -> Measurement:
    statuses = {str(k): int(v) for k, v in report["statuses"].items()}
    sockets = {k: int(v) for k, v in report["socket_errors"].items()}
    seconds = report["duration_us"] / 1e6
    latency = report["latency_us"]
    return Measurement(
        scenario,
        role,
        workers,
        connections,
        "wrk",
        report["requests"],
        not_2xx(statuses) + sum(sockets.values()),
        round(report["requests"] / seconds, 1) if seconds else 0.0,
        round(latency["p50"] / 1000, 1),
        round(latency["p95"] / 1000, 1),
        round(latency["p99"] / 1000, 1),
        statuses,
        sockets,
    )
