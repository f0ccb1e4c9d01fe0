"""Legacy import (SPEC §3, §11): the vendor uploads a filled template for 华南代理; the dry run
shows, row by row, the customer it will create, the row that conflicts with a demo customer (with
that customer as the candidate) and the invalid row with its reason; the commit creates only the
good row."""

import re
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.steps import open_menu, sign_in
from tests.imports.sheets import filled_template, row

pytestmark = pytest.mark.e2e

GOOD = "深圳市澜起智能控制有限公司"
HELD = "深圳市宏图智能科技有限公司"  # demo: protected for 华南代理
CONFLICTING = "深圳宏图智能科技有限公司"  # the same company, written without 市
INVALID = "佛山市顺风照明电器有限公司"


def test_vendor_dry_runs_a_legacy_file_then_commits_it(page: Page, tmp_path: Path) -> None:
    legacy = tmp_path / "legacy-customers.xlsx"
    legacy.write_bytes(
        filled_template(
            [
                row(GOOD, "李明"),  # 华南代理's salesperson a.sales
                row(CONFLICTING, "李明"),
                row(INVALID, "王磊"),  # 华东代理's salesperson: never matched for 华南代理
            ]
        )
    )
    sign_in(page, "vendor")
    open_menu(page, "旧数据导入")
    with page.expect_download() as download:
        page.get_by_test_id("import-template").click()
    assert download.value.suggested_filename.endswith("customer-import-template.xlsx")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    template = openpyxl.load_workbook(saved)
    assert template.worksheets[0]["A1"].value == "客户名称 / Customer name"

    agent = page.get_by_test_id("import-agent")
    agent.click()
    agent.locator("input").fill("华南代理")
    page.locator(".ant-select-item-option", has_text="华南代理").click()
    expect(agent).to_contain_text("华南代理")
    page.get_by_test_id("import-dropzone").locator("input[type=file]").set_input_files(legacy)

    expect(page.get_by_test_id("import-status")).to_have_attribute(
        "data-status", "checked", timeout=20_000
    )
    rows = page.get_by_test_id("import-rows").locator("tbody tr.ant-table-row")
    expect(rows).to_have_count(3)
    good, conflict, invalid = rows.nth(0), rows.nth(1), rows.nth(2)
    expect(good).to_contain_text(GOOD)
    expect(good.get_by_test_id("import-row-status")).to_have_attribute("data-status", "ready")
    expect(conflict.get_by_test_id("import-row-status")).to_have_attribute(
        "data-status", "conflict"
    )
    expect(conflict.get_by_test_id("candidate-name").first).to_have_text(HELD)
    expect(invalid.get_by_test_id("import-row-status")).to_have_attribute("data-status", "invalid")
    expect(invalid.get_by_test_id("import-row-reason")).to_have_text(
        "该代理商没有名为“王磊”的在职业务员"
    )

    page.get_by_test_id("import-filter").get_by_text(re.compile("^冲突")).click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(CONFLICTING)

    page.get_by_test_id("import-commit").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("创建 1 个客户")
    dialog.get_by_role("button", name=re.compile(r"^提\s*交$")).click()
    expect(page.get_by_test_id("import-summary")).to_contain_text(
        "已提交：创建 1 个客户；1 行冲突、1 行无效未导入。", timeout=20_000
    )
    expect(page.get_by_test_id("imports-table").locator("tbody")).to_contain_text("已提交")
