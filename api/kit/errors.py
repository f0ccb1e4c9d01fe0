"""Error types the services raise, and the handlers that turn them into `{"detail", "code"}`."""

import logging
import socket
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.kit.messages import language, translate
from api.kit.validation import describe

log = logging.getLogger("api.errors")

# What the drivers raise when the database cannot be reached: SQLite's "unable to open database
# file" or "database is locked" (OperationalError), a connection that died (InterfaceError, or any
# DBAPIError SQLAlchemy marks invalidated), a full pool, and asyncpg's socket errors on connect
# (refused, reset, unknown host, timed out), which SQLAlchemy passes on unwrapped.
DATABASE_UNAVAILABLE: tuple[type[Exception], ...] = (
    OperationalError,
    InterfaceError,
    DBAPIError,
    PoolTimeoutError,
    ConnectionError,
    socket.gaierror,
    TimeoutError,
)
# SQLite says OperationalError for a syntax error too; its error names tell an unreachable,
# busy or failing database file apart from a bug.
_SQLITE_UNAVAILABLE = ("SQLITE_CANTOPEN", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_IOERR")
# Seconds a client should wait before trying again: a restart or failover takes a few.
DATABASE_RETRY_AFTER = 5


class AppError(Exception):
    """A refusal a person should understand; `code` selects the message in the catalogue."""

    status_code = 400

    def __init__(self, code: str, status_code: int | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
        if status_code is not None:
            self.status_code = status_code
        self.headers: dict[str, str] | None = None
        self.extra: dict[str, Any] = {}  # more fields of the answer, e.g. conflict candidates


class NotFound(AppError):
    status_code = 404

    def __init__(self, object_name: str = "resource") -> None:
        super().__init__("not_found", object=object_name)


class Forbidden(AppError):
    status_code = 403

    def __init__(self, code: str = "permission_denied", **params: Any) -> None:
        super().__init__(code, **params)


class Unauthorized(AppError):
    status_code = 401

    def __init__(self, code: str = "not_authenticated", **params: Any) -> None:
        super().__init__(code, **params)
        self.headers = {"WWW-Authenticate": "Bearer"}


class Conflict(AppError):
    status_code = 409


class FieldErrorOut(BaseModel):
    """One refused field of a 422: where, why (in the caller's language), and pydantic's type."""

    field: str
    message: str
    type: str


class ErrorOut(BaseModel):
    """Every error answer: a message for people and a code for programs; a 422 also lists the
    refused fields, a 409 of a name check its candidates."""

    detail: str
    code: str
    errors: list[FieldErrorOut] | None = None


def error_responses(*status_codes: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: which error answers it documents."""
    return {code: {"model": ErrorOut} for code in status_codes}


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie")]
    return ".".join(parts) or "body"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def app_error(request: Request, exc: AppError) -> JSONResponse:
        message = translate(exc.code, language(request), **exc.params)
        return JSONResponse(
            {"detail": message, "code": exc.code, **exc.extra}, exc.status_code, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        lang = language(request)
        errors = [
            {"field": _field_name(tuple(e["loc"])), "message": describe(e, lang), "type": e["type"]}
            for e in exc.errors()
        ]
        fields = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
        message = translate("validation_error", lang, fields=fields)
        return JSONResponse({"detail": message, "code": "validation_error", "errors": errors}, 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # FastAPI answers a body it cannot decode (e.g. not UTF-8) with its own English 400.
        known = {404: ("not_found", {"object": "resource"}), 400: ("body_unreadable", {})}
        code, params = known.get(exc.status_code, ("http_error", {}))
        message = (
            str(exc.detail)
            if code == "http_error"
            else translate(code, language(request), **params)
        )
        return JSONResponse({"detail": message, "code": code}, exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        # Outside the request context (Starlette answers every 500 from the outermost layer),
        # so the request id comes from the request's state, on the log line and the answer.
        request_id = getattr(request.state, "request_id", "-")
        log.exception("unhandled error", extra={"request_id": request_id})
        message = translate("internal_error", language(request), request_id=request_id)
        return JSONResponse(
            {"detail": message, "code": "internal_error"}, 500, headers={"X-Request-ID": request_id}
        )


def _database_unavailable(exc: DBAPIError) -> bool:
    sqlite_error = getattr(exc.orig, "sqlite_errorname", None)
    if isinstance(sqlite_error, str):
        return sqlite_error.startswith(_SQLITE_UNAVAILABLE)
    return isinstance(exc, (OperationalError, InterfaceError)) or exc.connection_invalidated


def install_database_unavailable_handler(app: FastAPI) -> None:
    """The database cannot be reached: 503 with Retry-After and the request id, not a 500; the
    next request connects again (the pool makes a new connection)."""

    async def database_unavailable(request: Request, exc: Exception) -> JSONResponse:
        if isinstance(exc, DBAPIError) and not _database_unavailable(exc):
            raise exc  # a statement the database refused: a bug, answered as a 500
        request_id = getattr(request.state, "request_id", "-")
        log.error("database unavailable: %r", exc, extra={"request_id": request_id})
        message = translate("database_unavailable", language(request), request_id=request_id)
        return JSONResponse(
            {"detail": message, "code": "database_unavailable"},
            503,
            headers={"Retry-After": str(DATABASE_RETRY_AFTER)},
        )

    for kind in DATABASE_UNAVAILABLE:
        app.add_exception_handler(kind, database_unavailable)


def install_integrity_handler(app: FastAPI) -> None:
    """A unique constraint that a concurrent request won first is a 409, never a 500."""

    @app.exception_handler(IntegrityError)
    async def integrity_error(request: Request, exc: IntegrityError) -> JSONResponse:
        log.info("integrity error: %s", exc.orig)
        return JSONResponse(
            {"detail": translate("conflict", language(request)), "code": "conflict"}, 409
        )
