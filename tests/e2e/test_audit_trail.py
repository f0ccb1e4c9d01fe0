"""The vendor's audit trail: filters offered from the trail itself, a diff, a CSV export."""

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.steps import open_menu, pick_option, sign_in


def test_vendor_filters_the_audit_trail_reads_a_diff_and_exports_it(page: Page) -> None:
    sign_in(page, "vendor")
    open_menu(page, "审计日志")
    expect(page.get_by_role("heading", name="审计日志")).to_be_visible()
    # The action list comes from the trail: the sign-in just recorded is in it.
    page.get_by_test_id("audit-action").click()
    page.keyboard.type("登录")
    pick_option(page, "登录")
    rows = page.locator(".ant-table-tbody tr.ant-table-row")
    expect(rows.first).to_contain_text("登录")
    expect(rows.filter(has_not_text="登录")).to_have_count(0)  # the filter applied to every row
    # The people who did it are picked by name.
    page.get_by_test_id("audit-actor").click()
    page.keyboard.type("vendor")
    pick_option(page, re.compile(r"\(vendor\)"))
    expect(rows.first).to_contain_text("vendor")
    rows.first.get_by_role("button", name=re.compile("展开|Expand")).click()
    expect(page.get_by_test_id("audit-diff")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_test_id("audit-csv").click()
    saved = download.value
    assert saved.suggested_filename.startswith("audit-") and saved.suggested_filename.endswith(
        ".csv"
    )
    content = Path(saved.path()).read_text(encoding="utf-8-sig")
    assert "auth.login" in content and "user.update" not in content
