"""A request body limit enforced before anything parses the body (pure ASGI middleware)."""

from collections.abc import Collection

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.kit.messages import language, translate


class BodyLimit:
    """Answers 413 when a body is larger than its route allows: at once from Content-Length, or,
    for a chunked body without one, after counting its pieces (buffered: at most the limit).

    A body whose Content-Length fits is passed on as it streams: the server delivers no more
    bytes than the header announced. Paths in `upload_paths` carry a file and get `upload_bytes`.
    """

    def __init__(
        self, app: ASGIApp, *, max_bytes: int, upload_bytes: int, upload_paths: Collection[str]
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.upload_bytes = upload_bytes
        self.upload_paths = frozenset(upload_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.upload_bytes if scope["path"] in self.upload_paths else self.max_bytes
        declared = _content_length(scope)
        if declared is not None:
            if declared > limit:
                await _too_large(scope, limit)(scope, receive, send)
            else:
                await self.app(scope, receive, send)
            return
        pieces: list[Message] = []
        received = 0
        while True:
            message = await receive()
            pieces.append(message)
            if message["type"] != "http.request":
                break  # a disconnect: the app learns it as it would have
            received += len(message.get("body", b""))
            if received > limit:
                await _too_large(scope, limit)(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(pieces, receive), send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None  # the server refuses a malformed one before we see it
    return None


def _replay(pieces: list[Message], receive: Receive) -> Receive:
    async def replayed() -> Message:
        return pieces.pop(0) if pieces else await receive()

    return replayed


def _too_large(scope: Scope, limit: int) -> JSONResponse:
    message = translate("body_too_large", language(Request(scope)), max_kb=limit // 1024)
    return JSONResponse(
        {"detail": message, "code": "body_too_large"}, 413, headers={"Connection": "close"}
    )
