"""Monthly forecast snapshots and the accuracy judged against them (SPEC §10)."""

from collections import defaultdict
from datetime import date, datetime

from api.authz.policy import authorize
from api.authz.principal import SYSTEM, Principal
from api.authz.roles import Role
from api.db import AsyncSession
from api.forecast import repository
from api.forecast.models import ForecastSnapshot
from api.forecast.schemas import AccuracyPoint, AccuracySeries, ForecastAccuracy
from api.forecast.service import compute
from api.kit.clock import CHINA, month_key, shift_month
from api.rules.models import Rules

SNAPSHOT_MONTHS = 12


async def take_snapshot(session: AsyncSession, rules: Rules, at: datetime) -> int:
    """Store this month's forecast (vendor-wide, per model and agent) unless already stored.
    Safe to run from several servers: the unique cell constraint keeps one copy."""
    made_in = month_key(at.astimezone(CHINA))  # the month where the users are
    if await repository.snapshot_taken(session, made_in):
        return 0
    demand = await compute(
        session, SYSTEM, rules, start_month=made_in, months=SNAPSHOT_MONTHS, detail=True
    )
    cells = demand.by_month_model_agent()
    session.add_all(
        ForecastSnapshot(
            made_in=made_in,
            target_month=month,
            mcu_model_id=model,
            agent_id=agent,
            quantity=round(q, 1),
        )
        for (month, model, agent), q in cells.items()
    )
    return len(cells)


async def accuracy(
    session: AsyncSession, principal: Principal, *, today: date, months_back: int, lead: int = 1
) -> ForecastAccuracy:
    """For each of the last `months_back` whole months: what the forecast made `lead` months
    before said, against what was shipped; MAPE per MCU model and per agent. The vendor sees all
    agents; agent master accounts and assistants their own agent."""
    authorize(principal.role in (Role.VENDOR, Role.AGENT_ADMIN, Role.ASSISTANT))
    current = month_key(today)
    targets = [shift_month(current, -n) for n in range(months_back, 0, -1)]
    forecast: dict[tuple[str, int, int], float] = defaultdict(float)
    made_in = [shift_month(t, -lead) for t in targets]
    for snap in await repository.snapshots(session, principal, targets, made_in):
        if snap.made_in == shift_month(snap.target_month, -lead):
            forecast[(snap.target_month, snap.mcu_model_id, snap.agent_id)] += snap.quantity
    actual = await _shipped(session, principal, targets[0], current)
    return ForecastAccuracy(
        lead_months=lead,
        by_model=_series(targets, forecast, actual, 1, await repository.part_numbers(session)),
        by_agent=_series(targets, forecast, actual, 2, await repository.agent_names(session)),
    )


async def _shipped(
    session: AsyncSession, principal: Principal, first: str, before: str
) -> dict[tuple[str, int, int], int]:
    start = date(int(first[:4]), int(first[5:7]), 1)
    end = date(int(before[:4]), int(before[5:7]), 1)
    shipped: dict[tuple[str, int, int], int] = defaultdict(int)
    for day, model, agent, quantity in await repository.shipped_lines(
        session, principal, start, end
    ):
        shipped[(month_key(day), model, agent)] += int(quantity)
    return shipped


def _series(
    targets: list[str],
    forecast: dict[tuple[str, int, int], float],
    actual: dict[tuple[str, int, int], int],
    axis: int,
    labels: dict[int, str],
) -> list[AccuracySeries]:
    keys = sorted({int(k[axis]) for k in [*forecast, *actual]})
    series = []
    for key in keys:
        points = [
            AccuracyPoint(
                month=month,
                forecast=round(
                    sum(q for k, q in forecast.items() if k[0] == month and k[axis] == key), 1
                ),
                actual=sum(q for k, q in actual.items() if k[0] == month and k[axis] == key),
            )
            for month in targets
        ]
        errors = [abs(p.actual - p.forecast) / p.actual for p in points if p.actual > 0]
        mape = round(sum(errors) / len(errors) * 100, 1) if errors else None
        series.append(
            AccuracySeries(key=key, label=labels.get(key, str(key)), points=points, mape=mape)
        )
    return series
