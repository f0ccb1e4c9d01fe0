"""A's protected customer with projects made the real way: through a follow-up report."""

from dataclasses import dataclass
from datetime import timedelta

import pytest

from api.kit.clock import now


@dataclass
class Book:
    customer_id: int
    cooker: int  # project with MCU model CD32F030C8T6, domain 小家电
    fan: int  # project with CD32G431CBT6, domain 电机控制
    draft: int  # project without an MCU model yet
    cooker_model: int
    fan_model: int
    small_appliances: int
    motor_control: int


@pytest.fixture
async def book(client, factory, world) -> Book:  # type: ignore[no-untyped-def]
    return await make_book(client, factory, world)


async def make_book(client, factory, world) -> Book:  # type: ignore[no-untyped-def]
    customer = await factory.customer(
        world.agent_a,
        world.a_sales,
        name="佛山市美达小家电有限公司",
        protection_until=now() + timedelta(days=90),
    )
    cooker_model, fan_model = (
        await factory.mcu_id("CD32F030C8T6"),
        await factory.mcu_id("CD32G431CBT6"),
    )
    small, motor = await factory.domain_id("小家电"), await factory.domain_id("电机控制")
    entries = [
        {
            "new_project": {"name": "IH电饭煲"},
            "stage": "mass_production",
            "product_domain_id": small,
            "mcu_model_id": cooker_model,
            "annual_volume": 120000,
        },
        {
            "new_project": {"name": "无刷风扇"},
            "stage": "small_batch",
            "product_domain_id": motor,
            "mcu_model_id": fan_model,
            "annual_volume": 60000,
        },
        {
            "new_project": {"name": "新品预研"},
            "stage": "lead",
            "product_domain_id": small,
            "annual_volume": 0,
        },
    ]
    report = await client.post(
        f"/api/v1/customers/{customer.id}/reports",
        json={"customer_news": "客户订单稳定", "entries": entries},
        headers=world.a_sales.headers,
    )
    assert report.status_code == 201, report.text
    ids = {e["project"]["name"]: e["project"]["id"] for e in report.json()["entries"]}
    return Book(
        customer.id,
        ids["IH电饭煲"],
        ids["无刷风扇"],
        ids["新品预研"],
        cooker_model,
        fan_model,
        small,
        motor,
    )


def order(number: str = "SO-2026-001", day: str | None = None, **line) -> dict:  # type: ignore[no-untyped-def]
    from api.kit.clock import today

    return {
        "order_number": number,
        "contract_date": day or today().isoformat(),
        "lines": [{"quantity": 1000, **line}],
    }


async def assert_month_totals_match_the_lines(session):  # type: ignore[no-untyped-def]
    """The month totals as the order writes left them hold what summing the live lines afresh
    gives; a cell's days may be wider (a delete does not narrow them) but hold every line summed
    there. Returns the cells that still sum a line; the rebuild is rolled back."""
    from sqlmodel import col, select

    from api.orders.models import ShipmentMonth
    from api.orders.service import rebuild_shipment_totals

    async def cells():  # type: ignore[no-untyped-def]
        rows = await session.scalars(select(ShipmentMonth).where(col(ShipmentMonth.lines) > 0))
        return {
            (r.month, r.agent_id, r.mcu_model_id, r.product_domain_id, r.currency): (
                (r.lines, r.quantity, r.priced_lines, r.amount),
                (r.first_day, r.last_day),
            )
            for r in rows.all()
        }

    kept = await cells()
    await rebuild_shipment_totals(session)
    rebuilt = await cells()
    await session.rollback()
    assert {cell: sums for cell, (sums, _) in kept.items()} == {
        cell: sums for cell, (sums, _) in rebuilt.items()
    }
    for cell, (_, (first, last)) in rebuilt.items():
        kept_first, kept_last = kept[cell][1]
        assert kept_first <= first and last <= kept_last, cell
    return kept
