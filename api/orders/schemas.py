from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from api.catalog.schemas import McuModelBrief, ProductDomainBrief
from api.kit.ids import RowId
from api.kit.schemas import StrictInput
from api.projects.schemas import ProjectBrief
from api.users.schemas import UserBrief

BatchNumber = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]


def _unique_in_order(batches: list[str]) -> list[str]:
    return list(dict.fromkeys(batches))


class LineIn(StrictInput):
    project_id: RowId = Field(description="One of the customer's projects; fills model and domain")
    quantity: int = Field(gt=0, le=10**12, description="Units")
    unit_price: Decimal | None = Field(default=None, ge=0, le=10**9, decimal_places=4)
    currency: Literal["CNY", "USD", "EUR", "HKD"] | None = None
    batches: Annotated[list[BatchNumber], AfterValidator(_unique_in_order)] = Field(
        default_factory=list, max_length=500, description="批次号: any number, kept in order"
    )

    @model_validator(mode="after")
    def _price_needs_currency(self) -> "LineIn":
        if self.unit_price is not None and self.currency is None:
            self.currency = "CNY"
        return self


class OrderIn(StrictInput):
    order_number: str = Field(min_length=1, max_length=50)
    contract_date: date = Field(description="销售日期: the contract's date, not in the future")
    remarks: str = Field(default="", max_length=1000)
    lines: list[LineIn] = Field(min_length=1, max_length=200)


class DeleteIn(StrictInput):
    reason: str = Field(min_length=2, max_length=1000)


class LinePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    project: ProjectBrief
    mcu_model: McuModelBrief
    product_domain: ProductDomainBrief
    quantity: int
    unit_price: Decimal | None
    currency: str | None
    batches: list[str]


class OrderCustomer(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str


class OrderPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    customer_id: int
    customer: OrderCustomer
    order_number: str
    contract_date: date
    remarks: str
    created_by: UserBrief
    lines: list[LinePublic]
    total_quantity: int = 0
    created_at: datetime
    updated_at: datetime

    @model_validator(mode="after")
    def _total(self) -> "OrderPublic":
        self.total_quantity = sum(line.quantity for line in self.lines)
        return self


class BatchCustomer(BaseModel):
    """A customer that received a traced batch: which of its numbers, on which orders, how many."""

    customer: OrderCustomer
    batches: list[str] = Field(description="The customer's batch numbers that matched, sorted")
    order_numbers: list[str]
    quantity: int = Field(description="Units on the order lines that carried the batch")
    first_date: date
    last_date: date
