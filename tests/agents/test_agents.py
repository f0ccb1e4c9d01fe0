"""Agents (SPEC §4): the vendor creates an agent company together with its master account;
agent staff see only their own agent."""

from api.authz.roles import Role

NEW_AGENT = {
    "name": "西南代理",
    "contact_name": "周经理",
    "contact_phone": "028-85001234",
    "admin": {"username": "c.admin", "display_name": "西南主账户", "email": "c.admin@example.com"},
}


async def test_vendor_creates_agent_with_master_account_and_one_time_credentials(
    client, world
) -> None:
    response = await client.post("/api/v1/agents", json=NEW_AGENT, headers=world.vendor.headers)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["agent"]["name"] == "西南代理"
    assert (
        body["admin"]["role"] == "agent_admin"
        and body["admin"]["agent"]["id"] == body["agent"]["id"]
    )
    login = await client.post(
        "/api/v1/auth/login",
        json={"username": "c.admin", "password": body["credentials"]["temporary_password"]},
    )
    assert login.json()["must_change_password"] is True


async def test_agent_name_is_unique(client, world) -> None:
    response = await client.post(
        "/api/v1/agents", json={**NEW_AGENT, "name": "华南代理"}, headers=world.vendor.headers
    )
    assert response.status_code == 409 and response.json()["code"] == "agent_name_taken"


async def test_agent_with_a_taken_master_login_is_not_half_created(client, world) -> None:
    clash = {**NEW_AGENT, "admin": {**NEW_AGENT["admin"], "username": "a.admin"}}
    assert (
        await client.post("/api/v1/agents", json=clash, headers=world.vendor.headers)
    ).status_code == 409
    listed = await client.get(
        "/api/v1/agents", params={"search": "西南"}, headers=world.vendor.headers
    )
    assert listed.json()["total"] == 0


async def test_agent_staff_see_only_their_own_agent(client, world) -> None:
    for role in (Role.AGENT_ADMIN, Role.SALES, Role.FAE, Role.ASSISTANT):
        headers = world.by_role(role).headers
        listed = await client.get("/api/v1/agents", headers=headers)
        assert [a["name"] for a in listed.json()["items"]] == ["华南代理"]
        assert (
            await client.get(f"/api/v1/agents/{world.agent_b.id}", headers=headers)
        ).status_code == 404


async def test_only_the_vendor_creates_or_edits_agents(client, world) -> None:
    headers = world.a_admin.headers
    assert (await client.post("/api/v1/agents", json=NEW_AGENT, headers=headers)).status_code == 403
    own = await client.patch(
        f"/api/v1/agents/{world.agent_a.id}", json={"address": "x"}, headers=headers
    )
    assert own.status_code == 403
    other = await client.patch(
        f"/api/v1/agents/{world.agent_b.id}", json={"address": "x"}, headers=headers
    )
    assert other.status_code == 404


async def test_vendor_edits_and_deactivates_an_agent(client, world) -> None:
    headers = world.vendor.headers
    edited = await client.patch(
        f"/api/v1/agents/{world.agent_b.id}", json={"contact_name": "钱经理"}, headers=headers
    )
    assert edited.json()["contact_name"] == "钱经理"
    off = await client.post(f"/api/v1/agents/{world.agent_b.id}/deactivate", headers=headers)
    assert off.json()["is_active"] is False
    assert (await client.get("/api/v1/me", headers=world.b_sales.headers)).status_code == 401
    inactive = await client.get("/api/v1/agents", params={"is_active": False}, headers=headers)
    assert [a["name"] for a in inactive.json()["items"]] == ["华东代理"]


async def test_no_new_users_in_a_deactivated_agent(client, world) -> None:
    await client.post(f"/api/v1/agents/{world.agent_b.id}/deactivate", headers=world.vendor.headers)
    response = await client.post(
        "/api/v1/users",
        json={
            "username": "late",
            "display_name": "迟到",
            "email": "late@example.com",
            "role": "agent_admin",
            "agent_id": world.agent_b.id,
        },
        headers=world.vendor.headers,
    )
    assert response.status_code == 422 and response.json()["code"] == "agent_inactive"
