"""Issue 11 §4: a formula typed into a name or a reason is text in every export (.xlsx and CSV),
never a formula a spreadsheet would run. Every export route of the OpenAPI document (a 200 that
is .xlsx or CSV) has a scenario here; a new one without a scenario fails the first test."""

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from api.kit.clock import today
from api.kit.export import FORMULA_TRIGGERS, XLSX_TYPE
from tests.factories import Actor, World
from tests.kit.lists import Listed, fill_lists
from tests.orders.conftest import Book, book, order

__all__ = ["book"]

OPENAPI = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
HYPERLINK = '=HYPERLINK("http://x","y")'
PLUS = "+1+1"
AT_SUM = "@SUM(A1)"
MINUS = "-2+3"
BATCH = "=B1"
KINDS = {XLSX_TYPE: "xlsx", "text/csv": "csv"}


def _export_operations() -> list[tuple[str, str, bool]]:
    """(path, xlsx or csv, whether it takes a `format` parameter) of every export."""
    paths = json.loads(OPENAPI.read_text())["paths"]
    found = [
        (path, kind, any(p["name"] == "format" for p in get.get("parameters", [])))
        for path, item in paths.items()
        if (get := item.get("get"))
        for media, kind in KINDS.items()
        if media in get["responses"].get("200", {}).get("content", {})
    ]
    assert len(found) >= 5, "export discovery found too few routes"
    return found


@dataclass
class Planted:
    world: World
    book: Book
    announcement_id: int
    listed: Listed


# A scenario names the caller, the URL and the query of one export, and the planted texts that
# export must show (none for a file without user data).
Scenario = Callable[[Planted], tuple[Actor, str, dict[str, Any], set[str]]]
SCENARIOS: dict[str, Scenario] = {
    "/api/v1/stats/shipments": lambda p: (
        p.world.vendor,
        "/api/v1/stats/shipments",
        {"group_by": "agent", "date_from": (today() - timedelta(days=30)).isoformat()},
        {HYPERLINK},
    ),
    "/api/v1/audit": lambda p: (p.world.vendor, "/api/v1/audit", {}, {AT_SUM}),
    "/api/v1/forecast": lambda p: (p.world.vendor, "/api/v1/forecast", {}, {HYPERLINK}),
    "/api/v1/announcements/{announcement_id}/receipts": lambda p: (
        p.world.vendor,
        f"/api/v1/announcements/{p.announcement_id}/receipts",
        {},
        {HYPERLINK, PLUS, MINUS},
    ),
    "/api/v1/imports/template": lambda p: (p.world.a_admin, "/api/v1/imports/template", {}, set()),
    "/api/v1/scorecard": lambda p: (p.world.vendor, "/api/v1/scorecard", {}, {HYPERLINK}),
    "/api/v1/orders": lambda p: (p.world.a_assistant, "/api/v1/orders", {}, {HYPERLINK, BATCH}),
    "/api/v1/batches/{batch}/customers": lambda p: (
        p.world.a_assistant,
        f"/api/v1/batches/{BATCH}/customers",
        {},
        {BATCH},
    ),
    # The lists (issue 12 §4): the agent's name and the people's names are in most of them.
    "/api/v1/customers": lambda p: (p.world.vendor, "/api/v1/customers", {}, {HYPERLINK, PLUS}),
    "/api/v1/pool": lambda p: (p.world.a_sales, "/api/v1/pool", {}, set()),
    "/api/v1/registrations": lambda p: (
        p.world.vendor,
        "/api/v1/registrations",
        {},
        {HYPERLINK, PLUS},
    ),
    "/api/v1/extensions": lambda p: (p.world.vendor, "/api/v1/extensions", {}, {HYPERLINK, PLUS}),
    "/api/v1/customers/{customer_id}/reports": lambda p: (
        p.world.a_sales,
        f"/api/v1/customers/{p.book.customer_id}/reports",
        {},
        {PLUS},
    ),
    "/api/v1/customers/{customer_id}/projects": lambda p: (
        p.world.a_sales,
        f"/api/v1/customers/{p.book.customer_id}/projects",
        {},
        set(),
    ),
    "/api/v1/customers/{customer_id}/orders": lambda p: (
        p.world.a_assistant,
        f"/api/v1/customers/{p.book.customer_id}/orders",
        {},
        {HYPERLINK, BATCH},
    ),
    "/api/v1/desk/reports": lambda p: (
        p.world.vendor,
        "/api/v1/desk/reports",
        {},
        {HYPERLINK, PLUS},
    ),
    "/api/v1/questions": lambda p: (p.world.vendor, "/api/v1/questions", {}, {HYPERLINK, PLUS}),
    "/api/v1/reviews/due": lambda p: (p.world.vendor, "/api/v1/reviews/due", {}, {HYPERLINK}),
    "/api/v1/agents": lambda p: (p.world.vendor, "/api/v1/agents", {}, {HYPERLINK}),
    "/api/v1/users": lambda p: (p.world.vendor, "/api/v1/users", {}, {HYPERLINK, PLUS, MINUS}),
    "/api/v1/announcements": lambda p: (p.world.vendor, "/api/v1/announcements", {}, {HYPERLINK}),
    "/api/v1/mcu-models/page": lambda p: (p.world.a_sales, "/api/v1/mcu-models/page", {}, set()),
    "/api/v1/imports": lambda p: (p.world.vendor, "/api/v1/imports", {}, {HYPERLINK}),
    "/api/v1/imports/{import_id}/rows": lambda p: (
        p.world.vendor,
        f"/api/v1/imports/{p.listed.import_id}/rows",
        {},
        {PLUS},
    ),
    "/api/v1/outbox": lambda p: (p.world.vendor, "/api/v1/outbox", {}, set()),
}


@pytest.fixture
async def planted(client, world, factory, book, session) -> Planted:  # type: ignore[no-untyped-def]
    """Formulas in an agent's name, in display names and in a reason, all of which exports show;
    then a row in every list (tests/kit/lists.py)."""
    world.agent_a.name = HYPERLINK
    world.a_sales.user.display_name = PLUS
    world.a_admin.user.display_name = MINUS
    session.add_all([world.agent_a, world.a_sales.user, world.a_admin.user])
    await session.commit()
    orders = []
    for number in ("SO-1", "SO-2"):
        created = await client.post(
            f"/api/v1/customers/{book.customer_id}/orders",
            json={**order(number, project_id=book.cooker, batches=[BATCH]), "remarks": HYPERLINK},
            headers=world.a_assistant.headers,
        )
        assert created.status_code == 201, created.text
        orders.append(created.json()["id"])
    deleted = await client.post(
        f"/api/v1/orders/{orders[0]}/delete",
        json={"reason": AT_SUM},
        headers=world.a_assistant.headers,
    )
    assert deleted.status_code == 204, deleted.text
    announcement = await client.post(
        "/api/v1/announcements",
        json={"title": "通知", "body": "请阅读", "audience": "agent", "agent_id": world.agent_a.id},
        headers=world.vendor.headers,
    )
    assert announcement.status_code == 201, announcement.text
    listed = await fill_lists(client, world, factory, book, session)
    return Planted(world, book, announcement.json()["id"], listed)


def test_every_export_route_has_a_hostile_text_scenario() -> None:
    assert {path for path, _, _ in _export_operations()} == set(SCENARIOS)


def _xlsx_cells(content: bytes) -> list[Any]:
    workbook = load_workbook(io.BytesIO(content))
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    formulas = [c.coordinate for c in cells if c.data_type == "f"]
    assert formulas == [], f"formula cells: {formulas}"
    unquoted = [c.value for c in cells if _is_formula_text(c.value) and not c.quotePrefix]
    assert unquoted == [], f"text cells Excel would run once edited: {unquoted}"
    return [c.value for c in cells]


def _is_formula_text(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _csv_cells(content: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    live = [c for c in cells if _is_formula_text(c) and not _is_number(c)]
    assert live == [], f"cells a spreadsheet would run: {live}"
    return [c.removeprefix("'") for c in cells]


@pytest.mark.parametrize(("path", "kind", "has_format"), _export_operations())
async def test_a_planted_formula_is_text_in_every_export(
    client, planted, path: str, kind: str, has_format: bool
) -> None:
    actor, url, query, expected = SCENARIOS[path](planted)
    params = {**query, "format": kind} if has_format else query
    response = await client.get(url, params=params, headers=actor.headers)
    assert response.status_code == 200, response.text
    cells = _xlsx_cells(response.content) if kind == "xlsx" else _csv_cells(response.content)
    assert expected <= set(cells), f"the planted texts did not reach the export: {expected}"


def test_a_control_character_from_an_older_row_is_shown_not_a_failed_export() -> None:
    from api.kit.export import xlsx_bytes

    body = xlsx_bytes("batch-A/B:C?", ["名称"], [["宏图\x1f智能"]])
    sheet = load_workbook(io.BytesIO(body)).active
    assert sheet is not None and sheet.title == "batch-A_B_C_"
    assert sheet["A2"].value == "宏图\ufffd智能"
