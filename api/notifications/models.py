from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from api.kit.clock import now
from api.kit.tables import UTCDateTime, enum_column


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # gave up after the last attempt


class OutboxMessage(SQLModel, table=True):
    """An email written in the same transaction as the event that caused it; a sender delivers
    it later, so sending never blocks or breaks the request (SPEC §11)."""

    __tablename__ = "outbox_message"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40)
    to_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    to_email: str = Field(max_length=254)
    subject: str = Field(max_length=200)
    body: str = Field(max_length=10000)
    status: OutboxStatus = Field(
        sa_column=enum_column(OutboxStatus, "outbox_status", default=OutboxStatus.PENDING),
    )
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=now, sa_type=UTCDateTime, index=True)
    last_error: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # A sender's claim: it sends outside any transaction, then records the outcome only while
    # the claim is still its own; a sender that died leaves a lease that expires.
    claim_token: str | None = Field(default=None, max_length=32)
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Reminder(SQLModel, table=True):
    """A reminder already given: one per customer, kind and episode (the protection end it warns
    of, or the date the follow-up was due since), so the daily job never repeats itself."""

    __tablename__ = "reminder"

    customer_id: int = Field(foreign_key="customer.id", primary_key=True, ondelete="CASCADE")
    kind: str = Field(max_length=40, primary_key=True)
    episode: str = Field(max_length=40, primary_key=True)
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
