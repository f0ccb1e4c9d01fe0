"""Issue 12 §4: every list exports, in Chinese. Each list route of the OpenAPI document (a page,
or a list with a `format`) answers format=csv and format=xlsx with the list's current filter,
scoped by role like the JSON: headers in Chinese (English for Accept-Language: en), labels
instead of codes, no internal ids. A new list route without a case here fails the first test."""

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from api.config import get_settings
from api.exporting import stream
from api.exporting.labels import LABELS
from api.kit.clock import today
from tests.factories import Actor
from tests.kit import lists
from tests.kit.lists import Listed, fill_lists
from tests.orders.conftest import book

__all__ = ["book"]

OPENAPI = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
CJK = re.compile(r"[\u4e00-\u9fff]")
AN_ID = re.compile(r"\bids?\b|编号|ＩＤ", re.IGNORECASE)
CODES = {code for labels in LABELS.values() for code in labels}
YESTERDAY = (today() - timedelta(days=1)).isoformat()


def _operations() -> dict[str, dict[str, Any]]:
    paths = json.loads(OPENAPI.read_text())["paths"]
    return {path: item["get"] for path, item in paths.items() if "get" in item}


def _answers(get: dict[str, Any]) -> dict[str, Any]:
    return get["responses"]["200"]["content"]["application/json"]["schema"]


def _is_page(get: dict[str, Any]) -> bool:
    return _answers(get).get("$ref", "").startswith("#/components/schemas/Page_")


def _takes_format(get: dict[str, Any]) -> bool:
    return any(p["name"] == "format" for p in get.get("parameters", []))


def _list_exports() -> list[str]:
    """Lists that export: every page, and every array that takes a format."""
    return sorted(
        path
        for path, get in _operations().items()
        if _is_page(get) or (_answers(get).get("type") == "array" and _takes_format(get))
    )


@dataclass(frozen=True)
class Case:
    actor: str  # who exports (a World attribute)
    url: str  # with {customer_id} / {import_id} of the Listed rows
    shown: str  # a text of one of the caller's rows
    leaving_it_out: dict[str, Any] | None  # a filter without that row (None: the list has none)
    other: str | None  # who must not see it (None: the list is the same for everybody)


CASES: dict[str, Case] = {
    "/api/v1/customers": Case("a_sales", "/customers", "美达", {"search": "宏图"}, "b_sales"),
    "/api/v1/pool": Case("a_sales", "/pool", lists.POOLED, {"search": "宏图"}, None),
    "/api/v1/registrations": Case(
        "a_sales", "/registrations", "宏图", {"status": "approved"}, "b_sales"
    ),
    "/api/v1/extensions": Case(
        "a_sales", "/extensions", lists.EXTENSION_REASON, {"status": "approved"}, "b_sales"
    ),
    "/api/v1/customers/{customer_id}/reports": Case(
        "a_sales",
        "/customers/{customer_id}/reports",
        "客户订单稳定",
        {"date_to": YESTERDAY},
        "b_sales",
    ),
    "/api/v1/customers/{customer_id}/projects": Case(
        "a_sales", "/customers/{customer_id}/projects", "IH电饭煲", None, "b_sales"
    ),
    "/api/v1/customers/{customer_id}/orders": Case(
        "a_assistant",
        "/customers/{customer_id}/orders",
        lists.ORDER_NUMBER,
        {"date_to": YESTERDAY},
        "b_admin",
    ),
    "/api/v1/orders": Case(
        "a_assistant", "/orders", lists.ORDER_NUMBER, {"order_number": "SO-9"}, "b_admin"
    ),
    "/api/v1/batches/{batch}/customers": Case(
        "a_assistant", f"/batches/{lists.BATCH}/customers", "美达", None, "b_admin"
    ),
    "/api/v1/desk/reports": Case(
        "vendor", "/desk/reports", "客户订单稳定", {"agent_id": "{b}"}, "b_admin"
    ),
    "/api/v1/questions": Case(
        "vendor", "/questions", lists.QUESTION, {"status": "answered"}, "b_admin"
    ),
    "/api/v1/reviews/due": Case("vendor", "/reviews/due", lists.UNDER_REVIEW, None, "b_admin"),
    "/api/v1/agents": Case("vendor", "/agents", "华南代理", {"search": "华东"}, "b_admin"),
    "/api/v1/users": Case("vendor", "/users", "a.sales", {"role": "fae"}, "b_admin"),
    "/api/v1/announcements": Case("a_sales", "/announcements", lists.NOTICE, None, "b_sales"),
    "/api/v1/audit": Case(
        "vendor", "/audit", "order.create", {"action": "user.update_profile"}, "a_admin"
    ),
    "/api/v1/mcu-models/page": Case(
        "a_sales", "/mcu-models/page", "CD32F030C8T6", {"q": "G431"}, None
    ),
    "/api/v1/imports": Case("vendor", "/imports", lists.IMPORT_FILE, None, "b_admin"),
    "/api/v1/imports/{import_id}/rows": Case(
        "vendor", "/imports/{import_id}/rows", lists.IMPORTED, {"status": "created"}, "b_admin"
    ),
    "/api/v1/outbox": Case("vendor", "/outbox", "宏图", {"status": "sent"}, "a_admin"),
}


@pytest.fixture
async def listed(client, world, factory, book, session) -> Listed:  # type: ignore[no-untyped-def]
    return await fill_lists(client, world, factory, book, session)


def test_every_list_route_has_an_export_case() -> None:
    assert _list_exports() == sorted(CASES)


def test_every_page_takes_a_format() -> None:
    """A paged list is a list the SPA shows: it exports too."""
    without = [p for p, get in _operations().items() if _is_page(get) and not _takes_format(get)]
    assert without == []


def _table(kind: str, content: bytes) -> list[list[str]]:
    if kind == "csv":
        assert content.startswith("\ufeff".encode())  # Excel reads the UTF-8 as UTF-8
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


async def _export(
    client, actor: Actor, url: str, kind: str, **params: Any
) -> list[list[str]] | None:  # type: ignore[no-untyped-def]
    """The export's rows (the header first), or None when the list is not the caller's (404/403)."""
    response = await client.get(
        f"/api/v1{url}", params={**params, "format": kind}, headers=actor.headers
    )
    if response.status_code in (403, 404):
        return None
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    return _table(kind, response.content)


def _numbers(table: list[list[str]]) -> list[list[str | float]]:
    """The table with numbers as numbers (CSV writes 80.0, a spreadsheet reads it back as 80)."""

    def number(cell: str) -> str | float:
        try:
            return float(cell)
        except ValueError:
            return cell

    return [[number(c) for c in row] for row in table]


def _cells(table: list[list[str]] | None) -> list[str]:
    return [c for row in (table or [])[1:] for c in row]


@pytest.mark.parametrize("path", sorted(CASES))
async def test_a_list_exports_its_filter_in_the_callers_language_and_scope(
    client, world, listed: Listed, path: str
) -> None:
    case = CASES[path]
    actor = getattr(world, case.actor)
    url = case.url.format(customer_id=listed.customer_id, import_id=listed.import_id)
    chinese = await _export(client, actor, url, "csv")
    assert chinese is not None
    header = chinese[0]
    assert all(CJK.search(h) or (h.isascii() and h.isupper()) for h in header), header  # FAE, MCU…
    assert any(case.shown in c for c in _cells(chinese)), f"{case.shown} not in {chinese}"

    workbook = await _export(client, actor, url, "xlsx")
    assert workbook is not None and _numbers(workbook) == _numbers(chinese)  # the same table

    english = (
        await client.get(
            f"/api/v1{url}",
            params={"format": "csv"},
            headers={**actor.headers, "Accept-Language": "en"},
        )
    ).content
    english_header = _table("csv", english)[0]
    assert len(english_header) == len(header) and not any(CJK.search(h) for h in english_header)
    assert not [h for h in english_header + header if AN_ID.search(h)], "an id column"

    usernames = {getattr(world, a).user.username for a in ("vendor", "a_admin", "b_admin")}
    assert not (set(_cells(chinese)) & CODES) - usernames, "a code instead of its label"

    if case.leaving_it_out is not None:
        query = {k: world.agent_b.id if v == "{b}" else v for k, v in case.leaving_it_out.items()}
        filtered = await _export(client, actor, url, "csv", **query)
        assert filtered is not None and filtered[0] == header
        assert not any(case.shown in c for c in _cells(filtered))
    if case.other is not None:
        theirs = await _export(client, getattr(world, case.other), url, "xlsx")
        assert not any(case.shown in c for c in _cells(theirs))


async def test_a_long_export_is_read_in_chunks_and_says_where_it_was_cut(
    client, world, factory, monkeypatch
) -> None:
    for n in range(5):
        await factory.customer(world.agent_a, world.a_sales, name=f"深圳市长风{n}号电子有限公司")
    monkeypatch.setattr(stream, "CHUNK_ROWS", 2)  # chunks after the first: a session of their own
    monkeypatch.setattr(get_settings(), "export_max_rows", 5)
    for kind in ("csv", "xlsx"):
        whole = await _export(client, world.a_sales, "/customers", kind, sort="name")
        assert whole is not None and [r[0] for r in whole[1:]] == [
            f"深圳市长风{n}号电子有限公司" for n in range(5)
        ]
    monkeypatch.setattr(get_settings(), "export_max_rows", 3)
    for kind, language, cut in (
        ("csv", "zh", "已截断：仅导出前 3 行"),
        ("xlsx", "en", "Cut at 3 rows"),
    ):
        response = await client.get(
            "/api/v1/customers",
            params={"format": kind, "sort": "name"},
            headers={**world.a_sales.headers, "Accept-Language": language},
        )
        table = _table(kind, response.content)
        assert [r[0] for r in table[1:4]] == [f"深圳市长风{n}号电子有限公司" for n in range(3)]
        assert len(table) == 5 and table[4][0].startswith(cut)


async def test_an_export_names_people_and_labels_codes(client, world, factory) -> None:
    customer = await factory.customer(
        world.agent_a, world.a_sales, name="深圳市锦程电子有限公司", faes=(world.a_fae,)
    )
    table = await _export(client, world.a_admin, "/customers", "csv")
    assert table is not None
    row = dict(zip(table[0], table[1], strict=True))
    assert row["客户名称"] == "深圳市锦程电子有限公司"
    assert row["状态"] == "保护中" and row["保护方式"] == "保护期"
    assert row["代理商"] == world.agent_a.name
    assert row["联系人（业务员）"] == world.a_sales.user.display_name
    assert row["FAE"] == world.a_fae.user.display_name
    assert row["跟进逾期"] == "否"
    assert str(customer.id) not in table[1]
    assert customer.protection_until is not None
    beijing = customer.protection_until + timedelta(hours=8)
    assert row["保护期至"] == beijing.strftime("%Y-%m-%d %H:%M")  # China time


def test_every_code_of_a_labelled_enum_has_a_chinese_and_an_english_label() -> None:
    for enum, labels in LABELS.items():
        assert set(labels) == {member.value for member in enum}, enum.__name__
        assert all(zh and en and CJK.search(zh) for zh, en in labels.values()), enum.__name__
