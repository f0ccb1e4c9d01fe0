from datetime import datetime

from sqlmodel import Field, SQLModel

from api.kit.clock import now
from api.kit.tables import UTCDateTime


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
    updated_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
