"""The bench's own tools keep working (they run only in `make bench`, so nothing else would notice
them rot): a request's statements are caught in-process and replayed for real with the bare
driver; wrk runs the bench's Lua script and its report is read, non-2xx answers as errors."""

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import func, select

from api.registrations.models import RegistrationCheck
from tests.bench import wrk
from tests.bench.calls import Call, get
from tests.bench.raw_sql import bare_driver, capture, replay
from tests.statements import count_statements


async def test_a_requests_statements_are_caught_and_replayed_with_the_bare_driver(
    app, client, database_url, world, factory, session
) -> None:  # type: ignore[no-untyped-def]
    await factory.customer(world.agent_a, world.a_sales)
    home = get("/customers", world.a_sales.headers)
    check = get("/registrations/check", world.a_sales.headers, name="深圳市测试精密电子")
    listed, checked = await capture(app, [home, check])
    assert (listed.status, checked.status) == (200, 200)
    with count_statements() as counted:
        await home.send(client)
    assert [s.sql for s in listed.statements] == counted  # what tests/statements.py sees

    logged = select(func.count()).select_from(RegistrationCheck)
    before = await session.scalar(logged)
    await session.commit()  # a new snapshot for the count below
    async with bare_driver(database_url) as run:
        assert len(await replay(run, listed, seconds=0, at_least=3)) == 3
        await replay(run, checked, seconds=0, at_least=2)
    # the check logs itself: the warm-up and the 2 timed replays wrote their rows, committed
    assert await session.scalar(logged) == before + 3


class _Answers(BaseHTTPRequestHandler):
    """200 for an authorised GET of /ok and for the bench's JSON body, 404 for anything else."""

    protocol_version = "HTTP/1.1"  # keep-alive, as uvicorn
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self._answer(
            200 if self.path == "/ok?q=%E6%B7%B1" and self.headers["Authorization"] else 404
        )

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self._answer(200 if json.loads(body) == {"name": "深圳"} else 400)

    def _answer(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def answering() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.skipif(shutil.which("wrk") is None, reason=wrk.MISSING)
async def test_wrk_sends_the_calls_and_counts_every_answer_that_is_not_2xx_as_an_error(
    answering: str,
) -> None:
    calls = [
        Call("GET", "/ok?q=%E6%B7%B1", {"Authorization": "Bearer x"}),
        Call("POST", "/", {}, json.dumps({"name": "深圳"}, ensure_ascii=False).encode()),
        Call("GET", "/missing", {}),
    ]
    found = wrk.measurement(await wrk.run_wrk(answering, calls, 2, 1), "s", "r", 1, 2)
    assert found.requests > 0 and found.per_second > 0 and found.p50 > 0
    assert set(found.statuses) == {"200", "404"}  # the UTF-8 body arrived intact: no 400
    assert found.errors == found.statuses["404"]


def test_the_report_line_of_the_lua_script_is_read() -> None:
    out = (
        "Running 1s test @ http://127.0.0.1:8000\n  2 threads and 8 connections\n"
        'WRK_JSON {"requests": 10, "duration_us": 2000000, "bytes": 99, "latency_us": '
        '{"p50": 1500, "p95": 2500, "p99": 9000, "mean": 1700.0, "max": 9100}, '
        '"socket_errors": {"connect": 0, "read": 1, "write": 0, "timeout": 0}, '
        '"statuses": {"200": 8, "503": 1}}\n'
    )
    found = wrk.measurement(wrk.parse(out), "health", "anyone", 2, 8)
    assert (found.requests, found.per_second, found.p50, found.p95, found.p99) == (
        10,
        5.0,
        1.5,
        2.5,
        9.0,
    )
    assert found.errors == 2  # the 503 and the read error
