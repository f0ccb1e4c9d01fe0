from typing import Annotated

from fastapi import Depends, status

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import Session
from api.kit.days import Day
from api.kit.errors import error_responses
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params
from api.orders import repository, service
from api.orders.schemas import DeleteIn, OrderIn, OrderPublic

router = protected_router("orders")
ERRORS = error_responses(403, 404, 409, 422)


@router.get("/customers/{customer_id}/orders")
async def list_orders(
    customer_id: RowId,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    date_from: Day | None = None,
    date_to: Day | None = None,
) -> Page[OrderPublic]:
    """A customer's sales records, newest contract first, with their lines."""
    rows, total = await repository.list_orders(
        session, principal, customer_id, page, date_from, date_to
    )
    return Page(items=[OrderPublic.model_validate(o) for o in rows], total=total)


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
