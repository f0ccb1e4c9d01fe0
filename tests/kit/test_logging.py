"""Logs are one JSON object per line: the request's fields (method, path, status, duration_ms,
user_id), the request id on every line, and the traceback text of an exception."""

import io
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from api.kit.logging import json_handler, request_id_var


@contextmanager
def captured(name: str) -> Iterator[Callable[[], list[dict]]]:
    """The lines the app's JSON handler writes for logger `name` (at INFO, whatever the level)."""
    stream, logger = io.StringIO(), logging.getLogger(name)
    handler, level = json_handler(stream), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # not also to stderr
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = True


async def test_a_request_writes_one_json_line_with_its_fields_and_request_id(client, world) -> None:
    headers = {**world.a_sales.headers, "X-Request-ID": "req-log-1"}
    with captured("api.access") as lines:
        response = await client.get("/api/v1/me", headers=headers)
    assert response.status_code == 200
    [line] = lines()
    assert {key: line[key] for key in ("level", "logger", "message")} == {
        "level": "INFO",
        "logger": "api.access",
        "message": "request",
    }
    assert {key: line[key] for key in ("method", "path", "status", "user_id", "request_id")} == {
        "method": "GET",
        "path": "/api/v1/me",
        "status": 200,
        "user_id": world.a_sales.id,
        "request_id": "req-log-1",
    }
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert datetime.fromisoformat(line["time"]).utcoffset() is not None  # UTC, with its offset


def test_an_exception_line_carries_the_traceback_text_and_the_request_id() -> None:
    token = request_id_var.set("req-log-2")
    try:
        with captured("api.test") as lines:
            try:
                raise ValueError("客户名称无效")
            except ValueError:
                logging.getLogger("api.test").exception("导入失败")
    finally:
        request_id_var.reset(token)
    [line] = lines()
    assert (line["level"], line["message"]) == ("ERROR", "导入失败")
    assert line["request_id"] == "req-log-2"
    assert "Traceback" in line["exception"] and "ValueError: 客户名称无效" in line["exception"]


def test_lines_outside_a_request_say_so_with_a_dash() -> None:
    with captured("api.jobs") as lines:
        logging.getLogger("api.jobs").info("released %d expired customers", 2)
    [line] = lines()
    assert (line["message"], line["request_id"]) == ("released 2 expired customers", "-")
