from typing import Annotated

from fastapi import Depends, Query, Request, Response, status

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import AsyncSession, Session
from api.exporting import DOWNLOADS, answer_page
from api.kit.clock import now
from api.kit.errors import error_responses
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params
from api.pool import exports, repository
from api.pool.schemas import PoolCustomer
from api.registrations import service as registrations
from api.registrations import views as registration_views
from api.registrations.schemas import PoolApplication, RegistrationPublic
from api.rules.service import current_rules

router = protected_router("pool")


@router.get("/pool", response_model=Page[PoolCustomer], responses=DOWNLOADS)
async def list_pool(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    search: Annotated[str | None, Query(max_length=100)] = None,
    province: Annotated[str | None, Query(max_length=20)] = None,
    city: Annotated[str | None, Query(max_length=30)] = None,
    product_domain_id: RowId | None = None,
    sort: Annotated[
        str | None, Query(max_length=30, description="name, released_at, annual_mcu_usage_wan")
    ] = None,
    format: ExportFormat = "json",
) -> Page[PoolCustomer] | Response:
    """Open customers in the resource pool, public fields only; JSON (paged), .xlsx or CSV.
    `cooldown_until` tells the agent that released one when it may apply again."""
    rules, at = await current_rules(session), now()

    async def fetch(db: AsyncSession, page: PageParams) -> Page[PoolCustomer]:
        rows, total = await repository.list_pool(
            db,
            principal,
            page,
            search=search,
            province=province,
            city=city,
            product_domain_id=product_domain_id,
            sort=sort,
        )
        items = [
            PoolCustomer.model_validate(c).model_copy(
                update={"cooldown_until": registrations.cooldown_until(c, principal, rules, at)}
            )
            for c in rows
        ]
        return Page(items=items, total=total)

    return await answer_page(request, session, page, format, exports.POOL, fetch)


@router.post(
    "/pool/{customer_id}/apply",
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(403, 404, 409, 422),
)
async def apply_from_pool(
    customer_id: RowId, body: PoolApplication, session: Session, principal: CurrentPrincipal
) -> RegistrationPublic:
    """Apply to register a pool customer (creates a pending registration)."""
    rules = await current_rules(session)
    registration = await registrations.apply_from_pool(session, principal, customer_id, body, rules)
    return registration_views.public(principal, registration)
