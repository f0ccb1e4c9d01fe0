"""Each scenario's latency with one client, one request at a time, for a fixed time, after one
request not counted (a warm-up; it also counts the rows of a CSV export).

wrk at one connection measures it: no Python client in the loop (on this 2-core machine under
load, an httpx client doubled a bare endpoint's figure: /health p50 6.5 ms with httpx, 1.6 ms with
wrk, same server, a minute apart). The scenario's requests are written out for wrk beforehand: a
cycle of them for a read (distinct ids where it has some); for a write, one body of its own for
every request wrk could send in the time if each took FASTEST_WRITE_MS (a repeat would be
refused, 409, and show as an error).

httpx measures a slow scenario (a second or more a request): wrk stops at the deadline and drops
the request in flight, so a 5-second forecast could get no figure at all, while a client's
millisecond is noise beside it.
"""

import csv
import io
import math
import statistics
import time

import httpx

from tests.bench import wrk
from tests.bench.measurement import Measurement, not_2xx, percentile
from tests.bench.scenarios import Scenario

FASTEST_WRITE_MS = 2  # a write's transaction alone takes longer on either database


def csv_rows(response: httpx.Response) -> int | None:
    if not response.headers.get("content-type", "").startswith("text/csv"):
        return None
    return max(0, len(list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))) - 1)


async def measure(
    http: httpx.AsyncClient, scenario: Scenario, workers: int, seconds: float
) -> Measurement:
    first = await scenario.next_call().send(http)
    if scenario.slow:
        found = await _with_httpx(http, scenario, workers, seconds)
    else:
        found = await _with_wrk(str(http.base_url), scenario, workers, seconds)
    found.rows = csv_rows(first)
    return found


async def _with_wrk(base_url: str, scenario: Scenario, workers: int, seconds: float) -> Measurement:
    count = wrk.READ_CYCLE if scenario.reads else math.ceil(seconds * 1000 / FASTEST_WRITE_MS)
    calls = [scenario.next_call() for _ in range(count)]
    report = await wrk.run_wrk(base_url.rstrip("/"), calls, 1, seconds)
    return wrk.measurement(report, scenario.name, scenario.role, workers, 1)


async def _with_httpx(
    http: httpx.AsyncClient, scenario: Scenario, workers: int, seconds: float
) -> Measurement:
    """Every request runs to its end, at least one."""
    timings: list[float] = []
    statuses: dict[str, int] = {}
    began = time.perf_counter()
    while not timings or time.perf_counter() - began < seconds:
        started = time.perf_counter()
        response = await scenario.next_call().send(http)
        timings.append((time.perf_counter() - started) * 1000)
        statuses[str(response.status_code)] = statuses.get(str(response.status_code), 0) + 1
    elapsed = time.perf_counter() - began
    ordered = sorted(timings)
    return Measurement(
        scenario.name,
        scenario.role,
        workers,
        1,
        "httpx",
        len(timings),
        not_2xx(statuses),
        round(len(timings) / elapsed, 1),
        round(statistics.median(ordered), 1),
        round(percentile(ordered, 0.95), 1),
        round(percentile(ordered, 0.99), 1),
        statuses,
    )
