"""Demo follow-up reports, projects and a vendor comment (SPEC §12: every screen has content)."""

from datetime import timedelta
from typing import Any

from api.catalog.models import McuModel, ProductDomain
from api.comments.models import Comment, CommentReceipt
from api.customers import lifecycle
from api.customers.models import Customer
from api.db import AsyncSession
from api.demo import repository
from api.kit.clock import today
from api.projects.models import Project
from api.projects.stages import ProjectStage
from api.projects.state import LADDER
from api.reports.models import Report, ReportEntry
from api.rules.models import Rules
from api.users.models import User

# customer, days ago, author, news,
# [(project, product, domain, mcu, stage, volume, progress, milestone)]
DEMO_REPORTS = [
    (
        "深圳市宏图智能科技有限公司",
        40,
        "a.sales",
        "客户年初成立IoT事业部，计划推出智能音箱和遥控器两条产品线。",
        [
            (
                "智能遥控器",
                "红外+蓝牙遥控器",
                "消费电子",
                "CD32L011F4P6",
                "approved",
                300000,
                "完成方案评估",
                "12月首版样机",
            ),
        ],
    ),
    (
        "深圳市宏图智能科技有限公司",
        12,
        "a.sales",
        "客户采购部确认明年备货计划，竞品报价压力较大。",
        [
            (
                "智能遥控器",
                "红外+蓝牙遥控器",
                "消费电子",
                "CD32L011F4P6",
                "development",
                350000,
                "样机调试中，功耗达标",
                "1月小批试产",
            ),
            (
                "蓝牙音箱主控",
                "便携蓝牙音箱",
                "消费电子",
                "CD32F103C8T6",
                "lead",
                100000,
                "客户提出需求，待送样",
                "下月送样",
            ),
        ],
    ),
    (
        "东莞市锐进电器有限公司",
        25,
        "a.sales",
        "客户产能饱和，新项目排期推迟。",
        [
            (
                "变频空调外机",
                "1.5匹变频空调",
                "大家电",
                "CD32G431CBT6",
                "approved",
                80000,
                "电机算法联调",
                "3月设计冻结",
            ),
        ],
    ),
    (
        "佛山市美达小家电有限公司",
        5,
        "a.sales2",
        "客户电饭煲订单增长明显，考虑第二供应商。",
        [
            (
                "IH电饭煲主控",
                "IH电饭煲",
                "小家电",
                "CD32F030C8T6",
                "mass_production",
                500000,
                "量产稳定",
                "春节前追加订单",
            ),
        ],
    ),
    (
        "上海华测仪器仪表有限公司",
        8,
        "b.sales",
        "客户新一代智能电表项目启动，原厂支持到位。",
        [
            (
                "智能电表",
                "单相智能电表",
                "工业控制",
                "CD32F303VET6",
                "small_batch",
                120000,
                "小批200台验证中",
                "2月量产评审",
            ),
        ],
    ),
]


async def seed_followups(session: AsyncSession) -> None:
    users = {u.username: u for u in await repository.all_rows(session, User)}
    customers = {c.name: c for c in await repository.all_rows(session, Customer)}
    domains = {d.name: d.id or 0 for d in await repository.all_rows(session, ProductDomain)}
    mcus = {m.part_number: m.id for m in await repository.all_rows(session, McuModel)}
    projects: dict[tuple[str, str], Project] = {}
    last_report: dict[str, Report] = {}
    for customer_name, days_ago, author, news, entries in DEMO_REPORTS:
        customer = customers[customer_name]
        day = today() - timedelta(days=days_ago)
        report = Report(
            customer_id=customer.id or 0,
            agent_id=customer.agent_id or 0,
            author_id=users[author].id or 0,
            report_date=day,
            customer_news=news,
        )
        session.add(report)
        await session.flush()
        for name, product, domain, mcu, stage, volume, progress, milestone in entries:
            project = projects.get((customer_name, name))
            if project is None:
                project = Project(
                    customer_id=customer.id or 0,
                    agent_id=customer.agent_id or 0,
                    name=name,
                    product=product,
                    product_domain_id=domains[domain],
                    stage=ProjectStage(stage),
                )
                session.add(project)
                await session.flush()
                projects[(customer_name, name)] = project
            state: dict[str, Any] = {
                "stage": ProjectStage(stage),
                "progress": progress,
                "mcu_model_id": mcus[mcu],
                "product_domain_id": domains[domain],
                "annual_volume": volume,
                "milestone_date": day + timedelta(days=45),
                "milestone_text": milestone,
            }
            session.add(
                ReportEntry(
                    report_id=report.id or 0,
                    project_id=project.id or 0,
                    written_by_id=users[author].id or 0,
                    **state,
                )
            )
            for field, value in state.items():
                setattr(project, field, value)
            project.last_report_date = day
        for project in (p for (c, _), p in projects.items() if c == customer_name):
            # SPEC §6 as the report API applies it: 量产 puts the customer under periodic review.
            await lifecycle.protect_by_stage(session, None, customer, project.stage, Rules())
        customer.last_report_at = day
        customer.project_stage = _most_advanced(customer_name, projects)
        last_report[customer_name] = report
    await _comment(
        session, last_report["深圳市宏图智能科技有限公司"], users["vendor"], users["a.sales"]
    )


def _most_advanced(customer_name: str, projects: dict[tuple[str, str], Project]) -> ProjectStage:
    stages = [p.stage for (c, _), p in projects.items() if c == customer_name and p.stage in LADDER]
    return max(stages, key=LADDER.index)


async def _comment(session: AsyncSession, report: Report, vendor: User, reader: User) -> None:
    comment = Comment(
        report_id=report.id or 0,
        author_id=vendor.id or 0,
        body="遥控器项目建议评估CD32L011的低功耗模式，原厂FAE可以协助调试。",
    )
    session.add(comment)
    await session.flush()
    session.add(CommentReceipt(comment_id=comment.id or 0, user_id=reader.id or 0))
