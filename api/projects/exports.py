"""A customer's projects (项目) as a file: each with its current state."""

from api.exporting import Column, Sheet
from api.projects.schemas import ProjectPublic

PROJECTS: Sheet[ProjectPublic] = Sheet(
    "projects",
    [
        Column("项目", "Project", lambda p: p.name),
        Column("产品", "Product", lambda p: p.product),
        Column("阶段", "Stage", lambda p: p.stage),
        Column("产品领域", "Product domain", lambda p: p.product_domain.name),
        Column("MCU型号", "MCU model", lambda p: p.mcu_model and p.mcu_model.part_number),
        Column("年预期", "Expected units per year", lambda p: p.annual_volume),
        Column("进展", "Progress", lambda p: p.progress),
        Column("节点日期", "Milestone date", lambda p: p.milestone_date),
        Column("节点", "Milestone", lambda p: p.milestone_text),
        Column("需原厂解答的问题", "Questions for the manufacturer", lambda p: p.open_questions),
        Column("最近报告", "Last report", lambda p: p.last_report_date),
        Column("创建时间", "Created at", lambda p: p.created_at),
        Column("最后更新", "Updated at", lambda p: p.updated_at),
    ],
)
