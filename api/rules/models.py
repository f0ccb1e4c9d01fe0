from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.kit.clock import now
from api.kit.tables import UTCDateTime

DEFAULT_STAGE_PROBABILITIES = {
    "lead": 0.05,
    "approved": 0.10,
    "development": 0.30,
    "small_batch": 0.60,
    "mass_production": 0.90,
    "on_hold": 0.0,
    "lost": 0.0,
}


class Rules(SQLModel, table=True):
    """The vendor's business rules (SPEC §6): one row, changed through the settings page."""

    __tablename__ = "rules"

    id: int = Field(default=1, primary_key=True)
    protection_new_months: int = 3
    protection_development_months: int = 6
    review_interval_months: int = 12
    near_expiry_days: int = 15
    followup_interval_days: int = 15
    pool_cooldown_days: int = 30
    pool_max_pending: int = 3
    # SPEC §10: the chance a project at each stage becomes volume (the vendor sets it).
    stage_probabilities: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_STAGE_PROBABILITIES), sa_type=sa.JSON
    )
    updated_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
