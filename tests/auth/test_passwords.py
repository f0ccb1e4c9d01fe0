"""Passwords (SPEC §4 decision): no shared initial password, one-time credentials and a forced
change; NIST SP 800-63B-4 rules; argon2id."""

from datetime import timedelta

import pytest

from api.auth.password_policy import common_passwords
from api.authz.roles import Role
from api.config import get_settings
from api.demo.password import DEMO_PASSWORD
from api.kit.clock import now
from tests.factories import PASSWORD

GOOD_NEW = "a long and private passphrase"


async def _create_sales(client, world) -> dict:
    response = await client.post(
        "/api/v1/users",
        json={
            "username": "new.sales",
            "display_name": "新业务员",
            "email": "new@example.com",
            "role": "sales",
        },
        headers=world.a_admin.headers,
    )
    assert response.status_code == 201, response.text
    return response.json()


async def _login(client, username: str, password: str) -> dict:
    response = await client.post(
        "/api/v1/auth/login", json={"username": username, "password": password}
    )
    assert response.status_code == 200, response.text
    return response.json()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_new_user_must_change_the_one_time_password_before_anything_else(
    client, world
) -> None:
    created = await _create_sales(client, world)
    tokens = await _login(client, "new.sales", created["credentials"]["temporary_password"])
    assert tokens["must_change_password"] is True
    headers = _bearer(tokens["access_token"])
    blocked = await client.get("/api/v1/users", headers=headers)
    assert blocked.status_code == 403 and blocked.json()["code"] == "password_change_required"
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 200
    changed = await client.post(
        "/api/v1/auth/change-password",
        json={
            "current_password": created["credentials"]["temporary_password"],
            "new_password": GOOD_NEW,
        },
        headers=headers,
    )
    assert changed.status_code == 200 and changed.json()["must_change_password"] is False
    assert (
        await client.get("/api/v1/users", headers=_bearer(changed.json()["access_token"]))
    ).status_code == 200
    # the old access token died with the change
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 401


def test_common_password_list_has_at_least_10000_entries_including_123456() -> None:
    assert len(common_passwords()) >= 10_000
    assert "123456" in common_passwords()


@pytest.mark.parametrize(
    ("new_password", "code"),
    [
        ("123456", "password_too_short"),
        ("short-pass", "password_too_short"),
        ("123456789012", "password_common"),
        ("qwertyuiopasdfgh", "password_common"),
        ("1qaz2wsx3edc", "password_common"),
        ("password2024!", "password_common"),
        ("abcabcabcabc", "password_repeated"),
        ("passwordpassword123", "password_repeated"),
        ("aaaaaaaaaaa1", "password_repeated"),
        ("love-love-love-2024", "password_repeated"),
        ("channeldesk2026", "password_common"),
        ("a.sales", "password_too_short"),
        ("x" * 257, "password_too_long"),
    ],
)
async def test_weak_passwords_are_refused_with_the_rule_broken(
    client, world, new_password: str, code: str
) -> None:
    response = await client.post(
        "/api/v1/auth/change-password",
        json={"current_password": PASSWORD, "new_password": new_password},
        headers=world.a_sales.headers,
    )
    assert response.status_code == 422 and response.json()["code"] == code


@pytest.mark.parametrize(
    "new_password",
    [
        "Zhang.Wei.Sales",  # the login name, another case
        "zhangweisales2024",  # the login name without separators, plus four digits
        "zhang.wei.sales!!",
        "Wei.Zhang.Work99",  # the email's local part
        "Zhang Wei Senior",  # the display name
    ],
)
async def test_a_password_of_the_own_names_plus_a_few_characters_is_refused(
    client, factory, world, new_password: str
) -> None:
    user = await factory.user(
        Role.SALES,
        world.agent_a,
        username="zhang.wei.sales",
        display_name="Zhang Wei Sen",
        email="wei.zhang.work@example.com",
    )
    response = await client.post(
        "/api/v1/auth/change-password",
        json={"current_password": PASSWORD, "new_password": new_password},
        headers={**user.headers, "Accept-Language": "en"},
    )
    assert response.status_code == 422 and response.json()["code"] == "password_contains_name"
    assert "login name, name or email name" in response.json()["detail"]


async def test_a_sentence_that_mentions_the_login_name_is_accepted(client, factory, world) -> None:
    user = await factory.user(Role.SALES, world.agent_a, username="zhang.wei.sales")
    response = await client.post(
        "/api/v1/auth/change-password",
        json={"current_password": PASSWORD, "new_password": "zhang.wei.sales rides to work"},
        headers=user.headers,
    )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("new_password", [DEMO_PASSWORD, "DEMO-password-2026!"])
async def test_the_public_demo_password_is_refused_outside_demo_mode(
    client, world, new_password: str
) -> None:
    assert not get_settings().demo_mode
    response = await client.post(
        "/api/v1/auth/change-password",
        json={"current_password": PASSWORD, "new_password": new_password},
        headers=world.a_sales.headers,
    )
    assert response.status_code == 422 and response.json()["code"] == "password_demo"
    assert "演示密码" in response.json()["detail"]


async def test_the_demo_password_is_allowed_in_demo_mode(
    client, world, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "demo_mode", True)
    response = await client.post(
        "/api/v1/auth/change-password",
        json={"current_password": PASSWORD, "new_password": DEMO_PASSWORD},
        headers=world.a_sales.headers,
    )
    assert response.status_code == 200, response.text


async def test_a_set_password_link_applies_the_same_password_rules(client, world) -> None:
    created = await _create_sales(client, world)
    token = created["credentials"]["set_password_url"].split("token=")[1]
    for weak, code in (
        ("New.Sales.26", "password_contains_name"),
        ("secretsecret42", "password_repeated"),
        (DEMO_PASSWORD, "password_demo"),
    ):
        refused = await client.post(
            "/api/v1/auth/set-password", json={"token": token, "new_password": weak}
        )
        assert refused.status_code == 422 and refused.json()["code"] == code
    done = await client.post(
        "/api/v1/auth/set-password", json={"token": token, "new_password": GOOD_NEW}
    )
    assert done.status_code == 200  # the refusals did not use the link up


async def test_no_composition_rules_and_no_truncation_for_long_chinese_passphrases(
    client, world
) -> None:
    passphrase = "我们的客户都在深圳南山区科技园附近" * 4 + "甲"
    changed = await client.post(
        "/api/v1/auth/change-password",
        json={"current_password": PASSWORD, "new_password": passphrase},
        headers=world.a_sales.headers,
    )
    assert changed.status_code == 200
    truncated = passphrase[:-1] + "乙"  # differs only in the last character, past 72 bytes
    wrong = await client.post(
        "/api/v1/auth/login", json={"username": "a.sales", "password": truncated}
    )
    assert wrong.status_code == 401
    assert (
        await client.post(
            "/api/v1/auth/login", json={"username": "a.sales", "password": passphrase}
        )
    ).status_code == 200


async def test_change_password_needs_the_current_password(client, world) -> None:
    response = await client.post(
        "/api/v1/auth/change-password",
        json={"current_password": "not-the-current-one", "new_password": GOOD_NEW},
        headers=world.a_sales.headers,
    )
    assert response.status_code == 400 and response.json()["code"] == "current_password_wrong"


async def test_passwords_are_stored_as_argon2id(client, world, session) -> None:
    created = await _create_sales(client, world)
    from api.users.models import User

    user = await session.get(User, created["user"]["id"])
    assert user is not None and user.password_hash.startswith("$argon2id$")
    assert created["credentials"]["temporary_password"] not in user.password_hash


async def test_set_password_link_works_once_and_signs_in(client, world) -> None:
    created = await _create_sales(client, world)
    token = created["credentials"]["set_password_url"].split("token=")[1]
    info = await client.get("/api/v1/auth/set-password", params={"token": token})
    assert info.json()["username"] == "new.sales"
    done = await client.post(
        "/api/v1/auth/set-password", json={"token": token, "new_password": GOOD_NEW}
    )
    assert done.status_code == 200 and done.json()["must_change_password"] is False
    again = await client.post(
        "/api/v1/auth/set-password", json={"token": token, "new_password": GOOD_NEW + "!"}
    )
    assert again.status_code == 400 and again.json()["code"] == "set_password_link_invalid"
    await _login(client, "new.sales", GOOD_NEW)


async def test_reset_password_voids_old_password_old_link_and_old_tokens(client, world) -> None:
    created = await _create_sales(client, world)
    user_id = created["user"]["id"]
    old_link = created["credentials"]["set_password_url"].split("token=")[1]
    tokens = await _login(client, "new.sales", created["credentials"]["temporary_password"])
    reset = await client.post(
        f"/api/v1/users/{user_id}/reset-password", headers=world.a_admin.headers
    )
    assert reset.status_code == 200
    assert (
        await client.get("/api/v1/me", headers=_bearer(tokens["access_token"]))
    ).status_code == 401
    old_login = await client.post(
        "/api/v1/auth/login",
        json={"username": "new.sales", "password": created["credentials"]["temporary_password"]},
    )
    assert old_login.status_code == 401
    stale = await client.post(
        "/api/v1/auth/set-password", json={"token": old_link, "new_password": GOOD_NEW}
    )
    assert stale.status_code == 400
    await _login(client, "new.sales", reset.json()["temporary_password"])


async def test_password_rules_are_published_for_the_forms(client) -> None:
    response = await client.get("/api/v1/auth/password-rules")
    assert response.json() == {"min_length": 12, "max_length": 256}


async def test_a_one_time_password_expires_with_its_set_password_link(client, world, clock) -> None:
    created = await _create_sales(client, world)
    password = created["credentials"]["temporary_password"]
    expires_at = created["credentials"]["expires_at"]
    later = now() + timedelta(hours=72, minutes=1)
    clock.move_to(later, tick=False)
    refused = await client.post(
        "/api/v1/auth/login",
        json={"username": "new.sales", "password": password},
        headers={"Accept-Language": "en"},
    )
    assert refused.status_code == 403 and refused.json()["code"] == "temporary_password_expired"
    assert "Ask your administrator" in refused.json()["detail"]
    reset = await client.post(
        f"/api/v1/users/{created['user']['id']}/reset-password", headers=world.a_admin.headers
    )
    assert reset.json()["expires_at"] > expires_at  # a reset gives a fresh 72 hours
    await _login(client, "new.sales", reset.json()["temporary_password"])


async def test_a_chosen_password_does_not_expire(client, world, clock) -> None:
    created = await _create_sales(client, world)
    tokens = await _login(client, "new.sales", created["credentials"]["temporary_password"])
    changed = await client.post(
        "/api/v1/auth/change-password",
        json={
            "current_password": created["credentials"]["temporary_password"],
            "new_password": GOOD_NEW,
        },
        headers=_bearer(tokens["access_token"]),
    )
    assert changed.status_code == 200
    later = now() + timedelta(days=400)
    clock.move_to(later, tick=False)
    await _login(client, "new.sales", GOOD_NEW)
