"""Every list sends as many SQL statements for one row as for a full page of twenty (issue 13):
what each row shows is loaded for the whole page at once, never row by row. A list is every
GET operation of the OpenAPI document answering a page, an array, or rows inside an object
(test_every_list_has_a_case.py finds them); each has a line below naming who reads it and how
its rows are made. tests/customers/test_statements.py pins the home list's exact count."""

from dataclasses import dataclass
from typing import Any

import pytest

from tests.factories import Factory, World
from tests.lists import customers, follow_up, people, shipments
from tests.lists.customers import CHECKED_NAME
from tests.lists.scene import AddRows, Scene
from tests.statements import count_statements

FULL = 20  # a full page: the lists' page size in the SPA


@dataclass(frozen=True)
class Case:
    reader: str  # who reads the list (a World attribute)
    add: AddRows  # how its rows are made
    rows: tuple[str, ...] = ()  # the answer's arrays of rows (none: a page's items, or an array)
    params: dict[str, Any] | None = None
    also: tuple[str, ...] = ()  # other readers, where the rows are loaded another way for them

    @property
    def readers(self) -> tuple[str, ...]:
        return (self.reader, *self.also)


# path of the operation (after /api/v1) -> the case; {names} are filled by the rows' maker
CASES: dict[str, Case] = {
    "/agents": Case("vendor", people.agents),
    "/announcements": Case("a_sales", people.announcements, also=("vendor",)),
    "/announcements/{announcement_id}/receipts": Case("vendor", people.readers, ("readers",)),
    "/api-tokens": Case("vendor", people.api_tokens),
    "/audit": Case("vendor", people.profile_edits),  # each edit is an audit row
    "/batches/{batch}/customers": Case("a_assistant", shipments.customers_with_an_order),
    "/customers": Case("a_admin", customers.customers, also=("vendor",)),
    "/customers/{customer_id}": Case(
        "a_admin", customers.aliases_and_faes, ("aliases", "faes"), also=("vendor",)
    ),
    "/customers/{customer_id}/orders": Case("a_assistant", shipments.orders),
    "/customers/{customer_id}/projects": Case("a_sales", follow_up.reports),  # a new one each
    "/customers/{customer_id}/reports": Case("a_sales", follow_up.reports),
    "/desk": Case("vendor", people.waiting_applications, ("registrations", "extensions")),
    "/desk/reports": Case("vendor", follow_up.reports_across_customers),
    "/extensions": Case("vendor", customers.extensions),
    "/forecast": Case(
        "vendor", shipments.projects_on_new_models, ("rows",), {"months": 1, "detail": True}
    ),
    "/forecast/accuracy": Case("vendor", shipments.agents_with_a_forecast, ("by_agent",)),
    "/imports": Case("vendor", customers.imports),
    "/imports/{import_id}/rows": Case("vendor", customers.import_rows),
    "/mcu-models": Case("a_sales", people.mcu_models),
    "/mcu-models/page": Case("a_sales", people.mcu_models),
    "/me/unread-announcements": Case("a_sales", people.announcements),
    "/me/unread-comments": Case("a_sales", follow_up.reports_across_customers, ("reports",)),
    "/orders": Case("a_assistant", shipments.customers_with_an_order),
    "/orders/{order_id}": Case("a_assistant", shipments.order_lines, ("lines",)),
    "/outbox": Case("vendor", people.registrations),  # each mails the vendor
    "/pool": Case("a_sales", customers.pool_customers),
    "/product-domains": Case("a_sales", people.product_domains),
    "/projects/{project_id}": Case("a_sales", follow_up.project_history, ("history",)),
    "/questions": Case("vendor", follow_up.reports_across_customers),
    "/registrations": Case("vendor", people.registrations),
    "/registrations/check": Case(
        "a_sales", customers.namesakes, ("candidates",), {"name": CHECKED_NAME}
    ),
    "/registrations/probing": Case("vendor", people.name_checkers),
    "/reports/{report_id}": Case("vendor", follow_up.entries_and_comments, ("entries", "comments")),
    "/reports/{report_id}/revisions": Case("vendor", follow_up.revisions),
    "/reviews/due": Case("vendor", customers.reviews_due),
    "/scorecard": Case("vendor", people.agents_with_people, ("agents",)),
    "/stats/shipments": Case(
        "vendor", shipments.customers_with_an_order, ("rows",), {"group_by": "customer"}
    ),
    "/users": Case("vendor", people.sales_people),
}


@pytest.fixture
async def scene(client, factory: Factory, world: World, session) -> Scene:  # type: ignore[no-untyped-def]
    return Scene(client, factory, world, session)


async def _read(scene: Scene, path: str, case: Case, reader: str) -> tuple[int, int]:
    """(rows shown, statements sent)"""
    url = f"/api/v1{path.format(**scene.ids)}"
    headers = getattr(scene.world, reader).headers
    with count_statements() as sent:
        response = await scene.client.get(
            url, params={"limit": FULL, **(case.params or {})}, headers=headers
        )
    assert response.status_code == 200, response.text
    return _rows(response.json(), case), len(sent)


def _rows(answer: Any, case: Case) -> int:
    if case.rows:
        return sum(len(answer[name]) for name in case.rows)
    return len(answer["items"] if isinstance(answer, dict) else answer)


@pytest.mark.parametrize("path", sorted(CASES))
async def test_a_list_sends_as_many_statements_for_one_row_as_for_a_full_page(
    scene: Scene, path: str
) -> None:
    case = CASES[path]
    await case.add(scene, 0, 1)
    one = {reader: await _read(scene, path, case, reader) for reader in case.readers}
    await case.add(scene, 1, FULL - 1)
    for reader, (rows, statements) in one.items():
        more_rows, full = await _read(scene, path, case, reader)
        assert rows >= 1 and more_rows >= min(rows + FULL - 1, FULL)  # the new rows are shown
        assert full == statements, f"{reader}: {statements} for one row, {full} for a full page"
