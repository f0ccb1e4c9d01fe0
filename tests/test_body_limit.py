"""A request body over its limit is refused with 413 before anything parses it: 1 MB for JSON and
form bodies (sign-in included), 10 MB for the routes that carry a file; whether the size is
announced (Content-Length) or only counted as a chunked body streams in."""

import base64
import json
from collections.abc import AsyncIterator

import pytest

MB = 1024 * 1024
LOGIN = "/api/v1/auth/login"


async def chunked(body: bytes, piece: int = 64 * 1024) -> AsyncIterator[bytes]:
    """The body as a stream of pieces: httpx sends it chunked, without Content-Length."""
    for start in range(0, len(body), piece):
        yield body[start : start + piece]


def login_body(size: int) -> bytes:
    return json.dumps({"username": "vendor", "password": "x" * size}).encode()


def assert_refused_as_too_large(response, request_id: str) -> None:
    assert response.status_code == 413
    body = response.json()
    assert body["code"] == "body_too_large"
    assert "1024 KB" in body["detail"] and "request body" in body["detail"]
    assert response.headers["X-Request-ID"] == request_id


async def test_a_sign_in_body_over_the_limit_is_refused_from_its_content_length(client) -> None:
    headers = {"Content-Type": "application/json", "X-Request-ID": "big-login", "X-Language": "en"}
    response = await client.post(LOGIN, content=login_body(2 * MB), headers=headers)
    assert_refused_as_too_large(response, "big-login")


async def test_a_chunked_body_over_the_limit_is_refused_while_it_streams(client) -> None:
    headers = {"Content-Type": "application/json", "X-Request-ID": "chunked", "X-Language": "en"}
    request = client.build_request(
        "POST", LOGIN, content=chunked(login_body(2 * MB)), headers=headers
    )
    assert "content-length" not in request.headers
    assert request.headers["transfer-encoding"] == "chunked"
    assert_refused_as_too_large(await client.send(request), "chunked")


async def test_the_limit_is_checked_before_parsing_so_an_oversized_broken_body_is_413(
    client,
) -> None:
    response = await client.post(
        LOGIN, content=b"{" * (2 * MB), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413  # parsing it would have answered 422
    assert "请求内容超过" in response.json()["detail"]


@pytest.mark.parametrize("stream", [False, True], ids=["content-length", "chunked"])
async def test_a_body_under_the_limit_reaches_the_route_whole(client, world, stream) -> None:
    body = json.dumps({"username": "vendor", "password": "wrong-password"}).encode()
    content = chunked(body, piece=7) if stream else body
    response = await client.post(
        LOGIN, content=content, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 401 and response.json()["code"] == "invalid_credentials"


async def test_an_upload_route_takes_files_over_the_json_limit(client, world) -> None:
    """2 MB reaches the legacy import (which finds it is no .xlsx); 11 MB does not."""
    url = f"/api/v1/imports?agent_id={world.agent_a.id}"
    headers = {**world.vendor.headers, "Content-Type": "application/octet-stream"}
    under = await client.post(url, content=b"x" * (2 * MB), headers=headers)
    assert under.status_code == 422 and under.json()["code"] == "import_not_xlsx"
    for content in (b"x" * (11 * MB), chunked(b"x" * (11 * MB), piece=MB)):
        over = await client.post(url, content=content, headers=headers)
        assert over.status_code == 413 and over.json()["code"] == "body_too_large"
        assert "10240 KB" in over.json()["detail"]


async def test_the_mcu_import_takes_its_base64_file_over_the_json_limit(client, world) -> None:
    csv_file = b"ABC\n" * (250 * 1024)  # 1 MB of lines, 1.3 MB in base64
    body = {"filename": "models.csv", "content_base64": base64.b64encode(csv_file).decode()}
    response = await client.post(
        "/api/v1/mcu-models/import", json=body, headers=world.vendor.headers
    )
    assert len(json.dumps(body)) > MB
    assert response.status_code == 422  # read, and found to lack the catalog's columns
    assert response.json()["code"] == "mcu_import_missing_columns"
