"""The desk's lists (工作台) as files: new reports, questions, reviews due."""

from api.desk.schemas import NewReport, Question, QuestionStatus, ReviewDue
from api.exporting import Column, Sheet

NEW_REPORTS: Sheet[NewReport] = Sheet(
    "new-reports",
    [
        Column("报告日期", "Report date", lambda r: r.report_date),
        Column("客户", "Customer", lambda r: r.customer.name),
        Column("代理商", "Agent", lambda r: r.agent.name),
        Column("填写人", "Written by", lambda r: r.author.display_name),
        Column("客户动态", "Customer news", lambda r: r.customer_news),
        Column("项目", "Projects", lambda r: [e.project.name for e in r.entries]),
        Column("阶段", "Stages", lambda r: [e.stage for e in r.entries]),
        Column("进展", "Progress", lambda r: [e.progress for e in r.entries if e.progress]),
        Column("提交时间", "Submitted at", lambda r: r.created_at),
    ],
)

QUESTIONS: Sheet[Question] = Sheet(
    "questions",
    [
        Column("客户", "Customer", lambda q: q.customer.name),
        Column("代理商", "Agent", lambda q: q.agent.name),
        Column("项目", "Project", lambda q: q.project.name),
        Column("需原厂解答的问题", "Question for the manufacturer", lambda q: q.question),
        Column("提问人", "Asked by", lambda q: q.author.display_name),
        Column("提问时间", "Asked at", lambda q: q.asked_at),
        Column("已等（天）", "Waiting (days)", lambda q: q.age_days),
        Column(
            "状态",
            "Status",
            lambda q: QuestionStatus.ANSWERED if q.answered_at else QuestionStatus.OPEN,
        ),
        Column("解答时间", "Answered at", lambda q: q.answered_at),
    ],
)

REVIEWS_DUE: Sheet[ReviewDue] = Sheet(
    "reviews-due",
    [
        Column("客户", "Customer", lambda r: r.customer.name),
        Column("代理商", "Agent", lambda r: r.agent and r.agent.name),
        Column("复核日期", "Review date", lambda r: r.next_review_at),
        Column("剩余天数", "Days left", lambda r: r.days_left),
        Column("已逾期", "Overdue", lambda r: r.overdue),
    ],
)
