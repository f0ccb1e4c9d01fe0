"""Security headers on every answer, API and SPA alike (OWASP Secure Headers)."""

from collections.abc import Awaitable, Callable

from fastapi import Request, Response

Middleware = Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]

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


def came_over_https(request: Request, trust_forwarded_proto: bool) -> bool:
    """Whether the browser used https: the connection's scheme, or the proxy's
    X-Forwarded-Proto when a setting says the proxy in front of us is trusted (anyone else
    could send the header)."""
    if request.url.scheme == "https":
        return True
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return trust_forwarded_proto and forwarded == "https"


def security_headers(*, docs_path: str, trust_forwarded_proto: bool) -> Middleware:
    async def add_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        docs = request.url.path == docs_path
        response.headers["Content-Security-Policy"] = (
            DOCS_CONTENT_SECURITY_POLICY if docs else CONTENT_SECURITY_POLICY
        )
        response.headers.update(STATIC_HEADERS)
        if came_over_https(request, trust_forwarded_proto):
            response.headers["Strict-Transport-Security"] = HSTS
        return response

    return add_headers
