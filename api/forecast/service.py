"""Demand forecast (订单预期判断, SPEC §10): from every active project's annual volume, stage
probability and milestone, the expected units per MCU model per month."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from api.authz.principal import Principal
from api.db import AsyncSession
from api.forecast import repository
from api.forecast.schemas import ForecastRow, ModelMonths, StageMonths
from api.kit.clock import shift_month
from api.rules.models import Rules

K = TypeVar("K")


def horizon(start: str, months: int) -> list[str]:
    return [shift_month(start, n) for n in range(months)]


def _first_day(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


@dataclass(frozen=True)
class Cell:
    """One line of the forecast: an MCU model and a stage (and, in detail, an agent and a
    product domain)."""

    mcu_model_id: int
    agent_id: int | None
    product_domain_id: int | None
    stage: str


@dataclass
class Demand:
    """Expected units per cell and month of the horizon (unrounded), with the names to show."""

    months: list[str]
    cells: dict[Cell, list[float]]
    part_numbers: dict[int, str]
    agent_names: dict[int, str]
    domain_names: dict[int, str]

    def rows(self) -> list[ForecastRow]:
        """One row per month and cell with demand, by month, then model, agent, domain, stage
        (computed with `detail`)."""
        rows = [
            ForecastRow(
                month=month,
                mcu_model_id=cell.mcu_model_id,
                mcu_model=self.part_numbers.get(cell.mcu_model_id, ""),
                agent_id=cell.agent_id or 0,
                agent=self.agent_names.get(cell.agent_id or 0, ""),
                product_domain_id=cell.product_domain_id or 0,
                product_domain=self.domain_names.get(cell.product_domain_id or 0, ""),
                stage=cell.stage,
                quantity=round(quantity, 1),
            )
            for cell, per_month in self.cells.items()
            for month, quantity in zip(self.months, per_month, strict=True)
            if quantity
        ]
        return sorted(
            rows,
            key=lambda r: (r.month, r.mcu_model_id, r.agent_id, r.product_domain_id, r.stage),
        )

    def by_model(self) -> list[ModelMonths]:
        totals = self._summed(lambda cell: cell.mcu_model_id)
        return sorted(
            (
                ModelMonths(
                    mcu_model_id=model_id,
                    mcu_model=self.part_numbers.get(model_id, ""),
                    by_month=self._rounded(per_month),
                    total=round(sum(per_month), 1),
                )
                for model_id, per_month in totals.items()
            ),
            key=lambda m: m.mcu_model,
        )

    def by_stage(self, pipeline: Iterable[str]) -> list[StageMonths]:
        """Per stage, in pipeline order (the chart stacks them)."""
        totals = self._summed(lambda cell: cell.stage)
        return [
            StageMonths(
                stage=stage,
                by_month=self._rounded(totals[stage]),
                total=round(sum(totals[stage]), 1),
            )
            for stage in pipeline
            if stage in totals
        ]

    def by_month_model_agent(self) -> dict[tuple[str, int, int], float]:
        """What a monthly snapshot keeps (computed with `detail`)."""
        kept: dict[tuple[str, int, int], float] = defaultdict(float)
        for cell, per_month in self.cells.items():
            for month, quantity in zip(self.months, per_month, strict=True):
                if quantity:
                    kept[(month, cell.mcu_model_id, cell.agent_id or 0)] += quantity
        return kept

    def _summed(self, key: Callable[[Cell], K]) -> dict[K, list[float]]:
        totals: dict[K, list[float]] = {}
        for cell, per_month in self.cells.items():
            total = totals.setdefault(key(cell), [0.0] * len(self.months))
            for n, quantity in enumerate(per_month):
                total[n] += quantity
        return totals

    def _rounded(self, per_month: list[float]) -> dict[str, float]:
        return {m: round(q, 1) for m, q in zip(self.months, per_month, strict=True)}


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
    detail: bool = False,
) -> Demand:
    """Each project of a protected customer (the current agent's) with our MCU model expects
    annual_volume / 12 × P(stage) units a month, from its milestone's month (or now) on. Per
    model and stage; per agent and product domain too with `detail` (the rows, the snapshot)."""
    months_ahead = horizon(start_month, months)
    position = {month: n for n, month in enumerate(months_ahead)}
    cells: dict[Cell, list[float]] = {}
    for group in await repository.demand_groups(
        session,
        principal,
        first_day=_first_day(start_month),
        end_day=_first_day(shift_month(start_month, months)),
        mcu_model_id=mcu_model_id,
        agent_id=agent_id,
        product_domain_id=product_domain_id,
        detail=detail,
    ):
        probability = rules.stage_probabilities.get(group.stage, 0.0)
        if probability <= 0:
            continue
        cell = Cell(group.mcu_model_id, group.agent_id, group.product_domain_id, group.stage)
        per_month = cells.setdefault(cell, [0.0] * months)
        monthly = group.annual_volume / 12 * probability
        for n in range(position.get(group.from_month or start_month, 0), months):
            per_month[n] += monthly
    return Demand(
        months_ahead,
        cells,
        await repository.part_numbers(session),
        await repository.agent_names(session),
        await repository.domain_names(session),
    )
