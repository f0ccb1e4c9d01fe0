import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class ForecastSnapshot(SQLModel, table=True):
    """The forecast as made in one month, kept so accuracy is judged against what was said
    then, not recomputed with hindsight (SPEC §10)."""

    __tablename__ = "forecast_snapshot"
    __table_args__ = (
        sa.UniqueConstraint(
            "made_in", "target_month", "mcu_model_id", "agent_id", name="uq_forecast_snapshot_cell"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    made_in: str = Field(max_length=7, index=True)  # YYYY-MM
    target_month: str = Field(max_length=7)  # YYYY-MM
    mcu_model_id: int = Field(foreign_key="mcu_model.id")
    agent_id: int = Field(foreign_key="agent.id")
    quantity: float
