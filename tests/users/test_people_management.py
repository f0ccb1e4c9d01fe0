"""People management (SPEC §3, §4): the vendor manages vendor staff and agent master accounts; a
master account manages its own agent's sales, FAE and assistants; nobody else manages anyone.
Hidden accounts answer 404, visible but unmanageable ones 403."""

import pytest

from api.authz.roles import Role


def _new(role: str, **extra) -> dict:
    return {
        "username": f"new.{role}",
        "display_name": "新人",
        "email": f"new.{role}@example.com",
        "role": role,
        **extra,
    }


@pytest.mark.parametrize("role", ["sales", "fae", "assistant"])
async def test_agent_admin_creates_own_agent_staff(client, world, role: str) -> None:
    response = await client.post("/api/v1/users", json=_new(role), headers=world.a_admin.headers)
    assert response.status_code == 201
    body = response.json()
    assert body["user"]["agent"]["id"] == world.agent_a.id
    assert body["user"]["must_change_password"] is True
    assert len(body["credentials"]["temporary_password"]) >= 12


@pytest.mark.parametrize("role", ["vendor", "agent_admin"])
async def test_agent_admin_cannot_create_accounts_above_their_power(
    client, world, role: str
) -> None:
    response = await client.post("/api/v1/users", json=_new(role), headers=world.a_admin.headers)
    assert response.status_code == 403 and response.json()["code"] == "role_not_assignable"


async def test_agent_admin_cannot_create_users_in_another_agent(client, world) -> None:
    response = await client.post(
        "/api/v1/users",
        json=_new("sales", agent_id=world.agent_b.id),
        headers=world.a_admin.headers,
    )
    assert response.status_code == 403


async def test_agent_admin_lists_only_own_agent_users(client, world) -> None:
    response = await client.get("/api/v1/users", headers=world.a_admin.headers)
    names = {u["username"] for u in response.json()["items"]}
    assert names == {"a.admin", "a.sales", "a.fae", "a.assistant"}
    assert response.json()["total"] == 4


async def test_agent_admin_cannot_read_or_touch_another_agents_users(client, world) -> None:
    other = world.b_sales.id
    headers = world.a_admin.headers
    assert (await client.get(f"/api/v1/users/{other}", headers=headers)).status_code == 404
    assert (
        await client.patch(f"/api/v1/users/{other}", json={"display_name": "x"}, headers=headers)
    ).status_code == 404
    for action in ("deactivate", "reactivate", "reset-password"):
        assert (
            await client.post(f"/api/v1/users/{other}/{action}", headers=headers)
        ).status_code == 404
    assert (
        await client.get("/api/v1/users", params={"agent_id": world.agent_b.id}, headers=headers)
    ).json()["total"] == 0


async def test_agent_admin_cannot_manage_another_master_account_of_own_agent(
    client, factory, world
) -> None:
    second_admin = await factory.user(Role.AGENT_ADMIN, world.agent_a)
    response = await client.post(
        f"/api/v1/users/{second_admin.id}/deactivate", headers=world.a_admin.headers
    )
    assert response.status_code == 403


@pytest.mark.parametrize("role", [Role.SALES, Role.FAE, Role.ASSISTANT])
async def test_staff_roles_cannot_manage_people_at_all(client, world, role: Role) -> None:
    actor = world.by_role(role)
    assert (
        await client.post("/api/v1/users", json=_new("sales"), headers=actor.headers)
    ).status_code == 403
    colleague = world.a_sales if role is not Role.SALES else world.a_fae
    assert (
        await client.get(f"/api/v1/users/{colleague.id}", headers=actor.headers)
    ).status_code == 404
    own = await client.post(f"/api/v1/users/{actor.id}/reset-password", headers=actor.headers)
    assert own.status_code == 403
    listed = await client.get("/api/v1/users", headers=actor.headers)
    assert [u["id"] for u in listed.json()["items"]] == [actor.id]


async def test_vendor_creates_vendor_users_and_master_accounts_but_not_agent_staff(
    client, world
) -> None:
    vendor = world.vendor.headers
    assert (
        await client.post("/api/v1/users", json=_new("vendor"), headers=vendor)
    ).status_code == 201
    master = await client.post(
        "/api/v1/users", json=_new("agent_admin", agent_id=world.agent_b.id), headers=vendor
    )
    assert master.status_code == 201 and master.json()["user"]["agent"]["name"] == "华东代理"
    assert (
        await client.post(
            "/api/v1/users", json=_new("sales", agent_id=world.agent_b.id), headers=vendor
        )
    ).status_code == 403


async def test_vendor_user_cannot_belong_to_an_agent_and_master_account_needs_one(
    client, world
) -> None:
    vendor = world.vendor.headers
    with_agent = await client.post(
        "/api/v1/users", json=_new("vendor", agent_id=world.agent_a.id), headers=vendor
    )
    assert with_agent.status_code == 422 and with_agent.json()["code"] == "agent_not_allowed"
    without = await client.post("/api/v1/users", json=_new("agent_admin"), headers=vendor)
    assert without.status_code == 422 and without.json()["code"] == "agent_required"


async def test_login_name_and_email_are_unique_ignoring_case(client, world) -> None:
    taken = await client.post(
        "/api/v1/users",
        json={**_new("sales"), "username": "A.Sales"},
        headers=world.a_admin.headers,
    )
    assert taken.status_code == 409 and taken.json()["code"] == "username_taken"
    email = await client.post(
        "/api/v1/users",
        json={**_new("sales"), "email": "A.SALES@example.com"},
        headers=world.a_admin.headers,
    )
    assert email.status_code == 409 and email.json()["code"] == "email_taken"


async def test_role_change_stays_below_the_managers_power(client, world) -> None:
    headers = world.a_admin.headers
    to_fae = await client.patch(
        f"/api/v1/users/{world.a_sales.id}", json={"role": "fae"}, headers=headers
    )
    assert to_fae.status_code == 200 and to_fae.json()["role"] == "fae"
    promote = await client.patch(
        f"/api/v1/users/{world.a_sales.id}", json={"role": "agent_admin"}, headers=headers
    )
    assert promote.status_code == 403


async def test_deactivated_user_is_signed_out_and_can_be_reactivated(client, world) -> None:
    headers = world.a_admin.headers
    sales_headers = world.a_sales.headers
    off = await client.post(f"/api/v1/users/{world.a_sales.id}/deactivate", headers=headers)
    assert off.status_code == 200 and off.json()["is_active"] is False
    assert (await client.get("/api/v1/me", headers=sales_headers)).status_code == 401
    on = await client.post(f"/api/v1/users/{world.a_sales.id}/reactivate", headers=headers)
    assert on.json()["is_active"] is True


async def test_nobody_deactivates_themselves(client, world) -> None:
    response = await client.post(
        f"/api/v1/users/{world.vendor.id}/deactivate", headers=world.vendor.headers
    )
    assert response.status_code == 422 and response.json()["code"] == "cannot_deactivate_self"


@pytest.mark.parametrize("who", ["vendor", "a_admin"])
async def test_nobody_resets_their_own_password_through_people_management(
    client, world, who: str
) -> None:
    actor = getattr(world, who)
    response = await client.post(f"/api/v1/users/{actor.id}/reset-password", headers=actor.headers)
    assert response.status_code == 403
    assert response.json()["code"] == "cannot_reset_own_password"
    assert "修改密码" in response.json()["detail"]
    # nothing was reset: the session goes on
    assert (await client.get("/api/v1/me", headers=actor.headers)).status_code == 200


async def test_everyone_edits_their_own_profile(client, world) -> None:
    response = await client.patch(
        "/api/v1/me",
        json={"display_name": "李明明", "phone": "138 0000 0000"},
        headers=world.a_sales.headers,
    )
    assert response.status_code == 200 and response.json()["display_name"] == "李明明"


async def test_list_searches_sorts_and_pages(client, world) -> None:
    headers = world.vendor.headers
    page = await client.get(
        "/api/v1/users", params={"limit": 3, "offset": 0, "sort": "-username"}, headers=headers
    )
    assert page.json()["total"] == 7
    assert [u["username"] for u in page.json()["items"]] == ["vendor", "b.sales", "b.admin"]
    found = await client.get("/api/v1/users", params={"search": "a.s"}, headers=headers)
    assert [u["username"] for u in found.json()["items"]] == ["a.sales"]


async def test_every_people_write_leaves_an_audit_row(client, world) -> None:
    headers = world.a_admin.headers
    created = (await client.post("/api/v1/users", json=_new("sales"), headers=headers)).json()[
        "user"
    ]["id"]
    await client.patch(f"/api/v1/users/{created}", json={"display_name": "改名"}, headers=headers)
    await client.post(f"/api/v1/users/{created}/reset-password", headers=headers)
    await client.post(f"/api/v1/users/{created}/deactivate", headers=headers)
    await client.post(f"/api/v1/users/{created}/reactivate", headers=headers)
    trail = await client.get(
        "/api/v1/audit",
        params={"object_type": "user_account", "object_id": str(created)},
        headers=world.vendor.headers,
    )
    actions = [e["action"] for e in reversed(trail.json()["items"])]
    assert actions == [
        "user.create",
        "user.update",
        "user.reset_password",
        "user.deactivate",
        "user.reactivate",
    ]
    update = trail.json()["items"][3]
    assert update["before"]["display_name"] == "新人" and update["after"]["display_name"] == "改名"
    assert "password_hash" not in update["after"]


async def test_a_refused_write_leaves_nothing_behind(client, world) -> None:
    before = (await client.get("/api/v1/audit", headers=world.vendor.headers)).json()["total"]
    refused = await client.post(
        "/api/v1/users",
        json={**_new("sales"), "username": "a.sales"},
        headers=world.a_admin.headers,
    )
    assert refused.status_code == 409
    assert (await client.get("/api/v1/audit", headers=world.vendor.headers)).json()[
        "total"
    ] == before
