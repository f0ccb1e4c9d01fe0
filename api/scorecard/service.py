"""The agents' follow-up compliance (考核, issue 12 §2), per agent and per salesperson.

Over a period of whole calendar months (the last one up to today):

- overdue customers: protected customers without a report for the follow-up interval, *now*
  (the same rule as the customer list's filter), by the customer's contact salesperson;
- reports per customer per month: reports dated in the period ÷ protected customers now ÷
  months; a salesperson's reports are the ones they wrote, their customers the ones they are
  the contact of;
- registrations approved / rejected: decided in the period, by applicant;
- orders and units: contract date in the period, deleted orders left out, by the customer's
  contact salesperson (as the shipment statistics group them);
- forecast accuracy (per agent): for each month of the period that has passed, the forecast
  made the month before (the stored snapshot, all MCU models summed) against the units shipped
  that month; accuracy = 100 × (1 − Σ|shipped − forecast| / Σ shipped), floored at 0. It is
  one minus the volume-weighted absolute error (WAPE), so a month with big volumes counts more
  than a quiet one and a month with nothing shipped cannot divide by zero; null when nothing
  was shipped in those months.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from api.applications.models import ApplicationStatus
from api.authz.policy import authorize, can_read_scorecard
from api.authz.principal import Principal
from api.db import AsyncSession
from api.kit.clock import CHINA, month_key, now, shift_month
from api.rules.service import current_rules
from api.scorecard import repository
from api.scorecard.schemas import AgentScore, Compliance, SalespersonScore, Scorecard


@dataclass
class _Tally:
    protected: int = 0
    overdue: int = 0
    reports: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    approved: int = 0
    rejected: int = 0
    orders: int = 0
    quantity: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def active(self) -> bool:
        return bool(self.protected or self.reports or self.approved or self.rejected or self.orders)

    def compliance(self, months: list[str]) -> dict[str, Any]:
        reports = sum(self.reports.values())
        return Compliance(
            protected_customers=self.protected,
            overdue_customers=self.overdue,
            reports=reports,
            reports_per_customer_month=(
                round(reports / self.protected / len(months), 2) if self.protected else None
            ),
            reports_by_month=[self.reports.get(m, 0) for m in months],
            registrations_approved=self.approved,
            registrations_rejected=self.rejected,
            orders=self.orders,
            order_quantity=sum(self.quantity.values()),
            quantity_by_month=[self.quantity.get(m, 0) for m in months],
        ).model_dump()


def period_months(end_month: str, months: int) -> list[str]:
    return [shift_month(end_month, -n) for n in range(months - 1, -1, -1)]


def forecast_accuracy(forecast: dict[str, float], shipped: dict[str, int]) -> float | None:
    """100 × (1 − Σ|shipped − forecast| / Σ shipped) over the months given, at least 0."""
    total = sum(shipped.values())
    if not total:
        return None
    error = sum(abs(shipped.get(m, 0) - forecast.get(m, 0.0)) for m in {*forecast, *shipped})
    return round(max(0.0, 1 - error / total) * 100, 1)


async def scorecard(
    session: AsyncSession, principal: Principal, *, end_month: str, months: int, today: date
) -> Scorecard:
    """Every agent the caller may see, best known first by name, each with its salespeople."""
    authorize(can_read_scorecard(principal))
    period = period_months(end_month, months)
    last_day = min(today, repository.first_day(shift_month(end_month, 1)) - timedelta(days=1))
    passed = [m for m in period if m < month_key(today)]
    at = now()
    rules = await current_rules(session)

    agent_tallies: dict[int, _Tally] = defaultdict(_Tally)
    person_tallies: dict[tuple[int, int], _Tally] = defaultdict(_Tally)

    def tallies(agent: int, user: int | None) -> list[_Tally]:
        found = [agent_tallies[agent]]
        if user is not None:
            found.append(person_tallies[(agent, user)])
        return found

    cutoff = at - timedelta(days=rules.followup_interval_days)
    for c in await repository.customer_counts(session, principal, cutoff):
        for t in tallies(c.agent_id, c.contact_user_id):
            t.protected += c.protected
            t.overdue += c.overdue
    for r in await repository.monthly_reports(session, principal, period, last_day):
        for t in tallies(r.agent_id, r.user_id):
            t.reports[r.month] += r.number
    for o in await repository.monthly_orders(session, principal, period, last_day):
        for t in tallies(o.agent_id, o.user_id):
            t.orders += o.number
            t.quantity[o.month] += o.quantity
    start = datetime.combine(repository.first_day(period[0]), time(), CHINA)
    end = datetime.combine(last_day + timedelta(days=1), time(), CHINA)
    for d in await repository.decisions(session, principal, start, end):
        for t in tallies(d.agent_id, d.applicant_id):
            if d.status is ApplicationStatus.APPROVED:
                t.approved += d.number
            else:
                t.rejected += d.number
    forecast: dict[int, dict[str, float]] = defaultdict(dict)
    for cell in await repository.forecasts_a_month_ahead(session, passed):
        forecast[cell.agent_id][cell.month] = cell.quantity

    people_of: dict[int, list[repository.Person]] = defaultdict(list)
    for person in await repository.people(session, principal):
        people_of[person.agent_id].append(person)
    rows = []
    for agent in await repository.agents(session, principal):
        agent_id = agent.id or 0
        tally = agent_tallies.get(agent_id, _Tally())
        if not agent.is_active and not tally.active:
            continue
        shipped = {m: tally.quantity.get(m, 0) for m in passed}
        salespeople = [
            SalespersonScore(
                user_id=p.user_id,
                name=p.name,
                is_active=p.is_active,
                **person_tallies.get((agent_id, p.user_id), _Tally()).compliance(period),
            )
            for p in people_of[agent_id]
            if p.is_active or (agent_id, p.user_id) in person_tallies
        ]
        rows.append(
            AgentScore(
                agent_id=agent_id,
                name=agent.name,
                forecast_quantity=round(sum(forecast[agent_id].values()), 1),
                shipped_quantity=sum(shipped.values()),
                forecast_accuracy_pct=forecast_accuracy(forecast[agent_id], shipped),
                salespeople=salespeople,
                **tally.compliance(period),
            )
        )
    return Scorecard(
        months=period,
        date_from=repository.first_day(period[0]).isoformat(),
        date_to=last_day.isoformat(),
        forecast_months=passed,
        agents=rows,
    )


_COLUMNS = (
    ("代理商", "Agent"),
    ("销售", "Salesperson"),
    ("保护中客户", "Protected customers"),
    ("逾期未跟进客户", "Overdue customers"),
    ("跟进报告", "Reports"),
    ("每客户每月报告", "Reports per customer per month"),
    ("报备通过", "Registrations approved"),
    ("报备驳回", "Registrations rejected"),
    ("订单数", "Orders"),
    ("订货数量", "Units ordered"),
    ("预测数量", "Forecast units"),
    ("出货数量", "Shipped units"),
    ("预测准确率%", "Forecast accuracy %"),
)


def table(card: Scorecard, language: str) -> tuple[list[str], list[list[Any]]]:
    """The scorecard as one sheet: each agent's row ("全部"), then its salespeople, with the
    reports per month last. Headers in the caller's language."""
    en = language == "en"
    headers = [c[1] if en else c[0] for c in _COLUMNS]
    headers += [f"{'Reports' if en else '报告'} {m}" for m in card.months]
    rows: list[list[Any]] = []

    def line(agent: str, person: str, score: Compliance, forecast: list[Any]) -> list[Any]:
        return [
            agent,
            person,
            score.protected_customers,
            score.overdue_customers,
            score.reports,
            score.reports_per_customer_month,
            score.registrations_approved,
            score.registrations_rejected,
            score.orders,
            score.order_quantity,
            *forecast,
            *score.reports_by_month,
        ]

    for a in card.agents:
        forecast = [a.forecast_quantity, a.shipped_quantity, a.forecast_accuracy_pct]
        rows.append(line(a.name, "All" if en else "全部", a, forecast))
        rows.extend(line(a.name, p.name, p, [None, None, None]) for p in a.salespeople)
    return headers, rows
