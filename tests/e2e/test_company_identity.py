"""Company identity in the browser (issue 14): the contact adds an English name that another
agent's registration then runs into; a name that belongs to another customer is refused with the
conflict shown; the vendor corrects an official name and the old one stays as 曾用名."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.steps import customer_row, open_menu, pick_option, sign_in, sign_out

pytestmark = pytest.mark.e2e

PROTECTED = "东莞市锐进电器有限公司"  # demo: protected for 华南代理, a.sales is the contact
ENGLISH = "Dongguan Ruijin Electric Appliance Co., Ltd."
OTHER_AGENTS = "上海华测仪器仪表有限公司"  # demo: protected for 华东代理
RENAMED = "广州市恒通电机有限公司"  # demo: protected for 华南代理 (a.sales2)
NEW_NAME = "广州恒通电机股份有限公司"


def open_drawer(page: Page, name: str) -> None:
    customer_row(page, name).get_by_test_id("customer-name").click()
    expect(page.get_by_test_id("drawer-customer-name")).to_contain_text(name)


def test_an_english_name_added_by_the_contact_blocks_another_agents_registration(
    page: Page,
) -> None:
    sign_in(page, "a.sales")
    open_drawer(page, PROTECTED)
    names = page.get_by_test_id("customer-names")
    names.get_by_test_id("alias-name").fill(ENGLISH)
    names.get_by_test_id("alias-add").click()
    expect(names.get_by_test_id("customer-alias").filter(has_text=ENGLISH)).to_contain_text(
        "英文名"
    )
    expect(names.get_by_test_id("alias-name")).to_have_value("")

    # A name another customer already has is refused, with the conflict beside the form.
    names.get_by_label("类型").click()
    pick_option(page, "简称")
    names.get_by_test_id("alias-name").fill(OTHER_AGENTS)
    names.get_by_test_id("alias-add").click()
    expect(names.get_by_test_id("alias-conflicts")).to_be_visible()
    expect(names.get_by_test_id("customer-alias").filter(has_text=OTHER_AGENTS)).to_have_count(0)
    page.get_by_role("dialog", name=re.compile(PROTECTED)).get_by_role(
        "button", name="关闭"
    ).click()
    expect(page.get_by_test_id("customer-drawer")).to_be_hidden()
    sign_out(page)

    sign_in(page, "b.sales")
    open_menu(page, "报备新客户")
    page.get_by_label("客户官方全称").fill(ENGLISH.upper())
    expect(page.get_by_test_id("check-blocked")).to_contain_text("不能重复报备")
    expect(page.get_by_test_id("name-check")).not_to_contain_text("华南代理")
    expect(page.get_by_test_id("register-submit")).to_be_disabled()


def test_the_vendor_corrects_an_official_name_and_the_old_one_stays_a_former_name(
    page: Page,
) -> None:
    sign_in(page, "vendor")
    open_menu(page, "主页")
    open_drawer(page, RENAMED)
    page.get_by_test_id("customer-rename").click()
    dialog = page.get_by_role("dialog", name=re.compile("官方全称"))
    dialog.get_by_test_id("rename-name").fill(OTHER_AGENTS)
    dialog.get_by_test_id("rename-reason").fill("营业执照名称已变更")
    dialog.get_by_test_id("rename-submit").click()
    expect(dialog.get_by_test_id("rename-conflicts")).to_contain_text(OTHER_AGENTS)

    dialog.get_by_test_id("rename-name").fill(NEW_NAME)
    dialog.get_by_test_id("rename-submit").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_test_id("drawer-customer-name")).to_contain_text(NEW_NAME)
    former = page.get_by_test_id("customer-names").get_by_test_id("customer-alias")
    expect(former.filter(has_text=RENAMED)).to_contain_text("曾用名")
    expect(page.get_by_test_id("customer-group")).to_contain_text("未加入任何集团")
