"""Demo sales records over the last months and forecast snapshots before them, so statistics,
forecast and accuracy screens show real content (SPEC §12)."""

from datetime import timedelta
from decimal import Decimal

from api.customers.models import Customer
from api.db import AsyncSession
from api.demo import repository
from api.forecast.models import ForecastSnapshot
from api.kit.clock import month_key, shift_month, today
from api.orders.models import Order, OrderLine
from api.orders.service import rebuild_shipment_totals

# customer, project, monthly base quantity, unit price (CNY) or None
DEMO_SHIPMENTS = [
    ("佛山市美达小家电有限公司", "IH电饭煲主控", 38000, "2.35"),
    ("深圳市宏图智能科技有限公司", "智能遥控器", 9000, "1.10"),
    ("上海华测仪器仪表有限公司", "智能电表", 4000, None),
]
MONTHS = 6


async def seed_orders(session: AsyncSession) -> None:
    customers = {c.name: c for c in await repository.all_rows(session, Customer)}
    assistants = {u.agent_id: u for u in await repository.order_takers(session)}
    this_month = today().replace(day=1)
    for number, (customer_name, project_name, base, price) in enumerate(DEMO_SHIPMENTS, start=1):
        customer = customers[customer_name]
        project = await repository.project_named(session, customer.id or 0, project_name)
        assert project is not None and project.mcu_model_id is not None
        for back in range(MONTHS, 0, -1):
            day = this_month - timedelta(days=30 * back - 12)
            quantity = base + (back * 1700 + number * 900) % (base // 3 or 1)
            session.add(
                Order(
                    customer_id=customer.id or 0,
                    agent_id=customer.agent_id or 0,
                    order_number=f"SO{day:%Y%m}-{number:03d}",
                    contract_date=day,
                    created_by_id=assistants[customer.agent_id].id or 0,
                    lines=[
                        OrderLine(
                            project_id=project.id or 0,
                            mcu_model_id=project.mcu_model_id,
                            product_domain_id=project.product_domain_id,
                            quantity=quantity,
                            unit_price=Decimal(price) if price else None,
                            currency="CNY" if price else None,
                            batches=[f"{day:%y%m}{n:02d}" for n in range(1, 2 + back % 4)],
                        )
                    ],
                )
            )
            # What the forecast said a month before (demo history for the accuracy chart).
            target = month_key(day)
            session.add(
                ForecastSnapshot(
                    made_in=shift_month(target, -1),
                    target_month=target,
                    mcu_model_id=project.mcu_model_id,
                    agent_id=customer.agent_id or 0,
                    quantity=round(base * (1.1 if back % 2 else 0.92), 1),
                )
            )
    await session.flush()
    await rebuild_shipment_totals(session)  # the orders above bypassed the service
