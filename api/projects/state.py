"""A project's current state is its latest report entry; a customer's stage is its most
advanced project's. Both are derived here and only here."""

from datetime import datetime

from api.authz.principal import Principal
from api.customers import lifecycle
from api.customers.models import Customer
from api.db import AsyncSession
from api.projects import repository
from api.projects.models import Project
from api.projects.stages import ProjectStage
from api.reports.models import Report
from api.rules.models import Rules

# The ladder; 暂停 and 丢失 are not on it and never make a customer more advanced.
LADDER = [
    ProjectStage.LEAD,
    ProjectStage.APPROVED,
    ProjectStage.DEVELOPMENT,
    ProjectStage.SMALL_BATCH,
    ProjectStage.MASS_PRODUCTION,
]


async def refresh_project(
    session: AsyncSession,
    actor: Principal,
    customer: Customer,
    project: Project,
    rules: Rules,
    at: datetime,
    *,
    is_new: bool = False,
) -> None:
    """Copy the latest entry (by report date, then report) onto the project. An edit of an older
    report therefore changes nothing. Entering a stage (a change, or a new project) applies the
    protection rules of SPEC §6 once, from that moment; staying in a stage does not."""
    latest = await repository.latest_entry(session, project)
    if latest is None:
        return
    report = await session.get(Report, latest.report_id)
    assert report is not None
    previous_stage = project.stage
    for field in (
        "stage",
        "progress",
        "mcu_model_id",
        "product_domain_id",
        "annual_volume",
        "milestone_date",
        "milestone_text",
        "open_questions",
    ):
        setattr(project, field, getattr(latest, field))
    project.last_report_date = report.report_date
    project.updated_at = at
    session.add(project)
    if is_new or project.stage is not previous_stage:
        await lifecycle.protect_by_stage(session, actor, customer, project.stage, rules)


async def refresh_customer_stage(session: AsyncSession, customer: Customer) -> None:
    """The customer's project status (项目状态): its most advanced project on the ladder."""
    projects = await repository.of_current_agent(session, customer)
    on_ladder = [LADDER.index(p.stage) for p in projects if p.stage in LADDER]
    customer.project_stage = LADDER[max(on_ladder)] if on_ladder else None
    session.add(customer)
