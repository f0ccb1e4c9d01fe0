"""Sign-in (SPEC §4, §12): login name + password; errors never say which part was wrong."""

import pytest

from api.authz.roles import Role
from api.config import get_settings
from tests.factories import PASSWORD

LOGIN = "/api/v1/auth/login"


@pytest.mark.parametrize("role", list(Role))
async def test_login_works_for_each_of_the_five_roles(client, world, role: Role) -> None:
    actor = world.by_role(role)
    response = await client.post(
        LOGIN, json={"username": actor.user.username, "password": PASSWORD}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer" and body["must_change_password"] is False
    me = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["role"] == role.value


async def test_login_accepts_email_and_any_case(client, world) -> None:
    response = await client.post(
        LOGIN, json={"username": "A.SALES@example.com", "password": PASSWORD}
    )
    assert response.status_code == 200


async def test_wrong_password_and_unknown_user_get_the_same_answer(client, world) -> None:
    wrong = await client.post(LOGIN, json={"username": "a.sales", "password": "not-my-password!"})
    unknown = await client.post(LOGIN, json={"username": "nobody", "password": "not-my-password!"})
    assert wrong.status_code == unknown.status_code == 401
    assert (
        wrong.json()
        == unknown.json()
        == {"detail": "用户名或密码错误。", "code": "invalid_credentials"}
    )


async def test_errors_are_in_english_when_asked(client, world) -> None:
    response = await client.post(
        LOGIN,
        json={"username": "nobody", "password": "x"},
        headers={"Accept-Language": "en-US,en;q=0.9"},
    )
    assert response.json()["detail"] == "Wrong username or password."


async def test_deactivated_user_is_told_only_after_the_right_password(
    client, factory, world
) -> None:
    agent = world.agent_a
    gone = await factory.user(Role.SALES, agent, username="gone", is_active=False)
    wrong = await client.post(LOGIN, json={"username": "gone", "password": "not-my-password!"})
    right = await client.post(LOGIN, json={"username": "gone", "password": PASSWORD})
    assert wrong.json()["code"] == "invalid_credentials"
    assert right.status_code == 403 and right.json()["code"] == "account_disabled"
    assert gone.user.id is not None


async def test_users_of_a_deactivated_agent_cannot_log_in(client, world) -> None:
    await client.post(f"/api/v1/agents/{world.agent_b.id}/deactivate", headers=world.vendor.headers)
    response = await client.post(LOGIN, json={"username": "b.sales", "password": PASSWORD})
    assert response.status_code == 403 and response.json()["code"] == "account_disabled"


async def test_repeated_failures_lock_the_login_name_even_with_the_right_password(
    client, world
) -> None:
    for _ in range(get_settings().login_max_failures):
        await client.post(LOGIN, json={"username": "a.sales", "password": "wrong-password-1"})
    locked = await client.post(LOGIN, json={"username": "a.sales", "password": PASSWORD})
    assert locked.status_code == 429 and locked.json()["code"] == "account_locked"


async def test_unknown_login_names_lock_the_same_way_revealing_nothing(client, world) -> None:
    for _ in range(get_settings().login_max_failures):
        await client.post(LOGIN, json={"username": "ghost", "password": "wrong-password-1"})
    response = await client.post(LOGIN, json={"username": "ghost", "password": "wrong-password-1"})
    assert response.status_code == 429


async def test_lock_ends_after_the_lock_period(client, world, clock) -> None:
    from datetime import timedelta

    from api.kit.clock import now

    for _ in range(get_settings().login_max_failures):
        await client.post(LOGIN, json={"username": "a.sales", "password": "wrong-password-1"})
    later = now() + timedelta(minutes=get_settings().login_lock_minutes + 1)
    clock.move_to(later, tick=False)
    response = await client.post(LOGIN, json={"username": "a.sales", "password": PASSWORD})
    assert response.status_code == 200


async def test_successful_login_is_audited(client, world) -> None:
    await client.post(LOGIN, json={"username": "a.sales", "password": PASSWORD})
    trail = await client.get(
        "/api/v1/audit", params={"action": "auth.login"}, headers=world.vendor.headers
    )
    assert [e["actor_username"] for e in trail.json()["items"]] == ["a.sales"]
