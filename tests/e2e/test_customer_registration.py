"""Customer registration (SPEC §5, §6): the live conflict check while typing, the vendor deciding
with the conflict beside the application, and the home page's red rows near the end of
protection."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.steps import customer_row, open_menu, sign_in, sign_out

pytestmark = pytest.mark.e2e


EXISTING = "深圳市宏图智能科技有限公司"  # demo: protected for 华南代理 (a.sales is the contact)
# Same core name (宏图), another industry word: a fuzzy candidate that does not block
# (checked with GET /api/v1/registrations/check against the demo data).
NEAR_DUPLICATE = "深圳市宏图电子有限公司"
NEAR_EXPIRY = "东莞市锐进电器有限公司"  # demo: protection ends within the warning window


def test_sales_registers_customer_sees_conflict_and_vendor_approves(page: Page) -> None:
    sign_in(page, "a.sales")
    open_menu(page, "报备新客户")
    expect(page).to_have_url(re.compile(r"/register$"))

    page.get_by_label("客户官方全称").fill(NEAR_DUPLICATE)
    warning = page.get_by_test_id("check-fuzzy")
    expect(warning).to_contain_text("可提交，由原厂判断")
    candidates = page.get_by_test_id("name-check").get_by_test_id("candidate")
    expect(candidates.filter(has_text=EXISTING)).to_contain_text("%")
    submit = page.get_by_test_id("register-submit")
    expect(submit).to_be_enabled()

    page.get_by_label("区域", exact=True).click()
    page.get_by_role("menuitemcheckbox", name="广东省").click()
    page.get_by_role("menuitemcheckbox", name="深圳市").click()
    page.get_by_label("产品领域", exact=True).click()
    page.get_by_role("option", name="消费电子").click()
    expect(page.get_by_test_id("typical-products")).to_contain_text("遥控器")
    page.get_by_label("总出货量（MCU 年用量）").fill("50")
    page.get_by_label("在用 MCU").fill("STM32F030")
    page.get_by_label("在用 MCU").press("Enter")
    submit.click()

    expect(page).to_have_url(re.compile(r"/$"))
    expect(customer_row(page, NEAR_DUPLICATE)).to_contain_text("待审批")
    sign_out(page)

    sign_in(page, "vendor")
    open_menu(page, "审批")
    card = page.get_by_test_id("registration-card").filter(has_text=NEAR_DUPLICATE)
    expect(card.get_by_test_id("registration-conflicts")).to_contain_text(EXISTING)
    expect(card).to_contain_text("华南代理")
    card.get_by_test_id("registration-approve").click()
    dialog = page.get_by_role("dialog", name=re.compile(NEAR_DUPLICATE))
    dialog.get_by_test_id("decision-modal-ok").click()
    expect(card).to_have_count(0)
    sign_out(page)

    sign_in(page, "a.sales")
    expect(customer_row(page, NEAR_DUPLICATE)).to_contain_text("保护中")


def test_exact_duplicate_is_blocked_in_the_form(page: Page) -> None:
    sign_in(page, "b.sales")  # another agent: told only that it is taken, never by whom
    open_menu(page, "报备新客户")
    page.get_by_label("客户官方全称").fill(EXISTING)
    blocked = page.get_by_test_id("check-blocked")
    expect(blocked).to_contain_text("不能重复报备")
    expect(page.get_by_test_id("name-check")).to_contain_text("100%")
    expect(page.get_by_test_id("name-check")).not_to_contain_text("华南代理")
    expect(page.get_by_test_id("register-submit")).to_be_disabled()


def test_near_expiry_customers_are_red_on_home(page: Page) -> None:
    sign_in(page, "a.sales")
    near = customer_row(page, NEAR_EXPIRY)
    expect(near).to_have_attribute("data-near-expiry", "true")
    expect(near).to_have_class(re.compile(r"\bnear-expiry\b"))
    far = customer_row(page, EXISTING)
    expect(far).to_have_attribute("data-near-expiry", "false")
    expect(far).not_to_have_class(re.compile(r"\bnear-expiry\b"))
    expect(page.get_by_test_id("near-expiry-legend")).to_contain_text("红色")
