from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from api.agents.schemas import AgentBrief
from api.identity.schemas import ConflictCandidate
from api.imports.models import ImportStatus, RowStatus
from api.users.schemas import UserBrief


class ImportPublic(BaseModel):
    """An import and how far its current pass is (the SPA polls this for the progress bar)."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    agent: AgentBrief
    created_by: UserBrief
    filename: str
    status: ImportStatus
    row_count: int = Field(description="Data rows in the file")
    progress: int = Field(description="Rows checked so far in the current pass (of row_count)")
    ready_count: int
    conflict_count: int
    invalid_count: int
    created_count: int
    error: str
    created_at: datetime
    committed_at: datetime | None


class RowReason(BaseModel):
    """Why a row is invalid: the column, a reason code and the value found."""

    field: str
    code: str = Field(
        description="missing, too_long, company_name_invisible, company_name_symbols, "
        "duplicate_in_file (value = the earlier row), "
        "credit_code_invalid, unknown_region, unknown_product_domain, bad_number, "
        "contact_not_found, contact_ambiguous, bad_date, date_not_future"
    )
    value: str


class ImportRowPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    row_number: int
    values: dict[str, str]
    status: RowStatus
    reasons: list[RowReason]
    candidates: list[ConflictCandidate]
    customer_id: int | None
