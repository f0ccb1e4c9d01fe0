"""Shipment statistics (销售出货统计, SPEC §10): quantity and amount by period and dimension,
against the previous period. Starts from the caller's readable orders, like every list."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from api.authz.policy import reads_month_totals
from api.authz.principal import Principal
from api.db import AsyncSession
from api.kit.clock import add_months, month_key
from api.stats import repository
from api.stats.schemas import Dimension, Granularity, ShipmentRow, ShipmentStats

CENT = Decimal("0.01")


def period_of(day: date, granularity: Granularity) -> str:
    if granularity is Granularity.MONTH:
        return month_key(day)
    if granularity is Granularity.QUARTER:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def periods_between(start: date, end: date, granularity: Granularity) -> list[str]:
    found, day = [], start
    while day <= end:
        label = period_of(day, granularity)
        if label not in found:
            found.append(label)
        day = add_months(day.replace(day=1), 1)
    return found


@dataclass
class _Tally:
    label: str
    quantity: int = 0
    previous: int = 0
    amounts: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    by_period: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def row(self, key: str, periods: list[str]) -> ShipmentRow:
        change = (
            None
            if not self.previous
            else round((self.quantity - self.previous) * 100 / self.previous, 1)
        )
        return ShipmentRow(
            key=key,
            label=self.label,
            quantity=self.quantity,
            # Summed exactly, rounded half up to the cent; a JSON number only at the edge.
            amounts={
                c: float(a.quantize(CENT, ROUND_HALF_UP)) for c, a in sorted(self.amounts.items())
            },
            previous_quantity=self.previous,
            change_pct=change,
            by_period={p: self.by_period.get(p, 0) for p in periods},
        )


async def shipments(
    session: AsyncSession,
    principal: Principal,
    *,
    granularity: Granularity,
    dimension: Dimension,
    date_from: date,
    date_to: date,
    agent_id: int | None = None,
    top: int | None = None,
) -> ShipmentStats:
    """Rows per dimension value, best first; with `top`, the rest summed as one row "其他"."""
    span = date_to - date_from
    previous_from = date_from - span - timedelta(days=1)
    periods = periods_between(date_from, date_to, granularity)
    tallies: dict[str, _Tally] = {}
    total = _Tally(label="合计")
    for day, key, label, currency, quantity, amount in await _shipments_by_day(
        session, principal, dimension, (previous_from, date_from, date_to), agent_id
    ):
        if dimension is Dimension.NONE:
            name, label = "all", "全部"
        else:
            name = str(key)
        tally = tallies.setdefault(name, _Tally(label=str(label) if label is not None else "—"))
        current = day >= date_from
        for target in (tally, total):
            if current:
                target.quantity += quantity
                target.by_period[period_of(day, granularity)] += quantity
                if amount is not None:
                    target.amounts[currency or "CNY"] += amount
            else:
                target.previous += quantity
    ranked = sorted(tallies.items(), key=lambda item: (-item[1].quantity, item[1].label))
    if top is not None and len(ranked) > top:
        rest = _Tally(label="其他")
        for _, tally in ranked[top:]:
            rest.quantity += tally.quantity
            rest.previous += tally.previous
            for currency, amount in tally.amounts.items():
                rest.amounts[currency] += amount
            for period, quantity in tally.by_period.items():
                rest.by_period[period] += quantity
        ranked = [*ranked[:top], ("other", rest)]
    return ShipmentStats(
        granularity=granularity,
        group_by=dimension,
        date_from=date_from.isoformat(),
        date_to=date_to.isoformat(),
        periods=periods,
        rows=[tally.row(key, periods) for key, tally in ranked],
        total=total.row("total", periods),
    )


async def _shipments_by_day(
    session: AsyncSession,
    principal: Principal,
    dimension: Dimension,
    span: tuple[date, date, date],
    agent_id: int | None,
) -> list[repository.DailyShipment]:
    """The shipments from `previous_from` to `date_to`, each dated on the right side of
    `date_from`. The vendor's by agent, model or domain come from the month totals where a
    month's contract dates lie within the range and on one side of `date_from` (whole months,
    the month still running); the lines of the other months are summed per day."""
    previous_from, date_from, date_to = span
    if not (reads_month_totals(principal) and dimension in repository.MONTH_DIMENSIONS):
        return await repository.daily_shipments(
            session, principal, dimension, [(previous_from, date_to)], agent_id
        )
    months: dict[date, list[repository.MonthShipment]] = defaultdict(list)
    for total in await repository.month_shipments(
        session, principal, dimension, previous_from.replace(day=1), date_to, agent_id
    ):
        months[total.month].append(total)
    found, by_lines = [], []
    for month, totals in months.items():
        first, last = min(t.first_day for t in totals), max(t.last_day for t in totals)
        if previous_from <= first and last <= date_to and (last < date_from or first >= date_from):
            found += [repository.DailyShipment(first, *t[1:6]) for t in totals]
        else:
            month_end = add_months(month, 1) - timedelta(days=1)
            by_lines.append((max(month, previous_from), min(month_end, date_to)))
    if by_lines:
        found += await repository.daily_shipments(session, principal, dimension, by_lines, agent_id)
    return found


def table(stats: ShipmentStats) -> tuple[list[str], list[list[Any]]]:
    """The statistics as one table (the export): the same numbers as the JSON."""
    currencies = sorted({c for r in [*stats.rows, stats.total] for c in r.amounts})
    headers = ["key", "label", "quantity", "previous_quantity", "change_pct"]
    headers += [f"amount_{c}" for c in currencies] + stats.periods
    rows = [
        [r.key, r.label, r.quantity, r.previous_quantity, r.change_pct]
        + [r.amounts.get(c, 0.0) for c in currencies]
        + [r.by_period[p] for p in stats.periods]
        for r in [*stats.rows, stats.total]
    ]
    return headers, rows
