"""Email: the profile's email preferences and the vendor's outbox."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.steps import open_menu, pick_option, sign_in


def test_salesperson_chooses_email_language_and_opts_out_of_a_reminder(page: Page) -> None:
    sign_in(page, "a.sales")
    page.get_by_test_id("user-menu").click()
    page.get_by_role("menuitem", name="我的资料").click()
    prefs = page.get_by_test_id("email-prefs")
    expect(prefs.get_by_role("checkbox", name="客户保护期即将到期")).to_be_checked()
    prefs.get_by_role("checkbox", name="客户保护期即将到期").uncheck()
    prefs.get_by_text("English", exact=True).click()
    page.get_by_test_id("email-prefs-submit").click()
    expect(page.get_by_text("邮件设置已保存。")).to_be_visible()
    page.reload()
    prefs = page.get_by_test_id("email-prefs")
    expect(prefs.get_by_role("checkbox", name="客户保护期即将到期")).not_to_be_checked()
    expect(prefs.get_by_role("checkbox", name="客户跟进报告逾期")).to_be_checked()
    expect(prefs.get_by_role("radio", name="English")).to_be_checked()


def test_vendor_sees_the_queued_reminders_in_the_outbox(page: Page) -> None:
    # The server's scheduled jobs queued the demo data's reminders at start (no SMTP: pending).
    sign_in(page, "vendor")
    open_menu(page, "邮件发送")
    expect(page.get_by_role("heading", name="邮件发送")).to_be_visible()
    page.get_by_test_id("outbox-status").click()
    pick_option(page, "待发送")
    rows = page.locator(".ant-table-tbody tr.ant-table-row")
    expect(rows.first).to_contain_text("待发送")
    expect(page.locator(".ant-table-tbody")).to_contain_text(
        re.compile("保护期即将到期|跟进报告逾期")
    )
    page.get_by_test_id("outbox-status").click()
    pick_option(page, "发送失败")
    expect(page.get_by_text("没有符合条件的记录")).to_be_visible()
