from dataclasses import dataclass
from datetime import datetime

from pydantic import Field

from api.applications.models import ApplicationStatus
from api.kit.schemas import StrictInput


@dataclass
class ApplicationFilters:
    """The queue's filters, the same for registrations and extensions."""

    status: ApplicationStatus | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    # 先报先得: the desk works through the queue in the order the applications came in.
    oldest_first: bool = False


class DecisionIn(StrictInput):
    reason: str = Field(default="", max_length=1000)


class RejectionIn(StrictInput):
    reason: str = Field(
        min_length=2, max_length=1000, description="Required: told to the applicant"
    )
