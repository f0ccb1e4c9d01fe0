"""Sales records (销售记录, SPEC §9): entered by the assistant for protected customers."""

from typing import Any

from api.audit.service import record, snapshot
from api.authz.policy import authorize, can_record_orders
from api.authz.principal import Principal
from api.customers import service as customers
from api.customers.models import Customer, CustomerStatus
from api.db import AsyncSession
from api.kit.clock import now, today
from api.kit.errors import AppError, Conflict
from api.orders import repository
from api.orders.models import Order, OrderLine
from api.orders.schemas import BatchCustomer, LineIn, OrderCustomer, OrderIn
from api.orders.totals import month_changes
from api.projects.service import current_projects
from api.users.models import User


async def _contact_name(session: AsyncSession, customer: Customer) -> str:
    contact = (
        await session.get(User, customer.contact_user_id) if customer.contact_user_id else None
    )
    return contact.display_name if contact else "—"


async def _lines(session: AsyncSession, customer: Customer, lines: list[LineIn]) -> list[OrderLine]:
    """Each line's project must be the customer's and have our MCU model; model and domain are
    copied from it. Refusals name the salesperson who must complete the report (SPEC §9)."""
    projects = {p.id: p for p in await current_projects(session, customer)}
    if not projects:
        raise AppError(
            "customer_without_projects", 422, contact=await _contact_name(session, customer)
        )
    built = []
    for line in lines:
        project = projects.get(line.project_id)
        if project is None:
            raise AppError("project_not_of_customer", 422)
        if project.mcu_model_id is None:
            raise AppError(
                "project_without_model",
                422,
                project=project.name,
                contact=await _contact_name(session, customer),
            )
        built.append(
            OrderLine(
                project_id=line.project_id,
                mcu_model_id=project.mcu_model_id,
                product_domain_id=project.product_domain_id,
                quantity=line.quantity,
                unit_price=line.unit_price,
                currency=line.currency,
                batches=line.batches,
            )
        )
    return built


async def _recordable(session: AsyncSession, principal: Principal, customer_id: int) -> Customer:
    customer = await customers.get_visible(session, principal, customer_id)
    authorize(can_record_orders(principal, customer))
    if customer.status is not CustomerStatus.PROTECTED:
        raise AppError("order_needs_protected_customer", 422)
    return customer


def _check_date(data: OrderIn) -> None:
    if data.contract_date > today():
        raise AppError("contract_date_in_future", 422)


async def _save(session: AsyncSession, order: Order) -> None:
    if not await repository.save(session, order):
        raise Conflict("order_number_taken", number=order.order_number)


async def create(
    session: AsyncSession, principal: Principal, customer_id: int, data: OrderIn
) -> Order:
    """Record an order for a customer the agent protects. Raises 403, 404, 409 on a used order
    number (per agent), 422 on a future date or a line that cannot be recorded."""
    customer = await _recordable(session, principal, customer_id)
    _check_date(data)
    order = Order(
        customer_id=customer_id,
        agent_id=customer.agent_id or 0,
        order_number=data.order_number.strip(),
        contract_date=data.contract_date,
        remarks=data.remarks,
        created_by_id=principal.user_id,
        lines=await _lines(session, customer, data.lines),
    )
    await _save(session, order)
    await repository.add_to_month_totals(session, month_changes(order, 1))
    await record(session, principal, "order.create", order, after_extra=_lines_snapshot(order))
    return await repository.get_visible(session, principal, order.id or 0)


async def update(
    session: AsyncSession, principal: Principal, order_id: int, data: OrderIn
) -> Order:
    """Replace an order's header and lines (audited with before and after)."""
    order = await repository.get_visible(session, principal, order_id, for_update=True)
    customer = await _recordable(session, principal, order.customer_id)
    _check_date(data)
    before = {**snapshot(order), **_lines_snapshot(order)}
    taken_away = month_changes(order, -1)
    order.order_number, order.contract_date, order.remarks = (
        data.order_number.strip(),
        data.contract_date,
        data.remarks,
    )
    order.lines = await _lines(session, customer, data.lines)
    order.updated_at = now()
    await _save(session, order)
    await repository.add_to_month_totals(session, month_changes(order, 1, into=taken_away))
    await record(
        session, principal, "order.update", order, before=before, after_extra=_lines_snapshot(order)
    )
    return await repository.get_visible(session, principal, order_id)


async def delete(session: AsyncSession, principal: Principal, order_id: int, reason: str) -> None:
    """Delete with a reason: the order leaves lists and statistics; the audit keeps it."""
    order = await repository.get_visible(session, principal, order_id, for_update=True)
    customer = await customers.get_visible(session, principal, order.customer_id)
    authorize(can_record_orders(principal, customer))
    before = {**snapshot(order), **_lines_snapshot(order)}
    order.deleted_at, order.deleted_reason = now(), reason
    session.add(order)
    await repository.add_to_month_totals(session, month_changes(order, -1))
    await record(session, principal, "order.delete", order, before=before, reason=reason)


async def move_domain_totals(session: AsyncSession, source_id: int, target_id: int) -> None:
    """A product domain merged into another: its month totals join the target's."""
    await repository.move_domain_totals(session, source_id, target_id)


async def rebuild_shipment_totals(session: AsyncSession) -> None:
    """The month totals of shipments summed afresh from the lines (after a bulk load)."""
    await repository.rebuild_month_totals(session)


def _lines_snapshot(order: Order) -> dict[str, Any]:
    return {"lines": [snapshot(line) for line in order.lines]}


async def batch_customers(
    session: AsyncSession, principal: Principal, batch: str, limit: int
) -> list[BatchCustomer]:
    """Which of the caller's visible customers received `batch` (or a batch starting with it),
    each with the matching numbers, its orders and units, by customer name."""
    wanted = batch.strip().casefold()
    found: dict[int, BatchCustomer] = {}
    for line in await repository.batch_deliveries(session, principal, batch, limit):
        matched = [b for b in line.batches if b.casefold().startswith(wanted)]
        entry = found.get(line.customer_id)
        if entry is None:
            found[line.customer_id] = BatchCustomer(
                customer=OrderCustomer(id=line.customer_id, name=line.customer_name),
                batches=sorted(matched),
                order_numbers=[line.order_number],
                quantity=line.quantity,
                first_date=line.contract_date,
                last_date=line.contract_date,
            )
            continue
        entry.batches = sorted({*entry.batches, *matched})
        if line.order_number not in entry.order_numbers:
            entry.order_numbers.append(line.order_number)
        entry.quantity += line.quantity
        entry.first_date = min(entry.first_date, line.contract_date)
        entry.last_date = max(entry.last_date, line.contract_date)
    return list(found.values())
