from datetime import datetime

from pydantic import BaseModel, ConfigDict

from api.notifications.models import OutboxStatus


class OutboxMessagePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    to_email: str
    subject: str
    body: str
    status: OutboxStatus
    attempts: int
    next_attempt_at: datetime
    last_error: str
    created_at: datetime
    sent_at: datetime | None
