from pydantic import BaseModel, Field


class Compliance(BaseModel):
    """Follow-up compliance of an agent or of one of its salespeople over the period."""

    protected_customers: int = Field(description="Protected customers now")
    overdue_customers: int = Field(description="Protected customers overdue for a report now")
    reports: int = Field(description="Follow-up reports dated in the period")
    reports_per_customer_month: float | None = Field(
        description="reports / protected customers / months; null without protected customers"
    )
    reports_by_month: list[int] = Field(description="Reports per month of `months`")
    registrations_approved: int = Field(description="Registrations approved in the period")
    registrations_rejected: int = Field(description="Registrations rejected in the period")
    orders: int = Field(description="Orders with a contract date in the period (not deleted)")
    order_quantity: int
    quantity_by_month: list[int] = Field(description="Ordered units per month of `months`")


class SalespersonScore(Compliance):
    user_id: int
    name: str
    is_active: bool


class AgentScore(Compliance):
    agent_id: int
    name: str
    forecast_quantity: float = Field(
        description="Forecast made a month ahead for the passed months of the period"
    )
    shipped_quantity: int = Field(description="Shipped in the passed months of the period")
    forecast_accuracy_pct: float | None = Field(
        description="100 × (1 − Σ|shipped − forecast| / Σ shipped), at least 0; null when "
        "nothing was shipped in the passed months"
    )
    salespeople: list[SalespersonScore]


class Scorecard(BaseModel):
    months: list[str] = Field(description="The period's months, YYYY-MM, oldest first")
    date_from: str
    date_to: str
    forecast_months: list[str] = Field(description="The passed months forecast accuracy covers")
    agents: list[AgentScore]
