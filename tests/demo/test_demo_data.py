"""Demo data (SPEC §12): the listed logins with the demo password, customers in every state."""

import pytest

from api.demo.password import DEMO_PASSWORD
from api.demo.seed import DEMO_USERS, seed_demo


async def _signed_in(client, username: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Sign in with the demo password, as a person would."""
    response = await client.post(
        "/api/v1/auth/login", json={"username": username, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 200, username
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture
async def demo(session) -> None:  # type: ignore[no-untyped-def]
    assert await seed_demo(session) is True
    await session.commit()


async def test_every_demo_login_works_with_the_demo_password(client, demo) -> None:
    for username, _name, role, _agent in DEMO_USERS:
        response = await client.post(
            "/api/v1/auth/login", json={"username": username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 200, username
        me = await client.get(
            "/api/v1/me", headers={"Authorization": f"Bearer {response.json()['access_token']}"}
        )
        assert me.json()["role"] == role.value


async def test_demo_customers_cover_every_state(client, demo) -> None:
    headers = await _signed_in(client, "vendor")
    customers = (
        await client.get("/api/v1/customers", params={"limit": 200}, headers=headers)
    ).json()["items"]
    assert {c["status"] for c in customers} == {"pending", "protected", "released", "rejected"}
    assert any(c["near_expiry"] for c in customers)
    assert any(c["protection_mode"] == "review" for c in customers)  # a 量产 customer under review
    assert any(c["open_extension"] for c in customers)
    extensions = await client.get(
        "/api/v1/extensions", params={"status": "pending"}, headers=headers
    )
    assert extensions.json()["total"] >= 1


async def test_demo_data_is_loaded_only_into_an_empty_database(session, demo) -> None:
    assert await seed_demo(session) is False


async def test_demo_follow_ups_have_reports_projects_and_an_unread_comment(client, demo) -> None:
    headers = await _signed_in(client, "a.sales")
    customers = (
        await client.get("/api/v1/customers", params={"search": "宏图"}, headers=headers)
    ).json()["items"]
    reports = await client.get(f"/api/v1/customers/{customers[0]['id']}/reports", headers=headers)
    assert reports.json()["total"] == 2
    assert (await client.get("/api/v1/me/unread-comments", headers=headers)).json()["total"] == 1


async def test_demo_statistics_and_forecast_have_content(client, demo) -> None:
    headers = await _signed_in(client, "vendor")
    stats = (
        await client.get("/api/v1/stats/shipments", params={"group_by": "agent"}, headers=headers)
    ).json()
    assert {r["label"] for r in stats["rows"]} == {"华南代理", "华东代理"}
    forecast = (await client.get("/api/v1/forecast", headers=headers)).json()
    assert forecast["by_model"]
    accuracy = (await client.get("/api/v1/forecast/accuracy", headers=headers)).json()
    assert any(s["mape"] is not None for s in accuracy["by_model"])


async def test_demo_announcements_are_listed_and_already_read_by_every_demo_login(
    client, demo
) -> None:
    for username, _name, role, _agent in DEMO_USERS:
        headers = await _signed_in(client, username)
        unread = await client.get("/api/v1/me/unread-announcements", headers=headers)
        assert unread.json() == [], username  # no pop-up holds up a demo sign-in
        listed = (await client.get("/api/v1/announcements", headers=headers)).json()["items"]
        assert listed, username
        # The vendor also lists the ones addressed to agents only; its own ones it has read.
        own = [a for a in listed if role != "vendor" or a["audience"] in ("all", "vendor")]
        assert own and all(a["read_at"] for a in own), username
