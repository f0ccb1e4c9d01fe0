"""Refresh sessions: the SPA keeps the access token in memory and the refresh token in an
HttpOnly, SameSite=Strict cookie that rotates on every use."""

from datetime import timedelta

from api.auth.routes import REFRESH_COOKIE
from api.auth.tokens import REUSE_GRACE
from api.kit.clock import now
from tests.factories import PASSWORD


async def _refresh(client, cookie: str):  # type: ignore[no-untyped-def]
    """POST /auth/refresh presenting exactly this refresh cookie."""
    client.cookies.clear()
    client.cookies.set(REFRESH_COOKIE, cookie)
    return await client.post("/api/v1/auth/refresh")


async def _login(client, username: str = "a.sales") -> str:
    response = await client.post(
        "/api/v1/auth/login", json={"username": username, "password": PASSWORD}
    )
    assert response.status_code == 200
    return response.cookies[REFRESH_COOKIE]


async def test_refresh_cookie_is_httponly_samesite_strict_and_scoped_to_auth(client, world) -> None:
    response = await client.post(
        "/api/v1/auth/login", json={"username": "a.sales", "password": PASSWORD}
    )
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/api/v1/auth" in cookie


async def test_refresh_rotates_the_cookie_and_gives_a_working_access_token(client, world) -> None:
    first = await _login(client)
    response = await _refresh(client, first)
    assert response.status_code == 200
    assert response.cookies[REFRESH_COOKIE] != first
    token = response.json()["access_token"]
    assert (
        await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    ).status_code == 200


async def test_replayed_refresh_token_ends_the_whole_session(client, world, clock) -> None:
    first = await _login(client)
    second = (await _refresh(client, first)).cookies[REFRESH_COOKIE]
    later = now() + REUSE_GRACE + timedelta(seconds=1)
    clock.move_to(later, tick=False)
    replay = await _refresh(client, first)
    assert replay.status_code == 401
    # the thief's replay also ended the legitimate holder's newer token
    assert (await _refresh(client, second)).status_code == 401


async def test_logout_ends_the_refresh_session(client, world) -> None:
    cookie = await _login(client)
    assert (await client.post("/api/v1/auth/logout")).status_code == 204
    assert (await _refresh(client, cookie)).status_code == 401


async def test_refresh_without_cookie_is_refused(client, world) -> None:
    response = await client.post("/api/v1/auth/refresh")
    assert response.status_code == 401 and response.json()["code"] == "refresh_invalid"
