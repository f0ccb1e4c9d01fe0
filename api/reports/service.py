"""Follow-up reports (客户跟进, SPEC §7): submit and edit, each in one transaction."""

from datetime import date
from typing import Any

from api.audit.service import record
from api.authz.policy import authorize, can_work_on_customer, can_write_entries
from api.authz.principal import Principal
from api.catalog.domains import check_domain
from api.catalog.mcu import check_mcu_model
from api.customers import lifecycle
from api.customers import service as customers
from api.customers.models import Customer, CustomerStatus
from api.db import AsyncSession
from api.kit.clock import now, today
from api.kit.errors import AppError, Conflict
from api.projects.models import Project
from api.projects.service import add as add_project
from api.projects.state import refresh_customer_stage, refresh_project
from api.reports import repository
from api.reports.models import Report, ReportEntry, ReportRevision
from api.reports.schemas import EntryIn, ReportEdit, ReportIn
from api.rules.models import Rules

ENTRY_FIELDS = (
    "stage",
    "progress",
    "mcu_model_id",
    "product_domain_id",
    "annual_volume",
    "milestone_date",
    "milestone_text",
    "open_questions",
)


async def get_visible(session: AsyncSession, principal: Principal, report_id: int) -> Report:
    """The report with its author and entries if the caller may see it; raises 404 otherwise."""
    return await repository.get_visible(session, principal, report_id)


async def report_counts_since(
    session: AsyncSession, customer_ids: list[int], since: date
) -> dict[int, int]:
    """customer id -> reports since `since` by the customer's current agent (one statement).
    The caller passes customers it has loaded through its scope."""
    return await repository.report_counts_since(session, customer_ids, since)


async def _project_for(
    session: AsyncSession, customer: Customer, entry: EntryIn
) -> tuple[Project, bool]:
    """The entry's project: one of this agent's projects of the customer, or a new one (True)."""
    if entry.project_id is not None:
        project = await session.get(Project, entry.project_id)
        if (
            project is None
            or project.customer_id != customer.id
            or project.agent_id != customer.agent_id
        ):
            raise AppError("project_not_of_customer", 422)
        return project, False
    assert entry.new_project is not None
    project = Project(
        customer_id=customer.id or 0,
        agent_id=customer.agent_id or 0,
        name=entry.new_project.name.strip(),
        product=entry.new_project.product,
        product_domain_id=entry.product_domain_id,
        mcu_model_id=entry.mcu_model_id,
        stage=entry.stage,
    )
    return await add_project(session, project), True


async def _check_entry(
    session: AsyncSession, entry: EntryIn, current: ReportEntry | None = None
) -> None:
    """A deactivated domain or an end-of-life model is refused for new choices; an existing
    project (or the entry being edited) keeps the one it has."""
    kept_domains: set[int | None] = set()
    kept_models: set[int | None] = set()
    if entry.project_id is not None:
        project = await session.get(Project, entry.project_id)
        if project is not None:
            kept_domains.add(project.product_domain_id)
            kept_models.add(project.mcu_model_id)
    if current is not None:
        kept_domains.add(current.product_domain_id)
        kept_models.add(current.mcu_model_id)
    if entry.product_domain_id not in kept_domains:
        await check_domain(session, entry.product_domain_id)
    await check_mcu_model(session, entry.mcu_model_id, keep=kept_models)


def _report_date(requested: date | None) -> date:
    chosen = requested or today()
    if chosen > today():
        raise AppError("report_date_in_future", 422)
    return chosen


async def _apply(
    session: AsyncSession,
    principal: Principal,
    customer: Customer,
    projects: list[tuple[Project, bool]],
    rules: Rules,
) -> None:
    at = now()
    for project, is_new in projects:
        await refresh_project(session, principal, customer, project, rules, at, is_new=is_new)
    await refresh_customer_stage(session, customer)
    customer.last_report_at = await repository.latest_report_date(session, customer)
    session.add(customer)


async def submit(
    session: AsyncSession, principal: Principal, customer_id: int, data: ReportIn, rules: Rules
) -> Report:
    """A new report: creates new projects, updates the others, keeps the entries as history.
    Only for protected customers (no contact before approval), by the master account or the
    contact salesperson. Raises 403, 404, 409 project_name_taken, 422 on bad entries."""
    customer = await customers.get_visible(session, principal, customer_id)
    await lifecycle.lock_holder(session, customer)
    authorize(can_work_on_customer(principal, customer))
    if customer.status is not CustomerStatus.PROTECTED:
        raise AppError("report_needs_protected_customer", 422)
    report = Report(
        customer_id=customer_id,
        agent_id=customer.agent_id or 0,
        author_id=principal.user_id,
        report_date=_report_date(data.report_date),
        customer_news=data.customer_news,
    )
    session.add(report)
    await session.flush()
    projects = await _add_entries(session, principal, customer, report, data.entries, set())
    await _apply(session, principal, customer, projects, rules)
    await record(session, principal, "report.create", report)
    return report


async def _add_entries(
    session: AsyncSession,
    principal: Principal,
    customer: Customer,
    report: Report,
    entries: list[EntryIn],
    existing: set[int],
) -> list[tuple[Project, bool]]:
    projects: list[tuple[Project, bool]] = []
    for entry in entries:
        if entry.project_id is None or entry.project_id not in existing:  # edited: checked
            await _check_entry(session, entry)
        project, is_new = await _project_for(session, customer, entry)
        if project.id in {p.id for p, _ in projects}:
            raise AppError("project_twice_in_report", 422, name=project.name)
        projects.append((project, is_new))
        if project.id in existing:
            continue
        session.add(
            ReportEntry(
                report_id=report.id or 0,
                project_id=project.id or 0,
                written_by_id=principal.user_id,
                **entry.model_dump(include=set(ENTRY_FIELDS)),
            )
        )
    await session.flush()
    return projects


def _content(report: Report) -> dict[str, Any]:
    return {
        "report_date": report.report_date.isoformat(),
        "customer_news": report.customer_news,
        "entries": [
            {"project_id": e.project_id, **e.model_dump(mode="json", include=set(ENTRY_FIELDS))}
            for e in report.entries
        ],
    }


async def _claim_version(session: AsyncSession, report: Report, started_from: int) -> None:
    """Move the report from the version the editor saw to the next one, or refuse: two people
    editing at once must not overwrite each other unseen (409 report_edited_meanwhile)."""
    if not await repository.claim_version(session, report, started_from):
        await session.refresh(report, ["version"])
        raise Conflict("report_edited_meanwhile", version=report.version)
    report.version = started_from + 1


async def edit(
    session: AsyncSession, principal: Principal, report_id: int, data: ReportEdit, rules: Rules
) -> Report:
    """The manual's edit flow: change the news and entries, add entries; the previous version is
    kept. Projects take the edited state only where this is their latest report. FAEs change
    project entries only (403 fae_cannot_edit_news); entries cannot be removed (422); an edit
    started from an older version than the stored one is refused (409 report_edited_meanwhile)."""
    report = await repository.get_visible(session, principal, report_id)
    customer = await customers.get_visible(session, principal, report.customer_id)
    await lifecycle.lock_holder(session, customer)
    authorize(can_write_entries(principal, customer))
    await _claim_version(session, report, data.version)
    if not can_work_on_customer(principal, customer) and data.customer_news != report.customer_news:
        raise AppError("fae_cannot_edit_news", 403)
    new_date = _report_date(data.report_date or report.report_date)
    by_project = {e.project_id: e for e in report.entries}
    kept = {e.project_id for e in data.entries if e.project_id is not None}
    if not set(by_project) <= kept:
        raise AppError("entries_cannot_be_removed", 422)
    previous = _content(report)
    session.add(
        ReportRevision(
            report_id=report_id,
            version=data.version,  # the version being replaced (claimed above)
            content=previous,
            edited_by_id=principal.user_id,
        )
    )
    report.customer_news, report.report_date = data.customer_news, new_date
    report.updated_at = now()
    for entry in data.entries:
        current = by_project.get(entry.project_id or 0)
        if current is not None:
            await _check_entry(session, entry, current)
            for field in ENTRY_FIELDS:
                setattr(current, field, getattr(entry, field))
            current.written_by_id = principal.user_id
            session.add(current)
    projects = await _add_entries(
        session, principal, customer, report, data.entries, set(by_project)
    )
    await _apply(session, principal, customer, projects, rules)
    await record(session, principal, "report.update", report, before=previous)
    return report
