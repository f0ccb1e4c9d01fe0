"""Issue 11 §4: the built SPA runs under its Content-Security-Policy (no inline script, styles
only inline): signing in and opening every screen of the vendor's menu violates nothing."""

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from tests.e2e.steps import open_menu, sign_in

pytestmark = pytest.mark.e2e

VENDOR_SCREENS = [
    "资源池",
    "审批",
    "出货统计",
    "需求预测",
    "规则设置",
    "产品目录",
    "人员管理",
    "代理商",
    "旧数据导入",
    "API令牌",
    "审计日志",
    "邮件发送",
    "公告",
]


def test_every_vendor_screen_runs_under_the_content_security_policy(page: Page) -> None:
    violations: list[str] = []

    def watch(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    page.on("console", watch)
    response = page.goto("/login")
    assert response is not None
    assert "script-src 'self';" in response.headers["content-security-policy"]
    sign_in(page, "vendor")
    for screen in VENDOR_SCREENS:
        open_menu(page, screen)
        expect(page.get_by_role("main")).to_be_visible()
    assert violations == []
