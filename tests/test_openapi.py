"""The committed contract is what the app serves (the frontend client is generated from it)."""

from pathlib import Path

from api.cli import openapi_document

COMMITTED = Path(__file__).resolve().parents[1] / "openapi" / "openapi.json"


def test_committed_openapi_document_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == openapi_document(), (
        "openapi/openapi.json is stale: run `make openapi` and commit it (then `make client`)"
    )


def test_operation_ids_are_tag_dash_name() -> None:
    import json

    for path, operations in json.loads(COMMITTED.read_text(encoding="utf-8"))["paths"].items():
        for method, operation in operations.items():
            tag = operation["tags"][0]
            assert operation["operationId"].startswith(f"{tag}-"), f"{method} {path}"


def _document() -> dict:
    import json

    return json.loads(COMMITTED.read_text(encoding="utf-8"))


def _operations() -> list[tuple[str, str, dict]]:
    document = _document()
    return [
        (method, path, operation)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    ]


def test_every_operation_documents_the_error_body_we_send() -> None:
    """422 is our ErrorOut ({detail, code, errors}), never FastAPI's default shape, and every
    declared 4xx/5xx answer is ErrorOut or a model with its fields (BlockedOut adds candidates)."""
    schemas = _document()["components"]["schemas"]
    for method, path, operation in _operations():
        responses = operation["responses"]
        assert "422" in responses and "503" in responses, f"{method} {path}"
        for status, response in responses.items():
            if status.startswith(("4", "5")):
                ref = response["content"]["application/json"]["schema"]["$ref"]
                if ref.endswith("/HealthOut"):
                    continue  # /health's 503 is the health report itself (load balancers read it)
                schema = schemas[ref.rsplit("/", 1)[1]]
                assert {"detail", "code"} <= set(schema["required"]), (method, path, status)


def test_signed_in_operations_document_401_and_403() -> None:
    for method, path, operation in _operations():
        if operation.get("security"):
            assert {"401", "403"} <= operation["responses"].keys(), f"{method} {path}"


async def test_a_refused_field_is_answered_in_the_documented_shape(client) -> None:  # type: ignore[no-untyped-def]
    from api.kit.errors import ErrorOut

    answer = await client.post("/api/v1/auth/login", json={"username": 7})
    assert answer.status_code == 422
    body = ErrorOut.model_validate(answer.json())
    assert body.code == "validation_error"
    assert body.errors and {e.field for e in body.errors} >= {"password"}


async def test_a_body_that_is_not_utf8_is_refused_with_a_message_in_the_callers_language(
    client,
) -> None:  # type: ignore[no-untyped-def]
    headers = {"Content-Type": "application/json", "Accept-Language": "en"}
    answer = await client.post(
        "/api/v1/auth/login", content=b'{"username": "\xff"}', headers=headers
    )
    assert answer.status_code == 400
    assert answer.json()["code"] == "body_unreadable"
    assert "could not be read" in answer.json()["detail"]
