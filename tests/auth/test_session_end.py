"""An access token dies with its session at once, not when it expires (issue 11 §5): at
sign-out and at a password change (deactivation: tests/users, reset: test_passwords)."""

from api.auth.routes import REFRESH_COOKIE
from tests.factories import PASSWORD

NEW_PASSWORD = "a long and private passphrase"


async def _sign_in(client) -> tuple[dict[str, str], str]:  # type: ignore[no-untyped-def]
    """(bearer headers, refresh cookie) of a new a.sales session."""
    response = await client.post(
        "/api/v1/auth/login", json={"username": "a.sales", "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    token = response.json()["access_token"]
    return {"Authorization": f"Bearer {token}"}, response.cookies[REFRESH_COOKIE]


async def _with_cookie(client, path: str, cookie: str):  # type: ignore[no-untyped-def]
    client.cookies.clear()
    client.cookies.set(REFRESH_COOKIE, cookie)
    return await client.post(path)


async def test_an_access_token_is_refused_right_after_logout(client, world) -> None:
    headers, cookie = await _sign_in(client)
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 200
    assert (await _with_cookie(client, "/api/v1/auth/logout", cookie)).status_code == 204
    after = await client.get("/api/v1/me", headers=headers)
    assert after.status_code == 401 and after.json()["code"] == "token_invalid"
    assert (await _with_cookie(client, "/api/v1/auth/refresh", cookie)).status_code == 401


async def test_another_session_refreshes_after_a_logout_elsewhere(client, world) -> None:
    """Sign-out voids every access token of the user; a session not signed out gets a new one
    with its own refresh cookie (the SPA does so on the 401)."""
    _, this_cookie = await _sign_in(client)
    other_headers, other_cookie = await _sign_in(client)
    await _with_cookie(client, "/api/v1/auth/logout", this_cookie)
    assert (await client.get("/api/v1/me", headers=other_headers)).status_code == 401
    refreshed = await _with_cookie(client, "/api/v1/auth/refresh", other_cookie)
    assert refreshed.status_code == 200
    token = refreshed.json()["access_token"]
    me = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200


async def test_a_second_logout_with_the_same_cookie_changes_nothing(client, world) -> None:
    _, cookie = await _sign_in(client)
    await _with_cookie(client, "/api/v1/auth/logout", cookie)
    headers, _ = await _sign_in(client)
    assert (await _with_cookie(client, "/api/v1/auth/logout", cookie)).status_code == 204
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 200


async def test_a_password_change_ends_every_other_session_at_once(client, world) -> None:
    other_headers, other_cookie = await _sign_in(client)
    headers, _ = await _sign_in(client)
    changed = await client.post(
        "/api/v1/auth/change-password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=headers,
    )
    assert changed.status_code == 200
    for old in (headers, other_headers):
        refused = await client.get("/api/v1/me", headers=old)
        assert refused.status_code == 401 and refused.json()["code"] == "token_invalid"
    assert (await _with_cookie(client, "/api/v1/auth/refresh", other_cookie)).status_code == 401
    token = changed.json()["access_token"]
    me = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
