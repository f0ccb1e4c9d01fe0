"""Registration applications (报备申请) as a file: the list's columns and the decision."""

from api.exporting import Column, Sheet
from api.registrations.schemas import RegistrationPublic

REGISTRATIONS: Sheet[RegistrationPublic] = Sheet(
    "registrations",
    [
        Column("客户名称", "Customer", lambda r: r.customer.name),
        Column("类型", "Kind", lambda r: r.kind),
        Column("状态", "Status", lambda r: r.status),
        Column("省份", "Province", lambda r: r.customer.province),
        Column("城市", "City", lambda r: r.customer.city),
        Column("代理商", "Agent", lambda r: r.agent.name),
        Column("申请人", "Applicant", lambda r: r.applicant.display_name),
        Column("提交时间", "Submitted at", lambda r: r.created_at),
        Column("备注", "Note", lambda r: r.note),
        Column("相似客户", "Similar customers", lambda r: [c.name for c in r.conflicts]),
        Column("处理人", "Decided by", lambda r: r.decided_by and r.decided_by.display_name),
        Column("处理时间", "Decided at", lambda r: r.decided_at),
        Column("处理意见", "Decision reason", lambda r: r.decision_reason),
    ],
)
