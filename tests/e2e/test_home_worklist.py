"""The agent's desks on the home page (issue 12 §3): the to-do strip filters the list and a second
click clears it; the master account hands a leaving salesperson's customers over in one action;
the FAE browses the pool read-only; refused actions are disabled, saying why, before any typing."""

import re
import uuid
from dataclasses import dataclass

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.steps import api_headers, customer_row, open_menu, pick_option, sign_in

pytestmark = pytest.mark.e2e

RUN = uuid.uuid4().hex[:6]
POOL_COOLING = "厦门市联合电子有限公司"  # demo: 华南代理 released it ten days ago (30-day wait)
POOL_OPEN = "合肥市金鼎家电有限公司"  # demo: released by 华东代理: 华南代理 may apply
COLLEAGUE = "张伟"  # demo: a.sales2


def _register(base_url: str, applicant: str, name: str, **extra: object) -> dict:
    headers = api_headers(base_url, applicant)
    domain = httpx.get(f"{base_url}/api/v1/product-domains", headers=headers).json()[0]["id"]
    body = {
        "name": name,
        "province": "广东省",
        "city": "深圳市",
        "product_domain_id": domain,
        "annual_mcu_usage_wan": 20,
        **extra,
    }
    response = httpx.post(f"{base_url}/api/v1/registrations", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture(scope="module")
def decided(base_url: str) -> str:
    """A company a.sales registered and the vendor approved just now: a decision received."""
    name = f"深圳市待办{RUN}电子有限公司"
    registration = _register(base_url, "a.sales", name)
    approved = httpx.post(
        f"{base_url}/api/v1/registrations/{registration['id']}/approve",
        json={},
        headers=api_headers(base_url, "vendor"),
    )
    assert approved.status_code == 200, approved.text
    return name


@dataclass
class Leaving:
    display_name: str
    customers: list[str]


@pytest.fixture
def leaving(base_url: str) -> Leaving:
    """A salesperson of 华南代理 with two customers the master account registered for them."""
    admin = api_headers(base_url, "a.admin")
    display_name = f"离职{RUN}"
    created = httpx.post(
        f"{base_url}/api/v1/users",
        json={
            "username": f"leaving{RUN}",
            "display_name": display_name,
            "email": f"leaving{RUN}@example.com",
            "role": "sales",
        },
        headers=admin,
    )
    assert created.status_code == 201, created.text
    user_id = created.json()["user"]["id"]
    names = [f"深圳市转移{RUN}{n}号电子有限公司" for n in ("一", "二")]
    for name in names:
        _register(base_url, "a.admin", name, contact_user_id=user_id)
    return Leaving(display_name, names)


def choose(dialog: Locator, field: str, person: str) -> None:
    """Type a person's name into a searchable select and take the match with Enter."""
    select = dialog.get_by_label(field)
    select.fill(person)
    expect(dialog.page.locator(".ant-select-item-option-active:visible")).to_have_text(person)
    select.press("Enter")
    select.press("Escape")
    expect(dialog.page.locator(".ant-select-dropdown:visible")).to_have_count(0)


def test_the_to_do_strip_filters_the_home_list_and_a_second_click_clears_it(
    page: Page, decided: str
) -> None:
    sign_in(page, "a.sales")
    strip = page.get_by_test_id("todo-strip")
    expect(strip).to_contain_text("待办")

    received = page.get_by_test_id("todo-decided")
    expect(received).not_to_have_attribute("data-count", "0")
    received.click()
    expect(page).to_have_url(re.compile(r"[?&]todo=decided"))
    expect(received).to_have_attribute("aria-pressed", "true")
    expect(customer_row(page, decided)).to_be_visible()
    rows = page.get_by_test_id("customer-row")
    expect(rows).to_have_count(int(received.get_attribute("data-count") or 0))

    red = page.get_by_test_id("todo-turning_red")
    red.click()
    expect(page).to_have_url(re.compile(r"[?&]todo=turning_red"))
    expect(received).to_have_attribute("aria-pressed", "false")
    expect(rows.first).to_be_visible()
    expect(rows).to_have_count(int(red.get_attribute("data-count") or 0))
    for near in rows.all():
        expect(near).to_have_attribute("data-near-expiry", "true")

    red.click()  # again: the filter is cleared, the usual states come back
    expect(page).not_to_have_url(re.compile(r"todo="))
    expect(red).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_test_id("filter-status")).to_contain_text("保护中")
    expect(rows.and_(page.locator("[data-near-expiry='false']")).first).to_be_visible()

    page.goto("/?todo=unread")  # a to-do filter is an address: it survives a reload or a link
    expect(page.get_by_test_id("todo-unread")).to_have_attribute("aria-pressed", "true")


def test_the_master_account_hands_a_leaving_salespersons_customers_to_a_colleague(
    page: Page, leaving: Leaving
) -> None:
    sign_in(page, "a.admin")
    page.get_by_test_id("home-reassign").click()
    dialog = page.get_by_role("dialog", name="批量转移客户")
    expect(dialog.get_by_label(re.compile("勾选的 0 位客户"))).to_be_disabled()
    dialog.get_by_label("某人名下的全部客户").check()
    choose(dialog, "转出人员", leaving.display_name)
    expect(dialog).to_contain_text("名下有 2 位待审批或保护中的客户")
    choose(dialog, "接收的业务员", COLLEAGUE)
    expect(dialog.get_by_test_id("reassign-summary")).to_contain_text(f"2 位客户转给：{COLLEAGUE}")
    dialog.get_by_test_id("reassign-ok").click()
    expect(page.get_by_text("已转移 2 位客户")).to_be_visible()
    expect(dialog).to_be_hidden()

    # The salesperson filter shows them with the colleague now; one goes on, ticked, to 李明.
    page.get_by_test_id("filter-salesperson").click()
    pick_option(page, COLLEAGUE)
    first, second = (customer_row(page, name) for name in leaving.customers)
    expect(first).to_be_visible()
    expect(second).to_be_visible()
    first.get_by_role("checkbox").check()
    expect(page.get_by_test_id("home-reassign")).to_contain_text("(1)")
    page.get_by_test_id("home-reassign").click()
    expect(dialog.get_by_label("勾选的 1 位客户")).to_be_checked()
    choose(dialog, "接收的业务员", "李明")
    dialog.get_by_test_id("reassign-ok").click()
    expect(page.get_by_text("已转移 1 位客户")).to_be_visible()
    expect(first).to_have_count(0)  # no longer the colleague's
    expect(second).to_be_visible()


def test_the_fae_browses_the_pool_read_only(page: Page) -> None:
    sign_in(page, "a.fae")
    open_menu(page, "资源池")
    expect(page).to_have_url(re.compile(r"/pool$"))
    expect(page.get_by_test_id("pool-readonly")).to_contain_text("申请由业务员或公司主账户提交")
    expect(page.get_by_test_id("pool-table")).to_contain_text(POOL_OPEN)
    expect(page.get_by_test_id("pool-apply")).to_have_count(0)


def test_a_pool_application_in_cooldown_is_disabled_with_the_date(page: Page) -> None:
    sign_in(page, "a.sales")
    open_menu(page, "资源池")
    table = page.get_by_test_id("pool-table")
    cooling = table.locator("tr").filter(has_text=POOL_COOLING)
    expect(cooling.get_by_test_id("pool-apply")).to_be_disabled()
    refused = cooling.get_by_test_id("pool-apply-refused")
    expect(refused).to_contain_text(re.compile(r"\d{4}-\d{2}-\d{2} 后可申请"))
    refused.hover()
    expect(page.get_by_role("tooltip")).to_contain_text("贵司释放的客户")
    expect(
        table.locator("tr").filter(has_text=POOL_OPEN).get_by_test_id("pool-apply")
    ).to_be_enabled()


def test_a_second_extension_is_disabled_in_the_row_menu_saying_one_waits(
    page: Page, base_url: str, decided: str
) -> None:
    sales = api_headers(base_url, "a.sales")
    [customer] = httpx.get(
        f"{base_url}/api/v1/customers", params={"search": decided}, headers=sales
    ).json()["items"]
    asked = httpx.post(
        f"{base_url}/api/v1/customers/{customer['id']}/extensions",
        json={"reason": "项目即将进入研发阶段"},
        headers=sales,
    )
    assert asked.status_code == 201, asked.text
    sign_in(page, "a.sales")
    customer_row(page, decided).get_by_test_id("row-menu").click()
    extension = page.get_by_test_id("row-menu-extension")
    expect(extension).to_have_attribute("aria-disabled", "true")
    expect(page.get_by_test_id("row-menu-extension-hint")).to_have_text(
        "已有延期申请在等待原厂审批"
    )
