from datetime import datetime

from pydantic import BaseModel, Field


class ForecastRow(BaseModel):
    month: str = Field(description="YYYY-MM")
    mcu_model_id: int
    mcu_model: str
    agent_id: int
    agent: str
    product_domain_id: int
    product_domain: str
    stage: str
    quantity: float = Field(description="Expected units (annual volume / 12 × stage probability)")


class ModelMonths(BaseModel):
    mcu_model_id: int
    mcu_model: str
    by_month: dict[str, float]
    total: float


class StageMonths(BaseModel):
    stage: str
    by_month: dict[str, float]
    total: float


class Forecast(BaseModel):
    generated_at: datetime
    months: list[str]
    by_model: list[ModelMonths]
    by_stage: list[StageMonths] = Field(description="Per project stage, in pipeline order")
    rows: list[ForecastRow] | None = Field(
        description="One row per month, model, agent, domain and stage: null unless "
        "detail=true (tens of thousands of rows for a national channel; the export has them)"
    )


class AccuracyPoint(BaseModel):
    month: str
    forecast: float
    actual: int


class AccuracySeries(BaseModel):
    key: int
    label: str
    points: list[AccuracyPoint]
    mape: float | None = Field(
        description="Mean absolute percentage error over months with shipments, %"
    )


class ForecastAccuracy(BaseModel):
    lead_months: int = Field(
        description="Forecasts made this many months before the month they forecast"
    )
    by_model: list[AccuracySeries]
    by_agent: list[AccuracySeries]
