"""The customer list (主页) as a file: what the table shows and the details behind it."""

from api.customers.schemas import CustomerPublic
from api.exporting import Column, Sheet

CUSTOMERS: Sheet[CustomerPublic] = Sheet(
    "customers",
    [
        Column("客户名称", "Customer", lambda c: c.name),
        Column("状态", "Status", lambda c: c.status),
        Column("代理商", "Agent", lambda c: c.agent.name if c.agent else None),
        Column(
            "联系人（业务员）",
            "Contact (salesperson)",
            lambda c: c.contact and c.contact.display_name,
        ),
        Column("FAE", "FAE", lambda c: [f.display_name for f in c.faes]),
        Column("省份", "Province", lambda c: c.province),
        Column("城市", "City", lambda c: c.city),
        Column("产品领域", "Product domain", lambda c: c.product_domain.name),
        Column("年用量（万）", "Annual MCU usage (10k)", lambda c: c.annual_mcu_usage_wan),
        Column("在用 MCU", "MCUs in use", lambda c: c.mcus_in_use),
        Column("项目阶段", "Project stage", lambda c: c.project_stage),
        Column("保护方式", "Protection", lambda c: c.protection_mode),
        Column("保护期至", "Protected until", lambda c: c.protection_until),
        Column("剩余天数", "Days left", lambda c: c.days_left),
        Column("即将到期", "Ending soon", lambda c: c.near_expiry),
        Column("下次复核", "Next review", lambda c: c.next_review_at),
        Column("最近跟进", "Last report", lambda c: c.last_report_at),
        Column("跟进逾期", "Follow-up overdue", lambda c: c.followup_overdue),
        Column("审批通过", "Approved at", lambda c: c.approved_at),
        Column("统一社会信用代码", "Credit code", lambda c: c.credit_code),
        Column("采购方", "Purchaser", lambda c: c.purchaser),
        Column("加工厂", "Factory", lambda c: c.factory),
        Column("创建时间", "Created at", lambda c: c.created_at),
        Column("最后更新", "Updated at", lambda c: c.updated_at),
    ],
)
