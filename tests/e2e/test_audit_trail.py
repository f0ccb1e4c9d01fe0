"""The vendor's audit trail: filters offered from the trail itself, a diff, a CSV export."""

import re
import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
from playwright.sync_api import Page, expect

from tests.e2e.steps import DEMO_PASSWORD, export_list, open_menu, pick_option, sign_in

BEIJING = ZoneInfo("Asia/Shanghai")


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
    expect(rows.first).to_contain_text("原厂管理员")  # the person's name, not the login
    rows.first.get_by_role("button", name=re.compile("展开|Expand")).click()
    expect(page.get_by_test_id("audit-diff")).to_be_visible()
    saved = export_list(page, "audit-export", "csv")
    assert saved.suggested_filename.startswith("audit-") and saved.suggested_filename.endswith(
        ".csv"
    )
    content = Path(saved.path()).read_text(encoding="utf-8-sig")
    assert "auth.login" in content and "user.update" not in content


def test_an_audit_walk_shows_beijing_time_names_and_chinese_labels_never_ids_or_keys(
    page: Page, base_url: str
) -> None:
    title = f"审计演示 {uuid.uuid4().hex[:6]}"
    sign_in(page, "vendor")
    open_menu(page, "公告")
    page.get_by_test_id("announcement-create").click()
    dialog = page.get_by_role("dialog", name="发布公告")
    dialog.get_by_label("标题").fill(title)
    dialog.get_by_label("正文").fill("审计页面演示。")
    dialog.get_by_label("发送对象").click()
    page.locator(".ant-select-item-option[title='指定代理商']").click()
    dialog.get_by_label("代理商", exact=True).click()
    page.locator(".ant-select-item-option[title='华南代理']").click()
    dialog.get_by_test_id("announcement-save").click()
    expect(dialog).to_be_hidden()
    row = page.get_by_test_id("announcement-row").filter(has_text=title)
    row.get_by_role("button", name=f"撤回 {title}").click()  # and nobody meets the pop-up
    page.get_by_test_id("announcement-withdraw-ok").click()
    expect(row).to_contain_text("已撤回")

    open_menu(page, "审计日志")
    page.get_by_test_id("audit-object-type").click()
    pick_option(page, "公告")
    rows = page.locator(".ant-table-tbody tr.ant-table-row").filter(has_text=title)
    created = rows.filter(has_text="发布公告")
    expect(created).to_have_count(1)
    expect(created).to_contain_text("原厂管理员")
    expect(created.get_by_test_id("audit-object")).to_have_text(f"公告 {title}")
    expect(rows.filter(has_text="撤回公告")).to_have_count(1)

    # the time is Beijing time: the API's instant, read in Asia/Shanghai
    login = httpx.post(
        f"{base_url}/api/v1/auth/login", json={"username": "vendor", "password": DEMO_PASSWORD}
    )
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    entries = httpx.get(
        f"{base_url}/api/v1/audit",
        params={"action": "announcement.create", "limit": 50},
        headers=headers,
    ).json()["items"]
    [entry] = [e for e in entries if e["object_name"] == title]
    beijing = datetime.fromisoformat(entry["at"]).astimezone(BEIJING)
    expect(created).to_contain_text(beijing.strftime("%Y-%m-%d %H:%M:%S"))

    created.get_by_role("button", name=re.compile("展开|Expand")).click()
    diff = page.get_by_test_id("audit-diff")
    expect(diff).to_contain_text("发送对象")
    expect(diff).to_contain_text("代理商")
    expect(diff).to_contain_text("华南代理")  # the name behind agent_id
    expect(diff.get_by_role("row", name=re.compile("^发送对象"))).to_contain_text("指定代理商")
    expect(diff.get_by_role("row", name=re.compile("^创建人"))).to_contain_text("原厂管理员")
    expect(diff).not_to_contain_text("编号")  # the object's own number: the row names it
    for raw in ("agent_id", "audience", "created_by_id", "publish_at", "created_at"):
        expect(diff).not_to_contain_text(raw)
    expect(page.locator(".ant-table-tbody").first).not_to_contain_text(f"#{entry['object_id']}")
