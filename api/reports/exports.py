"""A customer's follow-up reports (跟进报告) as a file: one row per report."""

from api.exporting import Column, Sheet
from api.reports.schemas import ReportSummary

REPORTS: Sheet[ReportSummary] = Sheet(
    "reports",
    [
        Column("报告日期", "Report date", lambda r: r.report_date),
        Column("填写人", "Written by", lambda r: r.author.display_name),
        Column("客户动态", "Customer news", lambda r: r.customer_news),
        Column("项目", "Projects", lambda r: [p.name for p in r.projects]),
        Column("点评数", "Comments", lambda r: r.comment_count),
        Column("未读点评", "Unread comments", lambda r: r.unread_comments),
        Column("版本", "Version", lambda r: r.version),
        Column("最后更新", "Updated at", lambda r: r.updated_at),
    ],
)
