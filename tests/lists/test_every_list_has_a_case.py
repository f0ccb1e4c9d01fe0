"""Every list operation of the OpenAPI document either has a statement-count case in
test_list_statements.py or is exempt here with the reason its statements cannot grow with its
rows. A new list with neither fails: give it a case. A list is a GET answering a page, an array,
or an object holding an array of objects (rows); arrays of plain values (facets, months, email
kinds) are not rows."""

import json
from pathlib import Path
from typing import Any

from tests.lists.test_list_statements import CASES

OPENAPI = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
API = "/api/v1"

EXEMPT: dict[str, str] = {
    "/customers/todo": (
        "one row per to-do kind, a fixed set counted in one statement (tests/customers/"
        "test_statements.py pins it)"
    ),
    "/regions": "the national division list bundled with the app: no SQL at all",
    "/registrations/{registration_id}": (
        "its candidates are the ones found at application time, a JSON column of the "
        "registration's own row"
    ),
}


def _schema(reference: str, document: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = document["components"]["schemas"][reference.rsplit("/", 1)[-1]]
    return schema


def _holds_rows(schema: dict[str, Any]) -> bool:
    """An array of objects, possibly nullable."""
    return any(
        option.get("type") == "array" and "$ref" in option.get("items", {})
        for option in [schema, *schema.get("anyOf", [])]
    )


def _is_list(answer: dict[str, Any], document: dict[str, Any]) -> bool:
    if answer.get("type") == "array":
        return True
    if "$ref" not in answer:
        return False
    properties = _schema(answer["$ref"], document).get("properties", {})
    return any(_holds_rows(p) for p in properties.values())


def _list_operations() -> set[str]:
    document = json.loads(OPENAPI.read_text())
    found = set()
    for path, operations in document["paths"].items():
        answer = operations.get("get", {}).get("responses", {}).get("200", {})
        schema = answer.get("content", {}).get("application/json", {}).get("schema", {})
        if _is_list(schema, document):
            found.add(path.removeprefix(API))
    return found


def test_every_list_operation_has_a_statement_count_case_or_a_reasoned_exemption() -> None:
    unaccounted = _list_operations() - CASES.keys() - EXEMPT.keys()
    assert not unaccounted, (
        f"add a case to test_list_statements.py or an exemption: {sorted(unaccounted)}"
    )


def test_no_list_is_both_counted_and_exempt_and_every_entry_still_exists() -> None:
    assert not (CASES.keys() & EXEMPT.keys()), sorted(CASES.keys() & EXEMPT.keys())
    listed = CASES.keys() | EXEMPT.keys()
    assert listed <= _list_operations(), sorted(listed - _list_operations())
    assert all(reason.strip() for reason in EXEMPT.values())
