from typing import Annotated

from fastapi import Depends, Path, Query, Request, Response, status

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import AsyncSession, Session
from api.exporting import DOWNLOADS, answer_list, answer_page
from api.kit.days import Day
from api.kit.errors import AppError, error_responses
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params
from api.orders import exports, repository, service
from api.orders.repository import OrderFilters
from api.orders.schemas import BatchCustomer, DeleteIn, OrderIn, OrderPublic

router = protected_router("orders")
ERRORS = error_responses(403, 404, 409, 422)
TRACE_LIMIT = 10_000  # order lines a batch trace reads; a longer batch prefix finds fewer
Number = Annotated[str | None, Query(min_length=1, max_length=50)]


def order_filters(
    batch: Annotated[Number, Query(description="A batch number, or its start")] = None,
    order_number: Annotated[Number, Query(description="An order number, or its start")] = None,
    customer_id: RowId | None = None,
    mcu_model_id: RowId | None = None,
    date_from: Annotated[Day | None, Query(description="First contract date")] = None,
    date_to: Annotated[Day | None, Query(description="Last contract date (inclusive)")] = None,
    entered_on: Annotated[Day | None, Query(description="Recorded on this day (China)")] = None,
    sort: Annotated[
        str | None,
        Query(max_length=30, description="contract_date, order_number, created_at; - for desc"),
    ] = None,
) -> OrderFilters:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise AppError("date_range_invalid", 422)
    return OrderFilters(
        batch=batch,
        order_number=order_number,
        customer_id=customer_id,
        mcu_model_id=mcu_model_id,
        date_from=date_from,
        date_to=date_to,
        entered_on=entered_on,
        sort=sort,
    )


@router.get(
    "/orders",
    response_model=Page[OrderPublic],
    responses={**error_responses(422), **DOWNLOADS},
)
async def search_orders(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    filters: Annotated[OrderFilters, Depends(order_filters)],
    format: ExportFormat = "json",
) -> Page[OrderPublic] | Response:
    """The caller's orders across every customer they may see, newest contract first; JSON
    (paged) or the whole filtered list as .xlsx or CSV, a row per line."""

    async def fetch(db: AsyncSession, page: PageParams) -> Page[OrderPublic]:
        found, total = await repository.search_orders(db, principal, page, filters)
        return Page(items=[OrderPublic.model_validate(o) for o in found], total=total)

    return await answer_page(request, session, page, format, exports.ORDERS, fetch)


@router.get(
    "/batches/{batch}/customers",
    response_model=list[BatchCustomer],
    responses={**error_responses(422), **DOWNLOADS},
)
async def batch_customers(
    batch: Annotated[
        str, Path(min_length=1, max_length=50, description="A batch number or its start")
    ],
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    format: ExportFormat = "json",
) -> list[BatchCustomer] | Response:
    """批次追溯: which of the caller's customers received a batch (or batches starting with it),
    with their orders and units; JSON, .xlsx or CSV."""
    if not batch.strip():
        raise AppError("validation_error", 422, fields="batch")
    found = await service.batch_customers(session, principal, batch, TRACE_LIMIT)
    return await answer_list(request, session, format, exports.BATCH, found)


@router.get(
    "/customers/{customer_id}/orders",
    response_model=Page[OrderPublic],
    responses=DOWNLOADS,
)
async def list_orders(
    customer_id: RowId,
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    date_from: Day | None = None,
    date_to: Day | None = None,
    format: ExportFormat = "json",
) -> Page[OrderPublic] | Response:
    """A customer's sales records, newest contract first, with their lines; JSON (paged), or
    .xlsx or CSV with a row per line."""

    async def fetch(db: AsyncSession, page: PageParams) -> Page[OrderPublic]:
        rows, total = await repository.list_orders(
            db, principal, customer_id, page, date_from, date_to
        )
        return Page(items=[OrderPublic.model_validate(o) for o in rows], total=total)

    return await answer_page(request, session, page, format, exports.ORDERS, fetch)


@router.post(
    "/customers/{customer_id}/orders", status_code=status.HTTP_201_CREATED, responses=ERRORS
)
async def create_order(
    customer_id: RowId, body: OrderIn, session: Session, principal: CurrentPrincipal
) -> OrderPublic:
    """Record an order (assistant or master account)."""
    return OrderPublic.model_validate(await service.create(session, principal, customer_id, body))


@router.get("/orders/{order_id}", responses=error_responses(404))
async def read_order(order_id: RowId, session: Session, principal: CurrentPrincipal) -> OrderPublic:
    """One sales record with its lines."""
    return OrderPublic.model_validate(await repository.get_visible(session, principal, order_id))


@router.put("/orders/{order_id}", responses=ERRORS)
async def update_order(
    order_id: RowId, body: OrderIn, session: Session, principal: CurrentPrincipal
) -> OrderPublic:
    """Correct a sales record (audited)."""
    return OrderPublic.model_validate(await service.update(session, principal, order_id, body))


@router.post("/orders/{order_id}/delete", status_code=status.HTTP_204_NO_CONTENT, responses=ERRORS)
async def delete_order(
    order_id: RowId, body: DeleteIn, session: Session, principal: CurrentPrincipal
) -> None:
    """Delete a sales record with a reason (audited)."""
    await service.delete(session, principal, order_id, body.reason)
