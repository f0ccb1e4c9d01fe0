"""The request id on every log line and answer, and the access log (pure ASGI middleware: no
extra task or body stream per request, unlike Starlette's BaseHTTPMiddleware)."""

import logging
import time
import uuid

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.kit.logging import request_id_var
from api.kit.messages import language, translate

log = logging.getLogger("api.access")


class RequestContext:
    """Names each request (the caller's X-Request-ID, or a new one) in the log context, the
    request state and the answer's headers; refuses NUL characters in the path or query."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        request_id = request.headers.get("x-request-id", "")[:40] or uuid.uuid4().hex
        token = request_id_var.set(request_id)
        request.state.request_id = request_id
        started = time.perf_counter()
        status = 500  # unless an answer starts: an exception no handler took becomes a 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = request_id
            await send(message)

        try:
            if b"%00" in scope["query_string"] or "\x00" in scope["path"]:
                message = translate("validation_error", language(request), fields="NUL (\\u0000)")
                refusal = JSONResponse({"detail": message, "code": "validation_error"}, 422)
                await refusal(scope, receive, send_with_id)
            else:
                await self.app(scope, receive, send_with_id)
        finally:
            principal = getattr(request.state, "principal", None)
            log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": principal.user_id if principal else None,
                },
            )
            request_id_var.reset(token)
