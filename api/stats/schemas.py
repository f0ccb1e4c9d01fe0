from enum import StrEnum

from pydantic import BaseModel, Field


class Granularity(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class Dimension(StrEnum):
    NONE = "none"
    AGENT = "agent"
    SALESPERSON = "salesperson"
    CUSTOMER = "customer"
    MCU_MODEL = "mcu_model"
    PRODUCT_DOMAIN = "product_domain"
    REGION = "region"


class ShipmentRow(BaseModel):
    key: str
    label: str
    quantity: int
    amounts: dict[str, float] = Field(description="Amount per currency (lines with a unit price)")
    previous_quantity: int = Field(description="Same-length period just before")
    change_pct: float | None = Field(description="Quantity change against the previous period, %")
    by_period: dict[str, int] = Field(description="Quantity per month/quarter/year")


class ShipmentStats(BaseModel):
    granularity: Granularity
    group_by: Dimension
    date_from: str
    date_to: str
    periods: list[str]
    rows: list[ShipmentRow]
    total: ShipmentRow
