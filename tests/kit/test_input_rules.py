"""Bad input gets a clear 422 in the caller's language; nothing is written."""

import pytest
from pydantic import ValidationError

from api.kit.schemas import StrictInput


class _Measured(StrictInput):
    name: str
    volume: float


def test_strict_input_refuses_nan_and_infinity() -> None:
    for value in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(ValidationError):
            _Measured(name="x", volume=value)


async def test_unknown_fields_are_refused(client, world) -> None:
    response = await client.patch(
        "/api/v1/me", json={"display_name": "x", "is_admin": True}, headers=world.a_sales.headers
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error" and "is_admin" in body["detail"]


async def test_nan_in_a_json_body_is_refused(client, world) -> None:
    response = await client.post(
        "/api/v1/users",
        content=b'{"username": "n.n", "display_name": "n", "email": "n@example.com", '
        b'"role": "sales", "agent_id": NaN}',
        headers={**world.a_admin.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 422


async def test_control_characters_are_refused_in_body_and_nul_in_query(client, world) -> None:
    for hidden in ("\u0000", "\u001f", "\u000b"):
        body = await client.patch(
            "/api/v1/me", json={"display_name": f"a{hidden}b"}, headers=world.a_sales.headers
        )
        assert body.status_code == 422
        assert "控制字符" in body.json()["detail"]
    multiline = await client.patch(
        "/api/v1/me", json={"display_name": "a\tb"}, headers=world.a_sales.headers
    )
    assert multiline.status_code == 200  # tab, CR and LF are text
    query = await client.get("/api/v1/users?search=a%00b", headers=world.a_admin.headers)
    assert query.status_code == 422


async def test_validation_messages_follow_the_callers_language(client, world) -> None:
    headers = {**world.a_admin.headers, "Accept-Language": "en"}
    response = await client.post("/api/v1/users", json={"username": "x"}, headers=headers)
    assert response.json()["detail"].startswith("Invalid input:")
    chinese = await client.post(
        "/api/v1/users", json={"username": "x"}, headers=world.a_admin.headers
    )
    assert chinese.json()["detail"].startswith("输入有误")


async def test_unknown_api_path_is_a_json_404(client) -> None:
    response = await client.get("/api/v1/no-such-thing")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


async def test_field_messages_are_chinese_by_default(client, world) -> None:
    response = await client.post(
        "/api/v1/users",
        json={"username": "x", "display_name": "新人", "email": "not-an-email", "role": "sales"},
        headers=world.a_admin.headers,
    )
    fields = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert fields == {"username": "至少需要 3 个字符", "email": "邮箱格式不正确"}
