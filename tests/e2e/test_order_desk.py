"""The order desk (issue 12 §3): the assistant enters orders for two customers from one screen
with the keyboard, sees them among today's orders, then finds which customers got a batch."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.steps import export_list, open_menu, sign_in

pytestmark = pytest.mark.e2e

BATCH = "E2E-DESK-2611"
ORDERS = [
    # customer searched by, its full name, project, order number, quantity, batch
    ("锐进", "东莞市锐进电器有限公司", "变频空调外机", "E2E-DESK-01", "1200", f"{BATCH}A"),
    ("宏图", "深圳市宏图智能科技有限公司", "智能遥控器", "E2E-DESK-02", "800", f"{BATCH}B"),
]


def _enter_order(
    page: Page, search: str, customer: str, project: str, number: str, quantity: str, batch: str
) -> None:
    """Everything typed; Enter moves on, Ctrl+Enter saves and returns to the customer field."""
    page.keyboard.type(search)
    page.locator(".ant-select-item-option").filter(has_text=customer).first.wait_for()
    page.keyboard.press("Enter")
    form = page.get_by_test_id("order-form")
    expect(form.get_by_label("订单号")).to_be_focused()
    page.keyboard.type(number)
    page.keyboard.press("Enter")
    project_field = form.get_by_label("项目名称")
    project_field.fill(project)  # the date keeps today; the project is the next thing typed
    project_field.press("Enter")
    expect(form.get_by_label("数量（颗）")).to_be_focused()
    page.keyboard.type(quantity)
    page.keyboard.press("Enter")
    expect(form.get_by_label("单价")).to_be_focused()  # optional: Enter passes it empty
    page.keyboard.press("Enter")
    expect(form.get_by_label("批次号")).to_be_focused()
    page.keyboard.type(batch)
    page.keyboard.press("Enter")
    expect(form.get_by_test_id("batch-tag")).to_have_text([batch])
    page.keyboard.press("Control+Enter")
    expect(page.locator("#desk_customer")).to_be_focused()


def test_assistant_enters_orders_for_two_customers_and_traces_a_batch(page: Page) -> None:
    sign_in(page, "a.assistant")
    open_menu(page, "订单台")
    expect(page).to_have_url(re.compile(r"/orders$"))
    page.get_by_test_id("desk-customer").click()
    for search, customer, project, number, quantity, batch in ORDERS:
        _enter_order(page, search, customer, project, number, quantity, batch)
        today = page.get_by_test_id("desk-today")
        expect(today.get_by_test_id("desk-today-row").filter(has_text=number)).to_contain_text(
            customer
        )

    page.get_by_role("tab", name="订单查询").click()
    page.get_by_test_id("desk-search-batch").fill(f"{BATCH}B")
    rows = page.get_by_test_id("desk-orders").get_by_test_id("desk-orders-row")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("E2E-DESK-02")

    page.get_by_role("tab", name="批次追溯").click()
    trace = page.get_by_test_id("trace-batch").get_by_label("批次号")
    trace.fill(BATCH)
    trace.press("Enter")
    expect(page.get_by_test_id("trace-customer")).to_have_text(sorted([ORDERS[0][1], ORDERS[1][1]]))
    assert export_list(page, "trace-export", "xlsx").suggested_filename.endswith(".xlsx")
