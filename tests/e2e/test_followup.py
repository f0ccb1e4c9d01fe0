"""Follow-up reports (SPEC §7): sales writes a report (one imported project, one new), the vendor
comments on it, and the contact's name shows green on the home page until the comment is read.
The follow-up screen on a phone is in test_phone.py."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.steps import customer_row, open_menu, sign_in, sign_out

pytestmark = pytest.mark.e2e

CUSTOMER = "深圳市宏图智能科技有限公司"  # demo: a.sales is the contact, a.fae assigned
EXISTING_PROJECT = "智能遥控器"  # demo project of that customer
NEW_PROJECT = "智能门锁主控"
NEWS = "客户新工厂下月投产，采购负责人换为王经理。"
COMMENT = "门锁项目请尽快安排 FAE 上门支持。"


def open_followup(page: Page, name: str) -> None:
    customer_row(page, name).get_by_test_id("row-menu").click()
    page.get_by_test_id("row-menu-followup").click()
    expect(page).to_have_url(re.compile(r"/customers/\d+/followup"))
    expect(page.get_by_test_id("followup-title")).to_contain_text(name)


def read_all_reports(page: Page) -> None:
    """Open every report with unread comments (opening one marks its comments read)."""
    # The list must be there before it is counted: an empty count of a list still loading
    # would leave the unread ones unread.
    expect(page.get_by_test_id("report-item").first).to_be_visible()
    unread = page.get_by_test_id("report-item").and_(page.locator("[data-unread='true']"))
    for _ in range(10):
        if unread.count() == 0:
            return
        item = unread.first
        report_id = item.get_attribute("data-report-id")
        item.click()
        expect(page.get_by_test_id("report-view")).to_have_attribute(
            "data-report-id", report_id or ""
        )
        expect(
            page.locator(f"[data-testid='report-item'][data-report-id='{report_id}']")
        ).to_have_attribute("data-unread", "false")


def test_sales_writes_report_vendor_comments_sales_reads_green_name(page: Page) -> None:
    sign_in(page, "a.sales")
    open_followup(page, CUSTOMER)
    read_all_reports(page)  # the demo's own unread comment: start from a clean state

    page.get_by_test_id("report-new").click()
    editor = page.get_by_test_id("report-editor")
    editor.get_by_label("客户动态").fill(NEWS)

    # one click imports the existing project with its current values
    page.get_by_role("button", name=f"导入项目 {EXISTING_PROJECT}").click()
    form = page.get_by_test_id("entry-form")
    expect(form.get_by_test_id("entry-project-name")).to_have_text(EXISTING_PROJECT)
    expect(form.get_by_label("年预期（颗/年）")).not_to_have_value("")
    form.get_by_label("进展").fill("样机通过客户验证，准备小批。")
    form.get_by_test_id("entry-add").click()
    table = page.get_by_test_id("entries-table")
    expect(table.get_by_test_id("entry-row")).to_have_count(1)

    # a new project
    form.get_by_label("新项目名称").fill(NEW_PROJECT)
    form.get_by_label("客户产品").fill("智能门锁")
    expect(form).to_contain_text("需求")  # a new project starts at 需求 (lead)
    form.get_by_label("年预期（颗/年）").fill("50000")
    form.get_by_label("产品领域", exact=True).click()
    page.get_by_role("option", name="消费电子").click()
    form.get_by_label("节点事项").fill("12 月送样")
    form.get_by_test_id("entry-add").click()
    expect(table.get_by_test_id("entry-row")).to_have_count(2)
    expect(table).to_contain_text(NEW_PROJECT)

    page.get_by_test_id("report-submit").click()
    view = page.get_by_test_id("report-view")
    expect(view.get_by_test_id("report-news-text")).to_have_text(NEWS)
    expect(view.get_by_test_id("report-entry")).to_have_count(2)
    expect(page.get_by_test_id("project-list")).to_contain_text(NEW_PROJECT)
    page.get_by_role("button", name="返回主页").click()
    expect(customer_row(page, CUSTOMER).get_by_test_id("contact-name")).to_have_attribute(
        "data-unread", "false"
    )
    sign_out(page)

    sign_in(page, "vendor")
    open_menu(page, "主页")  # the vendor starts on the desk
    open_followup(page, CUSTOMER)
    newest = page.get_by_test_id("report-item").first
    newest.click()
    expect(page.get_by_test_id("report-view")).to_contain_text(NEWS)
    comments = page.get_by_test_id("comments-pane")
    comments.get_by_test_id("comment-input").fill(COMMENT)
    comments.get_by_test_id("comment-submit").click()
    expect(comments.get_by_test_id("comment").filter(has_text=COMMENT)).to_have_count(1)
    page.get_by_role("button", name="返回主页").click()
    sign_out(page)

    sign_in(page, "a.sales")
    contact = customer_row(page, CUSTOMER).get_by_test_id("contact-name")
    expect(contact).to_have_attribute("data-unread", "true")
    expect(contact).to_have_class(re.compile(r"\bcontact-unread\b"))
    expect(page.get_by_test_id("unread-comments")).to_have_attribute("data-count", "1")
    open_followup(page, CUSTOMER)
    # The screen opens the newest report, which marks it read at once: its unread state was
    # checked above (green name, header count); here the comment stays highlighted while read.
    item = page.get_by_test_id("report-item").filter(has_text=NEWS[:6])
    item.click()
    comment = (
        page.get_by_test_id("comments-pane").get_by_test_id("comment").filter(has_text=COMMENT)
    )
    expect(comment).to_be_visible()
    expect(comment).to_have_attribute("data-unread", "true")  # highlighted while being read
    expect(item).to_have_attribute("data-unread", "false")
    page.get_by_role("button", name="返回主页").click()
    expect(contact).to_have_attribute("data-unread", "false")
    expect(contact).not_to_have_class(re.compile(r"\bcontact-unread\b"))
    expect(page.get_by_test_id("unread-comments")).to_have_attribute("data-count", "0")


def test_a_filled_entry_never_vanishes_and_enter_adds_nothing(page: Page) -> None:
    project = "智能窗帘电机"
    sign_in(page, "a.sales")
    open_followup(page, CUSTOMER)
    page.get_by_test_id("report-new").click()
    editor = page.get_by_test_id("report-editor")
    editor.get_by_label("客户动态").fill("客户在评估窗帘电机新平台。")
    form = page.get_by_test_id("entry-form")
    rows = page.get_by_test_id("entries-table").get_by_test_id("entry-row")

    # filled but incomplete (no product domain): submitting stops and says so, nothing is lost
    form.get_by_label("新项目名称").fill(project)
    page.get_by_test_id("report-submit").click()
    expect(page.get_by_test_id("entry-incomplete")).to_be_visible()
    expect(form).to_contain_text("请选择产品领域")
    expect(editor).to_have_attribute("data-mode", "new")
    expect(form.get_by_label("新项目名称")).to_have_value(project)

    # Enter in a field, or confirming a date with Enter, neither adds the entry nor submits
    form.get_by_label("产品领域", exact=True).click()
    page.get_by_role("option", name="消费电子").click()
    form.get_by_label("年预期（颗/年）").fill("8000")
    form.get_by_label("节点事项").fill("下月送样")
    form.get_by_label("节点事项").press("Enter")
    date = form.get_by_label("节点日期")
    date.click()
    date.fill("2030-01-15")
    date.press("Enter")
    expect(date).to_have_value("2030-01-15")
    form.get_by_label("新项目名称").press("Enter")
    expect(rows).to_have_count(0)
    expect(editor).to_have_attribute("data-mode", "new")

    # submitting with the complete entry still in the form adds it to the report
    page.get_by_test_id("report-submit").click()
    view = page.get_by_test_id("report-view")
    expect(view.get_by_test_id("report-entry")).to_have_count(1)
    expect(view.get_by_test_id("report-entry")).to_contain_text(project)
    expect(page.get_by_test_id("project-list")).to_contain_text(project)
