"""Extension applications (延期申请) as a file: the request, the evidence and the decision."""

from api.exporting import Column, Sheet
from api.extensions.schemas import ExtensionPublic

EXTENSIONS: Sheet[ExtensionPublic] = Sheet(
    "extensions",
    [
        Column("客户名称", "Customer", lambda e: e.customer.name),
        Column("状态", "Status", lambda e: e.status),
        Column("代理商", "Agent", lambda e: e.agent.name),
        Column("申请人", "Applicant", lambda e: e.applicant.display_name),
        Column("提交时间", "Submitted at", lambda e: e.created_at),
        Column("申请理由", "Reason", lambda e: e.reason),
        Column(
            "申请时保护期至",
            "Protected until (at request)",
            lambda e: e.protection_until_at_request,
        ),
        Column("希望延至", "Requested until", lambda e: e.requested_until),
        Column(
            "近 90 天报告",
            "Reports in 90 days",
            lambda e: e.evidence and e.evidence.reports_last_90_days,
        ),
        Column("最近跟进", "Last report", lambda e: e.evidence and e.evidence.last_report_at),
        Column("处理人", "Decided by", lambda e: e.decided_by and e.decided_by.display_name),
        Column("处理时间", "Decided at", lambda e: e.decided_at),
        Column("延至", "Extended until", lambda e: e.decided_until),
        Column("处理意见", "Decision reason", lambda e: e.decision_reason),
    ],
)
