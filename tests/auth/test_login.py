"""Sign-in (SPEC §4, §12): login name + password; errors never say which part was wrong."""

import pytest

from api.authz.roles import Role
from api.config import get_settings
from tests.clock import NOW
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


async def _fail(client, username: str, times: int = 1) -> list:
    return [
        await client.post(LOGIN, json={"username": username, "password": "wrong-password-1"})
        for _ in range(times)
    ]


async def test_repeated_failures_delay_the_account_even_with_the_right_password(
    client, world
) -> None:
    settings = get_settings()
    answers = await _fail(client, "a.sales", settings.login_max_failures)
    assert [a.status_code for a in answers] == [401] * settings.login_max_failures
    delayed = await client.post(LOGIN, json={"username": "a.sales", "password": PASSWORD})
    assert delayed.status_code == 429 and delayed.json()["code"] == "login_throttled"
    assert delayed.headers["Retry-After"] == str(settings.login_delay_seconds)


async def test_the_throttle_message_is_bilingual(client, world, clock) -> None:
    clock.move_to(NOW, tick=False)  # the wait it names is whole seconds from the last failure
    await _fail(client, "a.sales", get_settings().login_max_failures)
    english = await client.post(
        LOGIN,
        json={"username": "a.sales", "password": PASSWORD},
        headers={"Accept-Language": "en-US"},
    )
    seconds = get_settings().login_delay_seconds
    assert english.json()["detail"] == f"Too many wrong passwords. Try again in {seconds} seconds."


async def test_login_name_and_email_count_against_the_same_account(client, world) -> None:
    failures = get_settings().login_max_failures
    await _fail(client, "a.sales", failures - 1)
    await _fail(client, "A.Sales@example.com")
    delayed = await client.post(LOGIN, json={"username": "a.sales", "password": PASSWORD})
    assert delayed.status_code == 429


async def test_the_account_is_throttled_from_every_address(app, client, world) -> None:
    import httpx

    await _fail(client, "a.sales", get_settings().login_max_failures)
    transport = httpx.ASGITransport(app=app, client=("198.51.100.7", 4000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as elsewhere:
        answer = await elsewhere.post(LOGIN, json={"username": "a.sales", "password": PASSWORD})
    assert answer.status_code == 429


async def test_the_delay_doubles_with_every_further_failure_and_ends(client, world, clock) -> None:
    from datetime import timedelta

    from api.kit.clock import now

    settings = get_settings()
    await _fail(client, "a.sales", settings.login_max_failures)
    clock.move_to(now() + timedelta(seconds=settings.login_delay_seconds + 1), tick=False)
    [again] = await _fail(client, "a.sales")
    assert again.status_code == 401
    delayed = await client.post(LOGIN, json={"username": "a.sales", "password": PASSWORD})
    assert delayed.headers["Retry-After"] == str(2 * settings.login_delay_seconds)
    clock.move_to(now() + timedelta(seconds=2 * settings.login_delay_seconds + 1), tick=False)
    response = await client.post(LOGIN, json={"username": "a.sales", "password": PASSWORD})
    assert response.status_code == 200


async def test_a_success_starts_the_account_afresh(client, world) -> None:
    failures = get_settings().login_max_failures
    await _fail(client, "a.sales", failures - 1)
    await client.post(LOGIN, json={"username": "a.sales", "password": PASSWORD})
    answers = await _fail(client, "a.sales", failures - 1)
    assert {a.status_code for a in answers} == {401}
    assert (
        await client.post(LOGIN, json={"username": "a.sales", "password": PASSWORD})
    ).status_code == 200


async def test_unknown_names_count_only_against_the_client_address_storing_no_name(
    app, client, world, session, monkeypatch
) -> None:
    import httpx
    from sqlmodel import select

    from api.auth.models import LoginThrottle

    monkeypatch.setattr(get_settings(), "login_address_max_failures", 3)
    answers = [await _fail(client, f"ghost{n}") for n in range(4)]
    assert [a.status_code for [a] in answers] == [401, 401, 401, 429]
    subjects = (await session.scalars(select(LoginThrottle.subject))).all()
    await session.commit()  # end the read: on SQLite it holds the write lock
    assert subjects == ["address:127.0.0.1"]
    transport = httpx.ASGITransport(app=app, client=("198.51.100.7", 4000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as elsewhere:
        answer = await elsewhere.post(LOGIN, json={"username": "a.sales", "password": PASSWORD})
    assert answer.status_code == 200


async def test_change_password_is_throttled_like_sign_in(client, world) -> None:
    settings = get_settings()
    for _ in range(settings.login_max_failures):
        wrong = await client.post(
            "/api/v1/auth/change-password",
            json={"current_password": "wrong-password-1", "new_password": "a-brand-new-secret-42"},
            headers=world.a_sales.headers,
        )
        assert wrong.status_code == 400
    delayed = await client.post(
        "/api/v1/auth/change-password",
        json={"current_password": PASSWORD, "new_password": "a-brand-new-secret-42"},
        headers=world.a_sales.headers,
    )
    assert delayed.status_code == 429 and delayed.json()["code"] == "login_throttled"


async def test_successful_login_is_audited(client, world) -> None:
    await client.post(LOGIN, json={"username": "a.sales", "password": PASSWORD})
    trail = await client.get(
        "/api/v1/audit", params={"action": "auth.login"}, headers=world.vendor.headers
    )
    assert [e["actor_username"] for e in trail.json()["items"]] == ["a.sales"]
