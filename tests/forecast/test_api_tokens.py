"""Integrator tokens (SPEC §10): created by the vendor, shown once, stored hashed, revocable;
a forecast-only token reads the forecast and gets 403 on everything else."""

import re

import pytest
from sqlmodel import select

from api.tokens.models import ApiToken
from tests.authz.test_routes_need_a_principal import PROTECTED

FORECAST_ROUTES = {("GET", "/api/v1/forecast"), ("GET", "/api/v1/forecast/accuracy")}


async def _token(client, world, scopes: list[str]) -> str:  # type: ignore[no-untyped-def]
    response = await client.post(
        "/api/v1/api-tokens",
        json={"name": "ERP计划系统", "scopes": scopes},
        headers=world.vendor.headers,
    )
    assert response.status_code == 201, response.text
    return response.json()["token"]


async def test_token_is_shown_once_and_stored_hashed(client, world, session) -> None:
    token = await _token(client, world, ["forecast:read"])
    listed = (await client.get("/api/v1/api-tokens", headers=world.vendor.headers)).json()
    assert "token" not in listed[0] and token.startswith(listed[0]["prefix"])
    stored = (await session.scalars(select(ApiToken))).one()
    assert token not in stored.token_hash


async def test_forecast_token_reads_the_forecast_as_json_and_csv(client, world) -> None:
    headers = {"Authorization": f"Bearer {await _token(client, world, ['forecast:read'])}"}
    assert (await client.get("/api/v1/forecast", headers=headers)).status_code == 200
    assert (
        await client.get("/api/v1/forecast", params={"format": "csv"}, headers=headers)
    ).status_code == 200


@pytest.mark.parametrize(("method", "path"), [r for r in PROTECTED if r not in FORECAST_ROUTES])
async def test_forecast_only_token_gets_403_on_everything_else(
    client, world, method: str, path: str
) -> None:
    headers = {"Authorization": f"Bearer {await _token(client, world, ['forecast:read'])}"}
    response = await client.request(
        method, re.sub(r"\{[^}]+\}", "1", path), headers=headers, json={}
    )
    assert response.status_code == 403, f"{method} {path}: {response.status_code}"


async def test_stats_token_reads_statistics_but_not_the_forecast(client, world) -> None:
    headers = {"Authorization": f"Bearer {await _token(client, world, ['stats:read'])}"}
    assert (await client.get("/api/v1/stats/shipments", headers=headers)).status_code == 200
    assert (await client.get("/api/v1/forecast", headers=headers)).status_code == 403


async def test_revoked_token_stops_working(client, world) -> None:
    token = await _token(client, world, ["forecast:read"])
    token_id = (await client.get("/api/v1/api-tokens", headers=world.vendor.headers)).json()[0][
        "id"
    ]
    await client.post(f"/api/v1/api-tokens/{token_id}/revoke", headers=world.vendor.headers)
    assert (
        await client.get("/api/v1/forecast", headers={"Authorization": f"Bearer {token}"})
    ).status_code == 401


async def test_only_the_vendor_manages_tokens(client, world) -> None:
    response = await client.post(
        "/api/v1/api-tokens",
        json={"name": "代理商自建报表", "scopes": ["forecast:read"]},
        headers=world.a_admin.headers,
    )
    assert response.status_code == 403
