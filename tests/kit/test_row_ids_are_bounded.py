"""Issue 11 §4: an integer in a path or a query is bounded to the id column's range, so 2**31 or
10**20 is a 422 with a message in the caller's language, never a database overflow (500).
The routes are read from the app's OpenAPI document: a new route is covered without a change."""

import re
from typing import Any

import pytest

from api.kit.ids import MAX_ROW_ID

HUGE = [2**31, 10**20]
WRITE_METHODS = {"post", "put", "patch", "delete"}


def _integer_schema(schema: dict[str, Any]) -> dict[str, Any] | None:
    options = [schema, *schema.get("anyOf", [])]
    return next((s for s in options if s.get("type") == "integer"), None)


def _integer_parameters(app: Any) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, parameter) of every integer path or query parameter of the app."""
    found = [
        (method, path, parameter)
        for path, item in app.openapi()["paths"].items()
        for method, operation in item.items()
        for parameter in operation.get("parameters", [])
        if parameter["in"] in ("path", "query") and _integer_schema(parameter["schema"])
    ]
    assert len(found) > 50, "parameter discovery found too few integers"
    return found


def _url(path: str, name: str, value: int) -> str:
    """The path with `value` for the parameter `name` and 1 for any other."""
    return re.sub(r"\{(\w+)\}", lambda m: str(value) if m[1] == name else "1", path)


def test_every_integer_parameter_declares_the_id_column_range(app) -> None:  # type: ignore[no-untyped-def]
    unbounded = [
        f"{method.upper()} {path} {parameter['name']}"
        for method, path, parameter in _integer_parameters(app)
        if _integer_schema(parameter["schema"]).get("maximum", MAX_ROW_ID + 1) > MAX_ROW_ID  # type: ignore[union-attr]
    ]
    assert unbounded == []


async def test_an_integer_beyond_the_column_range_is_a_422_on_every_route(
    app, client, world
) -> None:
    answers: dict[str, int] = {}
    for method, path, parameter in _integer_parameters(app):
        for value in HUGE:
            name = parameter["name"]
            url = _url(path, name, value)
            response = await client.request(
                method.upper(),
                url,
                params={name: value} if parameter["in"] == "query" else {},
                json={} if method in WRITE_METHODS else None,
                headers=world.vendor.headers,
            )
            fields = {e["field"] for e in response.json().get("errors", [])}
            if response.status_code != 422 or name not in fields:
                answers[f"{method.upper()} {url} {name}={value}"] = response.status_code
    assert answers == {}


@pytest.mark.parametrize(
    ("language", "message"),
    [("zh-CN", f"不能大于 {MAX_ROW_ID}"), ("en-US", f"less than or equal to {MAX_ROW_ID}")],
)
async def test_the_out_of_range_message_speaks_the_callers_language(
    client, world, language: str, message: str
) -> None:
    response = await client.get(
        f"/api/v1/customers/{10**20}",
        headers={**world.vendor.headers, "Accept-Language": language},
    )
    assert response.status_code == 422
    assert message in response.json()["detail"]
