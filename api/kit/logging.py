"""Structured JSON logs (python-json-logger), each line carrying the request id of the request
that wrote it and whatever the caller passed as `extra` (method, path, status, duration_ms …)."""

import logging
import sys
from contextvars import ContextVar
from typing import IO

from pythonjsonlogger.json import JsonFormatter

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Stamps the current request id on every record the handler writes, from any logger; a
    record given its request id explicitly (`extra`, where the request context is gone) keeps it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not isinstance(getattr(record, "request_id", None), str):
            record.request_id = request_id_var.get()
        return True


def json_handler(stream: IO[str]) -> logging.Handler:
    """One JSON object per line: time, level, logger, message, request_id, the `extra` fields,
    and the traceback as `exception`."""
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(
        JsonFormatter(
            ["levelname", "name", "message"],
            rename_fields={"levelname": "level", "name": "logger", "exc_info": "exception"},
            timestamp="time",
            json_ensure_ascii=False,  # Chinese stays readable in the logs
        )
    )
    return handler


def configure_logging(level: str) -> None:
    root = logging.getLogger()
    root.handlers[:] = [json_handler(sys.stderr)]
    root.setLevel(level)
