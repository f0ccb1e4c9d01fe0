"""公告 (SPEC §4): the vendor publishes announcements in the SPA; after signing in, a salesperson
must acknowledge each unread one (我已阅读), most important first, in a dialog that cannot be
dismissed otherwise; the vendor then sees the salesperson among the readers."""

import re
import uuid
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.steps import DEMO_PASSWORD, open_menu, sign_in, sign_out

pytestmark = pytest.mark.e2e

RUN = uuid.uuid4().hex[:6]
CRITICAL = f"停产通知 {RUN}"  # published first, but the most important
NORMAL = f"月度例会 {RUN}"  # published later: newer, less important
CANCEL = re.compile(r"^取\s*消$")  # AntD spaces a two-character label


@pytest.fixture
def withdrawn_afterwards(base_url: str) -> Iterator[None]:
    """These announcements address every person of agent A: whatever happens in the test, take
    them down afterwards so no later browser test meets the pop-up."""
    yield
    login = httpx.post(
        f"{base_url}/api/v1/auth/login", json={"username": "vendor", "password": DEMO_PASSWORD}
    )
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    items = httpx.get(
        f"{base_url}/api/v1/announcements", params={"limit": 200}, headers=headers
    ).json()["items"]
    for item in items:
        if RUN in item["title"] and item["state"] != "withdrawn":
            httpx.post(
                f"{base_url}/api/v1/announcements/{item['id']}/withdraw",
                json={"reason": "e2e"},
                headers=headers,
            )


def publish(page: Page, title: str, importance: str, body: str) -> None:
    page.get_by_test_id("announcement-create").click()
    dialog = page.get_by_role("dialog", name="发布公告")
    dialog.get_by_label("标题").fill(title)
    dialog.get_by_label("正文").fill(body)
    dialog.get_by_text(importance, exact=True).click()
    dialog.get_by_label("发送对象").click()
    choose(page, "指定代理商")
    dialog.get_by_label("代理商", exact=True).click()
    choose(page, "华南代理")
    dialog.get_by_role("tab", name="预览").click()
    expect(dialog.locator("strong").filter(has_text="请务必")).to_be_visible()  # Markdown
    dialog.get_by_test_id("announcement-save").click()
    expect(dialog).to_be_hidden()
    expect(row(page, title)).to_contain_text("发布中")


def choose(page: Page, option: str) -> None:
    """Pick an option of the open select's dropdown."""
    page.locator(f".ant-select-item-option[title='{option}']").click()


def row(page: Page, title: str) -> Locator:
    return page.get_by_test_id("announcement-row").filter(has_text=title)


def popup(page: Page) -> Locator:
    return page.get_by_role("dialog").filter(has=page.get_by_test_id("announcement-popup"))


def test_sales_acknowledges_new_announcements_most_important_first_and_vendor_sees_it(
    page: Page, withdrawn_afterwards: None
) -> None:
    sign_in(page, "vendor")
    open_menu(page, "公告")
    expect(page).to_have_url(re.compile(r"/announcements$"))
    publish(page, CRITICAL, "非常重要", "**请务必**于月底前完成库存盘点。<script>alert(1)</script>")
    publish(page, NORMAL, "普通", "**请务必**参加周五的月度例会。")
    sign_out(page)

    sign_in(page, "a.sales")
    dialog = popup(page)
    expect(dialog).to_be_visible()
    expect(dialog.get_by_test_id("announcement-popup-title")).to_have_text(CRITICAL)
    expect(dialog.get_by_test_id("announcement-popup-counter")).to_contain_text("第 1 / 2 条")
    expect(dialog.get_by_test_id("announcement-popup-body").locator("strong")).to_have_text(
        "请务必"
    )
    expect(dialog.locator("script")).to_have_count(0)  # raw HTML is not rendered
    # Only "我已阅读" closes it: no close button, Esc and the mask do nothing.
    expect(dialog.get_by_role("button", name=re.compile("close|关闭", re.I))).to_have_count(0)
    page.keyboard.press("Escape")
    page.mouse.click(5, 400)
    expect(dialog.get_by_test_id("announcement-popup-title")).to_have_text(CRITICAL)
    dialog.get_by_role("button", name="我已阅读").click()

    expect(dialog.get_by_test_id("announcement-popup-title")).to_have_text(NORMAL)
    expect(dialog.get_by_test_id("announcement-popup-counter")).to_contain_text("第 2 / 2 条")
    dialog.get_by_role("button", name="我已阅读").click()
    expect(page.get_by_test_id("announcement-popup")).to_have_count(0)

    open_menu(page, "公告")
    for title in (CRITICAL, NORMAL):
        expect(row(page, title)).to_have_attribute("data-read", "true")
        expect(row(page, title)).to_contain_text("已读")
    row(page, CRITICAL).get_by_test_id("announcement-title").click()
    detail = page.get_by_test_id("announcement-detail")
    expect(detail.locator("strong")).to_have_text("请务必")
    page.get_by_role("button", name="关闭").click()
    sign_out(page)

    # Reloading does not bring them back.
    sign_in(page, "a.sales")
    page.reload()
    expect(page.get_by_test_id("welcome")).to_be_visible()
    expect(page.get_by_test_id("announcement-popup")).to_have_count(0)
    sign_out(page)

    sign_in(page, "vendor")
    open_menu(page, "公告")
    for title in (CRITICAL, NORMAL):
        row(page, title).get_by_role("button", name=f"阅读回执 {title}").click()
        drawer = page.get_by_role("dialog", name=f"阅读回执：{title}")
        reader = drawer.get_by_test_id("receipt-row").filter(has_text="(a.sales)")
        expect(reader).to_contain_text("李明")
        expect(reader).to_contain_text("已读")
        expect(drawer.get_by_test_id("receipt-row").filter(has_text="(a.fae)")).to_contain_text(
            "未读"
        )
        expect(drawer.get_by_test_id("receipt-row").filter(has_text="(b.sales)")).to_have_count(0)
        expect(drawer.get_by_test_id("receipts-summary")).to_contain_text("已读 1 人")
        with page.expect_download() as download:
            drawer.get_by_test_id("receipts-csv").click()
        assert download.value.suggested_filename.endswith("-receipts.csv")
        page.keyboard.press("Escape")
        expect(drawer).to_be_hidden()

    # Withdrawing asks first; then the announcement stops showing.
    row(page, NORMAL).get_by_role("button", name=f"撤回 {NORMAL}").click()
    confirm = page.get_by_role("dialog", name=f"撤回公告“{NORMAL}”？")
    expect(confirm).to_contain_text("不能再修改")
    confirm.get_by_test_id("announcement-withdraw-ok").click()
    expect(row(page, NORMAL)).to_contain_text("已撤回")


def expect_empty_create_dialog(page: Page) -> Locator:
    page.get_by_test_id("announcement-create").click()
    dialog = page.get_by_role("dialog", name="发布公告")
    expect(dialog.get_by_label("标题")).to_have_value("")
    expect(dialog.get_by_label("正文")).to_have_value("")
    expect(dialog.get_by_role("radio", name="普通")).to_be_checked()
    expect(dialog.locator(".ant-select").filter(has_text="所有人")).to_have_count(1)
    expect(dialog.get_by_label("代理商", exact=True)).to_have_count(0)
    return dialog


def fill_targeted(page: Page, dialog: Locator, title: str) -> None:
    dialog.get_by_label("标题").fill(title)
    dialog.get_by_label("正文").fill("只发给华南代理。")
    dialog.get_by_text("非常重要", exact=True).click()
    dialog.get_by_label("发送对象").click()
    choose(page, "指定代理商")
    dialog.get_by_label("代理商", exact=True).click()
    choose(page, "华南代理")


def test_the_create_dialog_opens_empty_after_cancel_after_save_and_after_an_edit(
    page: Page, withdrawn_afterwards: None
) -> None:
    title = f"华南专项 {RUN}"
    sign_in(page, "vendor")
    open_menu(page, "公告")

    dialog = expect_empty_create_dialog(page)
    fill_targeted(page, dialog, title)
    dialog.get_by_role("button", name=CANCEL).click()
    expect(dialog).to_be_hidden()

    dialog = expect_empty_create_dialog(page)
    fill_targeted(page, dialog, title)
    dialog.get_by_test_id("announcement-save").click()
    expect(dialog).to_be_hidden()
    expect(row(page, title)).to_contain_text("发布中")

    dialog = expect_empty_create_dialog(page)
    dialog.get_by_role("button", name=CANCEL).click()
    expect(dialog).to_be_hidden()

    row(page, title).get_by_role("button", name=f"编辑 {title}").click()
    edit = page.get_by_role("dialog", name="修改公告")
    expect(edit.get_by_label("标题")).to_have_value(title)
    edit.get_by_role("button", name=CANCEL).click()
    expect(edit).to_be_hidden()
    expect_empty_create_dialog(page)
