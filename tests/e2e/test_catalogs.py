"""Catalogs (SPEC §8): the vendor maintains the product domain tree and the MCU models (with a
checked import); agent staff read them and pick a domain from the 产品领域对照 lookup."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.steps import open_menu, sign_in, sign_out

pytestmark = pytest.mark.e2e


def _csv(name: str, text: str) -> dict:
    return {"name": name, "mimeType": "text/csv", "buffer": text.encode("utf-8")}


def test_vendor_maintains_the_catalogs_and_sales_picks_a_domain_from_the_lookup(
    page: Page,
) -> None:
    sign_in(page, "vendor")
    open_menu(page, "产品目录")
    table = page.get_by_test_id("domains-table")
    expect(table.locator("tr").filter(has_text="厨房电器")).to_contain_text("电磁炉")  # level 2

    page.get_by_role("button", name="添加二级领域 小家电").click()
    dialog = page.get_by_role("dialog", name="新建产品领域")
    dialog.get_by_label("领域名称").fill("清洁电器")
    dialog.get_by_label("典型产品").fill("扫地机器人")
    dialog.get_by_label("典型产品").press("Enter")
    dialog.get_by_test_id("domain-form-ok").click()
    expect(dialog).to_be_hidden()
    row = table.locator("tr").filter(has_text="清洁电器")
    expect(row).to_contain_text("扫地机器人")

    page.get_by_role("button", name="合并 清洁电器").click()
    merge = page.get_by_role("dialog", name=re.compile("合并产品领域"))
    expect(merge.get_by_test_id("merge-summary")).to_contain_text("将移动 0 条记录")
    merge.get_by_test_id("merge-target").click()
    page.keyboard.type("小家电")
    page.keyboard.press("Enter")
    expect(merge.get_by_test_id("merge-target")).to_contain_text("小家电")
    merge.get_by_test_id("merge-ok").click()
    expect(merge).to_be_hidden()
    expect(row).to_contain_text("已停用")

    page.get_by_role("tab", name="MCU型号").click()
    page.get_by_test_id("mcu-import").click()
    upload = page.get_by_role("dialog", name=re.compile("导入 MCU 型号"))
    chooser = upload.locator("input[type=file]")
    chooser.set_input_files(_csv("bad.csv", "型号,系列,状态\nCD32E2E01,CD32E,retired\n"))
    expect(upload.get_by_test_id("import-preview")).to_contain_text("状态无效")
    expect(upload.get_by_test_id("import-commit")).to_be_disabled()
    chooser.set_input_files(_csv("good.csv", "型号,系列,状态\nCD32E2E02,CD32E,active\n"))
    expect(upload.get_by_test_id("import-preview")).to_contain_text("新增")
    upload.get_by_test_id("import-commit").click()
    expect(upload).to_be_hidden()
    page.get_by_placeholder("搜索型号、系列或内核").fill("CD32E2E")
    expect(page.get_by_test_id("mcu-table")).to_contain_text("CD32E2E02")
    expect(page.get_by_test_id("mcu-table")).not_to_contain_text("CD32E2E01")
    sign_out(page)

    sign_in(page, "a.sales")
    open_menu(page, "产品目录")
    expect(page.get_by_test_id("domain-lookup")).to_contain_text("电饭煲")
    expect(page.get_by_test_id("domain-create")).to_have_count(0)

    open_menu(page, "报备新客户")
    page.get_by_test_id("domain-lookup-open").click()
    lookup = page.get_by_test_id("domain-lookup")
    lookup.get_by_test_id("domain-lookup-search").fill("扫地机器人")  # merged into 小家电
    expect(lookup.get_by_test_id("domain-lookup-node").first).to_contain_text("小家电")
    expect(lookup).not_to_contain_text("汽车电子")  # only the matching part of the tree
    lookup.get_by_text("小家电", exact=True).click()
    expect(lookup).to_be_hidden()
    expect(page.get_by_test_id("typical-products")).to_contain_text("扫地机器人")
