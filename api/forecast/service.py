"""Demand forecast (订单预期判断, SPEC §10): from every active project's annual volume, stage
probability and milestone, the expected units per MCU model per month."""

from collections import defaultdict

from api.authz.principal import Principal
from api.db import AsyncSession
from api.forecast import repository
from api.forecast.schemas import ForecastRow, ModelMonths
from api.kit.clock import month_key, shift_month
from api.rules.models import Rules

# (month, model id, model, agent id, agent, domain id, domain, stage): one forecast row
Cell = tuple[str, int, str, int, str, int, str, str]


def horizon(start: str, months: int) -> list[str]:
    return [shift_month(start, n) for n in range(months)]


async def compute(
    session: AsyncSession,
    principal: Principal,
    rules: Rules,
    *,
    start_month: str,
    months: int,
    mcu_model_id: int | None = None,
    agent_id: int | None = None,
    product_domain_id: int | None = None,
) -> list[ForecastRow]:
    """Each project of a protected customer (the current agent's) with our MCU model expects
    annual_volume / 12 × P(stage) units a month, from its milestone's month (or now) on."""
    months_ahead = horizon(start_month, months)
    cells: dict[Cell, float] = defaultdict(float)
    for (
        stage,
        volume,
        milestone,
        model_id,
        model,
        agent,
        agent_name,
        domain_id,
        domain,
    ) in await repository.demand_sources(
        session,
        principal,
        mcu_model_id=mcu_model_id,
        agent_id=agent_id,
        product_domain_id=product_domain_id,
    ):
        probability = rules.stage_probabilities.get(str(stage), 0.0)
        if probability <= 0:
            continue
        starts = month_key(milestone) if milestone else start_month
        for month in months_ahead:
            if month >= starts:
                cells[
                    (month, model_id, model, agent, agent_name, domain_id, domain, str(stage))
                ] += volume / 12 * probability
    return [
        ForecastRow(
            month=month,
            mcu_model_id=model_id,
            mcu_model=model,
            agent_id=agent,
            agent=agent_name,
            product_domain_id=domain_id,
            product_domain=domain,
            stage=stage,
            quantity=round(quantity, 1),
        )
        for (
            month,
            model_id,
            model,
            agent,
            agent_name,
            domain_id,
            domain,
            stage,
        ), quantity in sorted(cells.items())
    ]


def by_model(rows: list[ForecastRow], months: list[str]) -> list[ModelMonths]:
    totals: dict[tuple[int, str], dict[str, float]] = defaultdict(
        lambda: dict.fromkeys(months, 0.0)
    )
    for row in rows:
        totals[(row.mcu_model_id, row.mcu_model)][row.month] += row.quantity
    return [
        ModelMonths(
            mcu_model_id=model_id,
            mcu_model=model,
            by_month={m: round(q, 1) for m, q in per_month.items()},
            total=round(sum(per_month.values()), 1),
        )
        for (model_id, model), per_month in sorted(totals.items(), key=lambda item: item[0][1])
    ]
