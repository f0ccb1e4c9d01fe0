"""On a phone (issue 12 §5, 375 px): the home list shows name, status and days left with nothing
to scroll sideways, its hint says 长按 and a long press opens the row menu; the follow-up and
the order desk screens fit and keep their main buttons within a thumb's reach."""

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.conftest import TIMEOUT_MS
from tests.e2e.steps import customer_row, no_horizontal_scroll, sign_in
from tests.e2e.test_followup import CUSTOMER, open_followup

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 812}
RED = "东莞市锐进电器有限公司"  # demo: a.sales is the contact; protection ends soon (red)


@pytest.fixture
def phone(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[Page]:
    """A touch screen 375 px wide, as a phone's browser reports itself."""
    context = browser.new_context(
        **{**browser_context_args, "viewport": PHONE, "has_touch": True, "is_mobile": True}
    )
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def long_press(page: Page, target: Locator) -> None:
    """A finger held still on `target` for most of a second (touch events, as a phone sends)."""
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    assert box is not None
    point = {"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}
    touch = page.context.new_cdp_session(page)
    touch.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
    page.wait_for_timeout(800)
    touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_the_home_list_fits_a_phone_and_a_long_press_opens_the_row_menu(phone: Page) -> None:
    sign_in(phone, "a.sales")
    row = customer_row(phone, RED)
    expect(row.get_by_test_id("customer-name")).to_have_text(RED)
    expect(row.locator("[data-status]")).to_have_text("保护中")
    expect(row).to_contain_text(re.compile(r"\d+ 天"))
    table = phone.get_by_test_id("customers-table")
    for hidden in ("区域", "产品领域", "联系人（业务员）", "保护期至"):
        expect(table.get_by_role("columnheader", name=hidden)).to_have_count(0)
    no_horizontal_scroll(phone)
    fits = "el => el.querySelector('table').scrollWidth <= el.clientWidth + 1"
    assert table.evaluate(fits), "the table scrolls sideways"

    hint = phone.get_by_test_id("menu-hint")
    expect(hint).to_contain_text("长按")
    expect(hint).not_to_contain_text("右击")

    long_press(phone, row.locator("[data-status]"))
    followup = phone.get_by_test_id("row-menu-followup")
    expect(followup).to_be_visible()
    expect(phone).not_to_have_url(re.compile(r"customer="))  # the press opened no details
    followup.tap()
    expect(phone).to_have_url(re.compile(r"/customers/\d+/followup"))
    expect(phone.get_by_test_id("followup-title")).to_contain_text(RED)
    no_horizontal_scroll(phone)


def test_followup_screen_fits_a_phone(page: Page) -> None:
    page.set_viewport_size(PHONE)
    sign_in(page, "a.sales")
    expect(customer_row(page, CUSTOMER)).to_be_visible()
    no_horizontal_scroll(page)

    open_followup(page, CUSTOMER)
    expect(page.get_by_test_id("report-item").first).to_be_visible()
    no_horizontal_scroll(page)

    page.get_by_test_id("report-new").click()
    editor = page.get_by_test_id("report-editor")
    news = editor.get_by_label("客户动态")
    news.fill("手机上写的客户动态")
    expect(news).to_be_in_viewport()
    add = page.get_by_test_id("entry-add")
    add.scroll_into_view_if_needed()
    expect(add).to_be_in_viewport()
    submit = page.get_by_test_id("report-submit")
    submit.scroll_into_view_if_needed()
    expect(submit).to_be_in_viewport()
    expect(submit).to_be_enabled()
    no_horizontal_scroll(page)
    # the draft survives a reload (the "unsaved changes" prompt is accepted)
    page.on("dialog", lambda dialog: dialog.accept())
    page.reload()
    expect(page.get_by_test_id("report-editor").get_by_label("客户动态")).to_have_value(
        "手机上写的客户动态"
    )
    no_horizontal_scroll(page)


def test_the_order_desk_fits_a_phone_with_the_save_button_in_reach(phone: Page) -> None:
    sign_in(phone, "a.assistant")
    phone.get_by_test_id("nav-open").tap()
    phone.get_by_role("navigation", name="主菜单").get_by_role("menuitem", name="订单台").tap()
    expect(phone).to_have_url(re.compile(r"/orders$"))
    no_horizontal_scroll(phone)

    phone.get_by_test_id("desk-customer").tap()
    phone.keyboard.type("锐进")
    # the closing menu drawer took no focus back from the field the thumb opened
    expect(phone.locator("#desk_customer")).to_be_focused()
    # the narrowed list offers the customer: Enter (the keyboard's 前往) takes it
    expect(phone.locator(".ant-select-item-option-active:visible")).to_contain_text(RED)
    phone.keyboard.press("Enter")
    form = phone.get_by_test_id("order-form")
    number = form.get_by_label("订单号")
    expect(number).to_be_visible()
    number.fill("PHONE-0001")
    expect(number).to_be_in_viewport()
    save = form.get_by_test_id("order-submit")
    save.scroll_into_view_if_needed()
    expect(save).to_be_in_viewport()
    expect(save).to_be_enabled()
    no_horizontal_scroll(phone)

    for tab in ("订单查询", "批次追溯"):
        phone.get_by_role("tab", name=tab).tap()
        expect(phone.get_by_role("tab", name=tab)).to_have_attribute("aria-selected", "true")
        no_horizontal_scroll(phone)
