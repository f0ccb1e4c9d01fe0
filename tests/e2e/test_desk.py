"""The manufacturer's desk (工作台, issue 12 §2): signing in, the vendor lands on the desk and
finds a pending registration, a new report and its open question without opening a customer,
and answers the question there; the salesperson replies in the thread and the question waits
again."""

import re
import uuid

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.steps import DEMO_PASSWORD, api_headers, sign_in, sign_out, submit_login

pytestmark = pytest.mark.e2e

RUN = uuid.uuid4().hex[:6]
CUSTOMER = "深圳市宏图智能科技有限公司"  # demo: a.sales is the contact
NEW_COMPANY = f"苏州市工作台{RUN}电子有限公司"
QUESTION = f"能否提供样片与开发板？（{RUN}）"
PROJECT = f"工作台测试项目{RUN}"
ANSWER = "下周寄出样片两盒、开发板一块。"
REPLY = "开发板请寄到苏州工厂，谢谢。"


@pytest.fixture
def pending_work(base_url: str) -> None:
    """Agent A's salesperson registers a company and reports a question on a customer."""
    sales = api_headers(base_url, "a.sales")
    domains = httpx.get(f"{base_url}/api/v1/product-domains", headers=sales).json()
    domain_id = domains[0]["id"]
    registered = httpx.post(
        f"{base_url}/api/v1/registrations",
        json={
            "name": NEW_COMPANY,
            "province": "江苏省",
            "city": "苏州市",
            "product_domain_id": domain_id,
            "annual_mcu_usage_wan": 30,
        },
        headers=sales,
    )
    assert registered.status_code == 201, registered.text
    customers = httpx.get(
        f"{base_url}/api/v1/customers", params={"search": CUSTOMER}, headers=sales
    ).json()["items"]
    reported = httpx.post(
        f"{base_url}/api/v1/customers/{customers[0]['id']}/reports",
        json={
            "customer_news": "客户评估新平台，希望尽快拿到样片。",
            "entries": [
                {
                    "stage": "development",
                    "product_domain_id": domain_id,
                    "annual_volume": 50000,
                    "open_questions": QUESTION,
                    "new_project": {"name": PROJECT, "product": "智能插座"},
                }
            ],
        },
        headers=sales,
    )
    assert reported.status_code == 201, reported.text


def test_vendor_finds_a_registration_a_report_and_a_question_on_the_desk_and_answers_it(
    page: Page, pending_work: None
) -> None:
    submit_login(page, "vendor", DEMO_PASSWORD)
    expect(page).to_have_url(re.compile(r"/desk$"))
    expect(page.get_by_role("heading", name="工作台")).to_be_visible()

    # 先报先得: the registration waits with its age, its agent and its candidates.
    card = page.get_by_test_id("registration-card").filter(has_text=NEW_COMPANY)
    expect(card).to_contain_text("华南代理")
    expect(card.get_by_test_id("registration-age")).to_contain_text("已等 0 天")

    # The side menu counts each queue; the new report is listed with its stage and question.
    page.get_by_test_id("nav-desk-new_reports").click()
    expect(page).to_have_url(re.compile(r"tab=new_reports"))
    report = page.get_by_test_id("desk-reports").get_by_role("row").filter(has_text=PROJECT)
    expect(report).to_contain_text(CUSTOMER)
    expect(report).to_contain_text("进入研发")
    expect(report).to_contain_text(QUESTION)

    page.get_by_test_id("nav-desk-open_questions").click()
    question = page.get_by_test_id("desk-questions").get_by_role("row").filter(has_text=QUESTION)
    question.get_by_test_id("question-answer").click()
    dialog = page.get_by_role("dialog", name=f"解答 {CUSTOMER} 的问题")
    expect(dialog).to_contain_text(QUESTION)
    dialog.get_by_role("textbox").fill(ANSWER)
    dialog.get_by_test_id("answer-modal-ok").click()
    expect(page.get_by_text("已解答，已通知提交人")).to_be_visible()
    expect(question).to_have_count(0)

    page.get_by_test_id("question-status").get_by_text("已解答").click()
    answered = page.get_by_test_id("desk-questions").get_by_role("row").filter(has_text=QUESTION)
    expect(answered).to_contain_text(PROJECT)

    # The salesperson replies in the question's thread; the vendor sees it waiting again.
    followup = answered.get_by_role("link").get_attribute("href") or ""
    sign_out(page)
    sign_in(page, "a.sales")
    page.goto(followup)
    pane = page.get_by_test_id("comments-pane")
    expect(pane.get_by_test_id("comment-body").filter(has_text=ANSWER)).to_be_visible()
    pane.get_by_test_id("comment-input").fill(REPLY)
    pane.get_by_test_id("comment-submit").click()
    expect(pane.get_by_test_id("comment-body").filter(has_text=REPLY)).to_be_visible()
    sign_out(page)
    sign_in(page, "vendor")
    page.get_by_test_id("nav-desk-open_questions").click()
    reopened = page.get_by_test_id("desk-questions").get_by_role("row").filter(has_text=QUESTION)
    expect(reopened.get_by_test_id("question-replied")).to_be_visible()
