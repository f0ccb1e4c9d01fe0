"""Steps every browser test takes: signing in and out, the menu, the home customer table, a
list's export, and arranging data over the API."""

import re

import httpx
from playwright.sync_api import Download, Locator, Page, expect

DEMO_PASSWORD = "demo-Password-1"  # the demo logins (SPEC §12)


def submit_login(page: Page, username: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("账号").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_label("密码").press("Enter")


def sign_in(page: Page, username: str) -> None:
    """Sign in as a demo user and land on their start page (the vendor's desk, else home)."""
    submit_login(page, username, DEMO_PASSWORD)
    expect(page).to_have_url(re.compile(r"/desk$" if username == "vendor" else r"/$"))


def sign_out(page: Page) -> None:
    page.get_by_test_id("user-menu").click()
    page.get_by_role("menuitem", name="退出登录").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def open_menu(page: Page, item: str) -> None:
    page.get_by_role("navigation", name="主菜单").get_by_role("menuitem", name=item).click()


def customer_row(page: Page, name: str) -> Locator:
    return (
        page.get_by_test_id("customers-table").get_by_test_id("customer-row").filter(has_text=name)
    )


def pick_option(page: Page, text: str | re.Pattern[str]) -> None:
    """Click an option of the open drop-down list (antd also renders hidden ones for readers)."""
    name = re.compile(f"^{re.escape(text)}$") if isinstance(text, str) else text
    # :visible: a closed drop-down of another field on the page keeps its options in the DOM
    page.locator(".ant-select-item-option:visible").filter(has_text=name).click()


def export_list(page: Page, menu: str, kind: str) -> Download:
    """Open a list's 导出 menu (test id `menu`) and download its Excel or CSV ('xlsx', 'csv')."""
    page.get_by_test_id(menu).click()
    with page.expect_download() as download:
        page.get_by_test_id(f"{menu}-{kind}").click()
    return download.value


def api_headers(base_url: str, username: str) -> dict[str, str]:
    """A demo user's bearer header, to arrange data over the API before the browser looks."""
    login = httpx.post(
        f"{base_url}/api/v1/auth/login", json={"username": username, "password": DEMO_PASSWORD}
    )
    return {"Authorization": f"Bearer {login.json()['access_token']}"}


def no_horizontal_scroll(page: Page, width: int = 375) -> None:
    """The page is no wider than the phone: nothing to scroll sideways."""
    page.wait_for_function(
        "document.scrollingElement.scrollWidth <= window.innerWidth + 1", timeout=5_000
    )
    scrolled = page.evaluate("document.scrollingElement.scrollWidth")
    assert scrolled <= width + 1, f"page is {scrolled}px wide"
