"""The scorecard (考核, issue 12 §2): vendor staff find every agent's compliance, expand an agent
to its salespeople, change the period and download the .xlsx with Chinese headers."""

import re
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, expect

from tests.e2e.steps import export_list, open_menu, sign_in


def test_vendor_reads_the_scorecard_per_agent_and_salesperson_and_exports_it(
    page: Page, tmp_path: Path
) -> None:
    sign_in(page, "vendor")
    open_menu(page, "考核")
    expect(page).to_have_url(re.compile(r"/scorecard$"))
    table = page.get_by_test_id("scorecard-table")
    south = table.get_by_test_id("scorecard-agent").filter(has_text="华南代理")
    expect(south).to_be_visible()
    expect(table.get_by_test_id("scorecard-agent").filter(has_text="华东代理")).to_be_visible()
    expect(south.get_by_test_id("scorecard-sparkline").first).to_be_visible()
    expect(table.get_by_test_id("scorecard-salesperson").filter(has_text="李明")).to_have_count(0)

    south.get_by_role("button", name=re.compile("展开|Expand")).click()
    expect(table.get_by_test_id("scorecard-salesperson").filter(has_text="李明")).to_be_visible()
    expect(table.get_by_test_id("scorecard-salesperson").filter(has_text="张伟")).to_be_visible()

    six_months = page.get_by_test_id("scorecard-range").inner_text()
    page.get_by_test_id("scorecard-period").get_by_text("近 3 个月").click()
    expect(page.get_by_test_id("scorecard-range")).not_to_have_text(six_months)

    download = export_list(page, "scorecard-export", "xlsx")
    assert download.suggested_filename.endswith(".xlsx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    rows = list(openpyxl.load_workbook(saved, read_only=True).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("代理商", "销售", "保护中客户", "逾期未跟进客户")
    assert ("华南代理", "李明") in {(r[0], r[1]) for r in rows[1:]}


def test_agent_staff_have_no_scorecard(page: Page) -> None:
    sign_in(page, "a.admin")
    expect(page.get_by_role("menuitem", name="考核")).to_have_count(0)
