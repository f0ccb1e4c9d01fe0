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
