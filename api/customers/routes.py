from typing import Annotated

from fastapi import Depends, Query, Request, Response, status

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.customers import exports, reassignment, repository, service, views
from api.customers.models import CustomerStatus
from api.customers.repository import CustomerFilters
from api.customers.schemas import (
    ContactAssignment,
    CustomerPublic,
    CustomerUpdate,
    FaeAssignment,
    ReasonIn,
    ReassignIn,
    ReassignOut,
    ReviewIn,
    TodoStrip,
)
from api.customers.todo import TodoKind, worklist
from api.db import AsyncSession, Session
from api.exporting import DOWNLOADS, answer_page
from api.identity.schemas import AliasIn, AliasPublic, BlockedOut, GroupLinkIn, RenameIn
from api.kit.clock import now
from api.kit.errors import error_responses
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params
from api.projects.stages import ProjectStage
from api.rules.service import current_rules

router = protected_router("customers")


ERRORS = error_responses(403, 404, 409, 422)


@router.get("/customers", response_model=Page[CustomerPublic], responses=DOWNLOADS)
async def list_customers(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    search: Annotated[str | None, Query(max_length=100)] = None,
    status: Annotated[list[CustomerStatus] | None, Query()] = None,
    province: Annotated[str | None, Query(max_length=20)] = None,
    city: Annotated[str | None, Query(max_length=30)] = None,
    product_domain_id: RowId | None = None,
    contact_user_id: Annotated[
        RowId | None, Query(description="The contact salesperson (业务员)")
    ] = None,
    agent_id: RowId | None = None,
    stage: Annotated[
        ProjectStage | None, Query(description="Project status: the most advanced stage")
    ] = None,
    near_expiry: bool = False,
    followup_overdue: bool = False,
    todo: Annotated[
        TodoKind | None,
        Query(
            description="One kind of the caller's to-do strip (GET /customers/todo): "
            "turning_red (= near_expiry), overdue (= followup_overdue), unread (comments the "
            "caller has not read), answered (a question's first vendor answer in the last "
            "recent_days), decided (a registration or extension approved or rejected in the "
            "last recent_days). Combines with the other filters."
        ),
    ] = None,
    sort: Annotated[
        str | None,
        Query(
            max_length=30,
            description="name, protection_until, created_at, updated_at, annual_mcu_usage_wan",
        ),
    ] = None,
    format: ExportFormat = "json",
) -> Page[CustomerPublic] | Response:
    """The caller's customers (scoped by role), filtered, sorted and paged; or all of them as
    .xlsx or CSV."""
    rules, at = await current_rules(session), now()
    work = worklist(principal, rules, at)
    filters = CustomerFilters(
        search=search,
        statuses=status,
        province=province,
        city=city,
        product_domain_id=product_domain_id,
        contact_user_id=contact_user_id,
        agent_id=agent_id,
        near_expiry_before=work.near_expiry_before if near_expiry else None,
        followup_overdue_at=work.followup_overdue_at if followup_overdue else None,
        stage=stage,
        todo=(todo, work) if todo else None,
        sort=sort,
    )

    async def fetch(db: AsyncSession, page: PageParams) -> Page[CustomerPublic]:
        rows, total = await repository.list_customers(db, principal, page, filters)
        return Page(items=await views.public_page(db, principal, rows, rules, at), total=total)

    return await answer_page(request, session, page, format, exports.CUSTOMERS, fetch)


@router.get("/customers/todo")
async def read_todo(session: Session, principal: CurrentPrincipal) -> TodoStrip:
    """How many of the caller's customers each to-do kind holds (the home page's strip)."""
    return await service.todo_strip(session, principal)


@router.post("/customers/reassign", responses=ERRORS)
async def reassign_customers(
    body: ReassignIn, session: Session, principal: CurrentPrincipal
) -> ReassignOut:
    """Hand customers to other salespeople of the agent, dealt in turn (master account)."""
    return await reassignment.reassign(session, principal, body)


@router.get("/customers/{customer_id}", responses=error_responses(404))
async def read_customer(
    customer_id: RowId, session: Session, principal: CurrentPrincipal
) -> CustomerPublic:
    """One customer the caller may see."""
    customer = await repository.get_visible(session, principal, customer_id, brief=True)
    return await views.public(session, principal, customer)


@router.patch("/customers/{customer_id}", responses=ERRORS)
async def update_customer(
    customer_id: RowId, body: CustomerUpdate, session: Session, principal: CurrentPrincipal
) -> CustomerPublic:
    """Complete or correct a customer's details."""
    customer = await service.update_details(session, principal, customer_id, body)
    return await views.public(session, principal, customer)


@router.put("/customers/{customer_id}/contact", responses=ERRORS)
async def assign_contact(
    customer_id: RowId, body: ContactAssignment, session: Session, principal: CurrentPrincipal
) -> CustomerPublic:
    """Hand the customer to another salesperson of the agent (master account)."""
    customer = await service.assign_contact(session, principal, customer_id, body.contact_user_id)
    return await views.public(session, principal, customer)


@router.put("/customers/{customer_id}/faes", responses=ERRORS)
async def assign_faes(
    customer_id: RowId, body: FaeAssignment, session: Session, principal: CurrentPrincipal
) -> CustomerPublic:
    """Set the FAEs who help on the customer's projects (master account)."""
    customer = await service.assign_faes(session, principal, customer_id, body.fae_user_ids)
    return await views.public(session, principal, customer)


@router.post("/customers/{customer_id}/release", responses=ERRORS)
async def release_customer(
    customer_id: RowId, body: ReasonIn, session: Session, principal: CurrentPrincipal
) -> CustomerPublic:
    """Release a protected customer to the pool, with a reason (vendor)."""
    customer = await service.release_by_vendor(session, principal, customer_id, body.reason)
    return await views.public(session, principal, customer)


@router.post("/customers/{customer_id}/review", responses=ERRORS)
async def review_customer(
    customer_id: RowId, body: ReviewIn, session: Session, principal: CurrentPrincipal
) -> CustomerPublic:
    """Periodic review of a mass-production customer: keep or release (vendor)."""
    rules = await current_rules(session)
    customer = await service.review_mass_production(
        session, principal, customer_id, rules, body.keep, body.reason
    )
    return await views.public(session, principal, customer)


@router.post(
    "/customers/{customer_id}/aliases",
    status_code=status.HTTP_201_CREATED,
    responses={**ERRORS, 409: {"model": BlockedOut}},
)
async def add_alias(
    customer_id: RowId, body: AliasIn, session: Session, principal: CurrentPrincipal
) -> AliasPublic:
    """Add another name the customer goes by (英文名, 简称, 曾用名); 409 if it is another's."""
    return AliasPublic.model_validate(
        await service.add_alias(session, principal, customer_id, body)
    )


@router.delete(
    "/customers/{customer_id}/aliases/{alias_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=ERRORS,
)
async def remove_alias(
    customer_id: RowId, alias_id: RowId, session: Session, principal: CurrentPrincipal
) -> None:
    """Remove one of the customer's other names."""
    await service.remove_alias(session, principal, customer_id, alias_id)


@router.put("/customers/{customer_id}/name", responses={**ERRORS, 409: {"model": BlockedOut}})
async def rename_customer(
    customer_id: RowId, body: RenameIn, session: Session, principal: CurrentPrincipal
) -> CustomerPublic:
    """Correct the official name, checked like a registration; the old one becomes 曾用名."""
    customer = await service.rename(session, principal, customer_id, body)
    return await views.public(session, principal, customer)


@router.put("/customers/{customer_id}/group", responses=ERRORS)
async def link_to_group(
    customer_id: RowId, body: GroupLinkIn, session: Session, principal: CurrentPrincipal
) -> CustomerPublic:
    """Make the customer a branch or subsidiary of another (vendor)."""
    customer = await service.link_to_group(session, principal, customer_id, body)
    return await views.public(session, principal, customer)


@router.delete("/customers/{customer_id}/group", responses=ERRORS)
async def leave_group(
    customer_id: RowId, session: Session, principal: CurrentPrincipal
) -> CustomerPublic:
    """Take the customer out of its group (vendor)."""
    customer = await service.leave_group(session, principal, customer_id)
    return await views.public(session, principal, customer)
