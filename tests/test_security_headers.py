"""Issue 11 §4: every answer, API and SPA, carries the security headers; the SPA needs no inline
script, so the policy allows none; HSTS only over https."""

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from api.config import get_settings
from api.main import create_app

FRONTEND = Path(__file__).resolve().parents[1] / "frontend"
URLS = [
    "/api/v1/health",  # public API
    "/api/v1/customers",  # 401
    "/api/v1/no-such-thing",  # 404
    "/",  # the SPA (503 when it is not built)
    "/customers/1",  # an SPA route
]


def _directives(policy: str) -> dict[str, str]:
    return {
        d.strip().split(" ", 1)[0]: d.strip().partition(" ")[2]
        for d in policy.split(";")
        if d.strip()
    }


@pytest.mark.parametrize("url", URLS)
async def test_every_answer_carries_the_security_headers(client, url: str) -> None:
    response = await client.get(url)
    policy = _directives(response.headers["Content-Security-Policy"])
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"  # antd's CSS-in-JS: styles only
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Strict-Transport-Security" not in response.headers


async def test_the_docs_page_alone_may_load_swagger_ui_from_its_cdn(client) -> None:
    docs = await client.get("/api/v1/docs")
    assert docs.status_code == 200
    policy = _directives(docs.headers["Content-Security-Policy"])
    assert "https://cdn.jsdelivr.net" in policy["script-src"]
    assert policy["frame-ancestors"] == "'none'"
    health = await client.get("/api/v1/health")
    assert "cdn.jsdelivr.net" not in health.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    "page",
    [FRONTEND / "index.html", FRONTEND / "dist" / "index.html"],
    ids=["source", "built"],
)
def test_the_spa_page_has_no_inline_script(page: Path) -> None:
    if not page.is_file():
        pytest.skip(f"{page} is not built")
    html = page.read_text()
    assert re.findall(r"<script\b", html), "the page loads its code with a script tag"
    inline = re.findall(r"<script\b(?![^>]*\bsrc=)[^>]*>", html)
    assert inline == []
    assert not re.search(r"\son[a-z]+\s*=", html), "no inline event handlers"


async def test_hsts_only_when_the_request_came_over_https(app, clean_tables) -> None:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://test") as https:
        secure = await https.get("/api/v1/health")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        spoofed = await http.get("/api/v1/health", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in spoofed.headers


@pytest.fixture
async def behind_trusted_proxy(
    database_url: str, clean_tables: None, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[httpx.AsyncClient]:
    monkeypatch.setenv("TRUST_FORWARDED_PROTO", "true")
    get_settings.cache_clear()
    try:
        transport = httpx.ASGITransport(app=create_app())
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http
    finally:
        monkeypatch.delenv("TRUST_FORWARDED_PROTO")
        get_settings.cache_clear()


async def test_a_trusted_proxy_saying_https_gets_hsts(behind_trusted_proxy) -> None:  # type: ignore[no-untyped-def]
    forwarded = await behind_trusted_proxy.get(
        "/api/v1/health", headers={"X-Forwarded-Proto": "https"}
    )
    assert forwarded.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    plain = await behind_trusted_proxy.get("/api/v1/health", headers={"X-Forwarded-Proto": "http"})
    assert "Strict-Transport-Security" not in plain.headers
