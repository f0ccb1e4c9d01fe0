"""First sign-in (SPEC §4): no shared initial password. A master account creates a person, the
one-time password is shown once, and the new user must choose an own password before anything
else; afterwards the menu shows only what the role may use."""

import re
import uuid

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.steps import DEMO_PASSWORD, sign_out, submit_login

pytestmark = pytest.mark.e2e


NEW_PASSWORD = "a long and memorable sentence 2026"


def main_menu(page: Page) -> Locator:
    return page.get_by_role("navigation", name="主菜单")


def create_sales_user(page: Page, username: str, display_name: str) -> dict[str, str]:
    """As a signed-in agent master account: create a salesperson; return its credentials."""
    main_menu(page).get_by_role("menuitem", name="人员管理").click()
    expect(page).to_have_url(re.compile(r"/people$"))
    page.get_by_test_id("create-user").click()
    dialog = page.get_by_role("dialog", name="新建用户")
    dialog.get_by_label("登录名").fill(username)
    dialog.get_by_label("姓名").fill(display_name)
    dialog.get_by_label("邮箱").fill(f"{username}@example.com")
    expect(dialog.get_by_title("业务员")).to_be_visible()  # the default account type
    dialog.get_by_role("button", name="新建用户").click()

    credentials = page.get_by_role("dialog", name="账户已创建")
    expect(credentials.get_by_text("只显示这一次")).to_be_visible()
    expect(credentials.get_by_test_id("credentials-username")).to_have_text(username)
    password = credentials.get_by_test_id("temporary-password").inner_text().strip()
    link = credentials.get_by_test_id("set-password-url").inner_text().strip()
    assert len(password) >= 12
    assert "/set-password?token=" in link
    credentials.get_by_role("button", name="我已保存，关闭").click()
    expect(credentials).to_be_hidden()
    row = page.get_by_test_id("people-table").get_by_role("row").filter(has_text=f"{username}@")
    expect(row).to_contain_text("业务员")
    expect(row).to_contain_text("待首次登录")
    return {"password": password, "link": link}


def expect_sales_home(page: Page, display_name: str) -> None:
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_test_id("welcome")).to_contain_text(display_name)
    menu = main_menu(page)
    expect(menu.get_by_role("menuitem", name="主页")).to_be_visible()
    for hidden in ("人员管理", "代理商", "审计日志"):
        expect(menu.get_by_role("menuitem", name=hidden)).to_have_count(0)


def test_agent_admin_creates_sales_user_who_must_change_one_time_password(page: Page) -> None:
    username = f"e2e.sales.{uuid.uuid4().hex[:6]}"
    display_name = "测试业务员"
    submit_login(page, "a.admin", DEMO_PASSWORD)
    expect(page.get_by_test_id("welcome")).to_contain_text("华南主账户")
    issued = create_sales_user(page, username, display_name)
    sign_out(page)

    submit_login(page, username, issued["password"])
    expect(page).to_have_url(re.compile(r"/change-password$"))
    # Nowhere else until the password is changed.
    page.goto("/people")
    expect(page).to_have_url(re.compile(r"/change-password$"))
    page.get_by_label("一次性密码").fill(issued["password"])
    page.get_by_label("新密码", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("确认新密码").fill(NEW_PASSWORD)
    page.get_by_role("button", name="设置密码并继续").click()

    expect_sales_home(page, display_name)
    expect(page.get_by_test_id("welcome-role")).to_have_text("业务员")

    # The one-time password is gone; the chosen one works.
    sign_out(page)
    submit_login(page, username, issued["password"])
    expect(page.get_by_test_id("login-error")).to_be_visible()
    submit_login(page, username, NEW_PASSWORD)
    expect_sales_home(page, display_name)


def test_wrong_password_shows_clear_message(page: Page) -> None:
    submit_login(page, "a.admin", "not-the-password-123")
    error = page.get_by_test_id("login-error")
    expect(error).to_contain_text("用户名或密码错误")
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_label("密码")).to_have_value("")


def test_set_password_link_signs_the_new_user_in(page: Page) -> None:
    username = f"e2e.link.{uuid.uuid4().hex[:6]}"
    submit_login(page, "a.admin", DEMO_PASSWORD)
    expect(page.get_by_test_id("welcome")).to_be_visible()
    issued = create_sales_user(page, username, "链接用户")
    sign_out(page)

    page.goto(issued["link"])
    expect(page.get_by_test_id("set-password-account")).to_contain_text(username)
    page.get_by_label("新密码", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("确认新密码").fill(NEW_PASSWORD + "x")
    page.get_by_role("button", name="设置密码并登录").click()
    expect(page.get_by_text("两次输入的密码不一致")).to_be_visible()
    page.get_by_label("确认新密码").fill(NEW_PASSWORD)
    page.get_by_role("button", name="设置密码并登录").click()
    expect_sales_home(page, "链接用户")

    # A used link is refused with a way back to sign-in.
    sign_out(page)
    page.goto(issued["link"])
    expect(page.get_by_text("链接无效", exact=True)).to_be_visible()
    expect(page.get_by_text("已使用或已过期", exact=False)).to_be_visible()  # the server's detail
    expect(page.get_by_role("link", name="返回登录")).to_be_visible()


def test_narrow_screen_shows_the_menu_in_a_drawer(page: Page) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    submit_login(page, "vendor", DEMO_PASSWORD)
    expect(page).to_have_url(re.compile(r"/desk$"))  # the vendor starts on the desk
    page.get_by_test_id("nav-open").click()
    main_menu(page).get_by_role("menuitem", name="审计日志").click()
    expect(page).to_have_url(re.compile(r"/audit$"))
    expect(page.get_by_role("heading", name="审计日志")).to_be_visible()
