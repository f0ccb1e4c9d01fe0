"""The resilient SPA (SPEC §4): a session that ends mid-form, a new build on the server, a lost
network and a reload lose none of the user's input."""

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.steps import DEMO_PASSWORD, customer_row, open_menu, sign_in, sign_out

pytestmark = pytest.mark.e2e


@contextmanager
def api_login(base_url: str, username: str) -> Iterator[httpx.Client]:
    """A separate API session (its own refresh cookie) acting as `username`."""
    with httpx.Client(base_url=f"{base_url}/api/v1", timeout=10) as client:
        answer = client.post("/auth/login", json={"username": username, "password": DEMO_PASSWORD})
        answer.raise_for_status()
        client.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
        yield client


def user_id(admin: httpx.Client, username: str) -> int:
    people = admin.get("/users", params={"search": username, "limit": 50}).json()["items"]
    return next(p["id"] for p in people if p["username"] == username)


def fill_registration(page: Page, name: str) -> None:
    page.get_by_label("客户官方全称").fill(name)
    # The live check's answer moves the fields below it: wait for it before clicking them.
    expect(page.get_by_test_id("name-check")).to_be_visible()
    expect(page.get_by_test_id("name-checking")).to_have_count(0)
    page.get_by_label("区域", exact=True).click()
    page.get_by_role("menuitemcheckbox", name="广东省").click()
    page.get_by_role("menuitemcheckbox", name="深圳市").click()
    page.get_by_label("产品领域", exact=True).click()
    page.get_by_role("option", name="消费电子").click()
    page.get_by_label("总出货量（MCU 年用量）").fill("66")
    page.get_by_label("在用 MCU").fill("STM32G030")
    page.get_by_label("在用 MCU").press("Enter")
    expect(page.get_by_test_id("register-form")).to_contain_text("广东省 / 深圳市")


def test_session_ending_mid_form_asks_to_sign_in_again_and_the_submit_completes(
    page: Page, base_url: str
) -> None:
    name = "深圳市续航测控技术有限公司"
    sign_in(page, "a.sales2")
    open_menu(page, "报备新客户")
    fill_registration(page, name)

    # The agent admin deactivates and reactivates the account: its access token and refresh
    # token are both revoked on the server, as when a session expires for good.
    with api_login(base_url, "a.admin") as admin:
        person = user_id(admin, "a.sales2")
        admin.post(f"/users/{person}/deactivate").raise_for_status()
        admin.post(f"/users/{person}/reactivate").raise_for_status()

    page.get_by_test_id("register-submit").click()
    dialog = page.get_by_role("dialog", name="登录已过期，请重新登录")
    expect(dialog).to_be_visible()
    expect(page).to_have_url(re.compile(r"/register$"))  # not sent to the login page
    expect(dialog.get_by_label("账号")).to_have_value("a.sales2")
    dialog.get_by_test_id("relogin-password").fill(DEMO_PASSWORD)
    dialog.get_by_test_id("relogin-submit").click()

    expect(dialog).to_be_hidden()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(customer_row(page, name)).to_contain_text("待审批")
    with api_login(base_url, "a.sales2") as sales:
        customers = sales.get("/customers", params={"search": name}).json()["items"]
    assert [c["name"] for c in customers] == [name]
    assert customers[0]["annual_mcu_usage_wan"] == 66  # the whole form arrived, not just the name
    assert customers[0]["city"] == "深圳市"
    open_menu(page, "报备新客户")  # submitted: the draft is gone
    expect(page.get_by_label("客户官方全称")).to_have_value("")
    expect(page.get_by_test_id("draft-restored")).to_have_count(0)


def test_a_new_build_on_the_server_shows_a_reload_notice(
    page: Page, base_url: str, served_dist: Path
) -> None:
    sign_in(page, "a.sales")
    own_build = page.locator('meta[name="channeldesk-build"]').get_attribute("content")
    served = httpx.get(f"{base_url}/api/v1/version").json()
    assert own_build and served["build"] == own_build  # the server reports the build it serves
    expect(page.get_by_test_id("version-notice")).to_have_count(0)

    version_file = served_dist / "version.json"
    original = version_file.read_text()
    try:
        version_file.write_text(json.dumps({"build": f"{own_build}-next"}))  # a deploy
        page.evaluate("window.dispatchEvent(new Event('focus'))")
        notice = page.get_by_test_id("version-notice")
        expect(notice).to_contain_text("新版本已发布")
    finally:
        version_file.write_text(original)
    # The reload loads the build the server serves now: no notice any more.
    page.get_by_test_id("version-reload").click()
    expect(page.get_by_test_id("customers-table")).to_be_visible()
    expect(page.get_by_test_id("version-notice")).to_have_count(0)


def test_offline_banner_shows_and_data_reloads_when_back_online(page: Page, base_url: str) -> None:
    name = "深圳市离线期间科技有限公司"
    sign_in(page, "a.sales")
    expect(page.get_by_test_id("customers-table")).to_be_visible()
    banner = page.get_by_test_id("offline-banner")
    expect(banner).to_have_count(0)

    page.context.set_offline(True)
    expect(banner).to_contain_text("网络已断开")
    # Meanwhile a colleague's device (still online) registers a customer for a.sales.
    with api_login(base_url, "a.sales") as sales:
        domain = sales.get("/product-domains").json()[0]["id"]
        sales.post(
            "/registrations",
            json={
                "name": name,
                "province": "广东省",
                "city": "深圳市",
                "product_domain_id": domain,
                "annual_mcu_usage_wan": 12,
            },
        ).raise_for_status()
    page.context.set_offline(False)

    expect(banner).to_have_count(0)
    expect(customer_row(page, name)).to_contain_text("待审批")  # reloaded without a page reload


def test_a_draft_survives_a_page_reload(page: Page) -> None:
    sign_in(page, "b.sales")
    open_menu(page, "报备新客户")
    page.get_by_label("客户官方全称").fill("杭州市草稿保留电子有限公司")
    page.get_by_label("备注", exact=True).fill("展会上认识的采购")

    page.reload()
    expect(page.get_by_test_id("draft-restored")).to_contain_text("已恢复上次未提交的草稿")
    expect(page.get_by_label("客户官方全称")).to_have_value("杭州市草稿保留电子有限公司")
    expect(page.get_by_label("备注", exact=True)).to_have_value("展会上认识的采购")

    page.get_by_test_id("draft-discard").click()
    expect(page.get_by_label("客户官方全称")).to_have_value("")
    page.reload()
    expect(page.get_by_label("客户官方全称")).to_be_visible()
    expect(page.get_by_test_id("draft-restored")).to_have_count(0)


def test_cancelling_the_sign_in_keeps_the_draft_for_after_the_login(
    page: Page, base_url: str
) -> None:
    name = "深圳市取消登录仍保留科技有限公司"
    sign_in(page, "a.sales2")
    open_menu(page, "报备新客户")
    fill_registration(page, name)
    with api_login(base_url, "a.admin") as admin:
        person = user_id(admin, "a.sales2")
        admin.post(f"/users/{person}/deactivate").raise_for_status()
        admin.post(f"/users/{person}/reactivate").raise_for_status()

    page.get_by_test_id("register-submit").click()
    dialog = page.get_by_role("dialog", name="登录已过期，请重新登录")
    dialog.get_by_role("button", name="取 消").click()

    expect(page).to_have_url(re.compile(r"/login$"))
    page.get_by_label("账号").fill("a.sales2")
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_label("密码").press("Enter")
    expect(page).to_have_url(re.compile(r"/register$"))  # back where the user was
    expect(page.get_by_test_id("draft-restored")).to_be_visible()
    expect(page.get_by_label("客户官方全称")).to_have_value(name)
    expect(page.get_by_label("总出货量（MCU 年用量）")).to_have_value(
        "66"
    )  # as typed: no precision padding


def test_signing_out_throws_the_user_s_drafts_away(page: Page) -> None:
    sign_in(page, "b.sales")
    open_menu(page, "报备新客户")
    page.get_by_label("客户官方全称").fill("杭州市退出即清除电子有限公司")
    sign_out(page)
    sign_in(page, "b.sales")
    open_menu(page, "报备新客户")
    expect(page.get_by_label("客户官方全称")).to_have_value("")
    expect(page.get_by_test_id("draft-restored")).to_have_count(0)
