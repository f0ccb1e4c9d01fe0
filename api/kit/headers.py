"""Security headers on every answer, API and SPA alike (OWASP Secure Headers)."""

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Scripts only from our own files (the built SPA has no inline script); antd writes its styles
# at run time (CSS-in-JS), so inline styles are allowed, and only styles.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# The OpenAPI page (Swagger UI) is FastAPI's: its bundle comes from a CDN and it starts with an
# inline script. It shows no user data, so only it gets these sources.
_DOCS_CDN = "https://cdn.jsdelivr.net"
DOCS_CONTENT_SECURITY_POLICY = (
    f"default-src 'self'; script-src 'self' 'unsafe-inline' {_DOCS_CDN}; "
    f"style-src 'self' 'unsafe-inline' {_DOCS_CDN}; "
    "img-src 'self' data: https://fastapi.tiangolo.com; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; frame-ancestors 'none'"
)
HSTS = "max-age=31536000; includeSubDomains"
STATIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def came_over_https(request: HTTPConnection, trust_forwarded_proto: bool) -> bool:
    """Whether the browser used https: the connection's scheme, or the proxy's
    X-Forwarded-Proto when a setting says the proxy in front of us is trusted (anyone else
    could send the header)."""
    if request.url.scheme == "https":
        return True
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return trust_forwarded_proto and forwarded == "https"


class SecurityHeaders:
    """Adds the headers to every answer as it starts (pure ASGI middleware)."""

    def __init__(self, app: ASGIApp, *, docs_path: str, trust_forwarded_proto: bool) -> None:
        self.app = app
        self.docs_path = docs_path
        self.trust_forwarded_proto = trust_forwarded_proto

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = (
            DOCS_CONTENT_SECURITY_POLICY
            if scope["path"] == self.docs_path
            else CONTENT_SECURITY_POLICY
        )
        https = came_over_https(HTTPConnection(scope), self.trust_forwarded_proto)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = policy
                headers.update(STATIC_HEADERS)
                if https:
                    headers["Strict-Transport-Security"] = HSTS
            await send(message)

        await self.app(scope, receive, send_with_headers)
