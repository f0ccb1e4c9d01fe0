"""Every list exports, in Chinese (issue 12 §4): a salesperson searches the home customer list and
downloads it from the 导出 menu as CSV and as Excel: the search's rows only (not just the page
shown), Chinese headers, labels instead of codes, names instead of ids."""

import csv
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.steps import customer_row, export_list, sign_in

pytestmark = pytest.mark.e2e

CUSTOMER = "惠州市星辰电池科技有限公司"  # demo: protected for 华南代理, a.sales the contact
HEADER = ("客户名称", "状态", "代理商", "联系人（业务员）")


def test_salesperson_exports_the_searched_home_list_as_csv_and_excel(
    page: Page, tmp_path: Path
) -> None:
    sign_in(page, "a.sales")
    page.get_by_test_id("table-search").fill("星辰")
    expect(customer_row(page, CUSTOMER)).to_have_count(1)
    expect(page.get_by_test_id("customer-row")).to_have_count(1)

    csv_file = export_list(page, "customers-export", "csv")
    assert csv_file.suggested_filename.startswith("customers-")
    assert csv_file.suggested_filename.endswith(".csv")
    saved = tmp_path / csv_file.suggested_filename
    csv_file.save_as(saved)
    header, *rows = list(csv.reader(saved.open(encoding="utf-8-sig")))
    assert tuple(header[:4]) == HEADER
    assert [row[:3] for row in rows] == [[CUSTOMER, "保护中", "华南代理"]]  # the search's rows
    assert not [h for h in header if "ID" in h.upper()]

    excel = export_list(page, "customers-export", "xlsx")
    assert excel.suggested_filename.endswith(".xlsx")
    saved = tmp_path / excel.suggested_filename
    excel.save_as(saved)
    sheet = openpyxl.load_workbook(saved, read_only=True).active
    assert sheet is not None
    table = list(sheet.iter_rows(values_only=True))
    assert table[0][:4] == HEADER and [r[0] for r in table[1:]] == [CUSTOMER]
