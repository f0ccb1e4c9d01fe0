from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar, Protocol

from api.customers.models import Customer
from api.users.models import User


# Where an application awaiting the vendor's decision (申请) stands.
class ApplicationStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Application(Protocol):
    """What registrations and extensions share: a table row with these columns, its applicant
    and its customer loaded."""

    __tablename__: ClassVar[str]
    id: int | None
    status: ApplicationStatus
    decided_by_id: int | None
    decided_at: datetime | None
    decision_reason: str
    created_at: datetime
    applicant: User
    customer: Customer

    def model_dump(self) -> dict[str, Any]: ...
