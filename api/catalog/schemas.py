from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from api.catalog.models import McuStatus
from api.kit.ids import RowId
from api.kit.schemas import StrictInput

DomainName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
ProductName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
PartNumber = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
Series = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]


class ProductDomainPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    name_en: str
    typical_products: list[str]
    is_other: bool
    parent_id: int | None = Field(description="The level-1 domain; null for a level-1 domain")
    sort_order: int = Field(description="Position among its siblings")
    is_active: bool = Field(description="Inactive: kept on existing records, not for new ones")


class ProductDomainBrief(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str


class ProductDomainCreate(StrictInput):
    name: DomainName
    name_en: str = Field(default="", max_length=80)
    parent_id: RowId | None = Field(default=None, description="Level-1 domain; omit for level 1")
    typical_products: list[ProductName] = Field(default_factory=list, max_length=100)


class ProductDomainUpdate(StrictInput):
    name: DomainName | None = None
    name_en: str | None = Field(default=None, max_length=80)
    parent_id: RowId | None = Field(default=None, description="null moves it to level 1")
    typical_products: list[ProductName] | None = Field(default=None, max_length=100)


class DomainMove(StrictInput):
    position: int = Field(ge=0, description="New 0-based position among its siblings")


class DomainMerge(StrictInput):
    into_id: RowId = Field(description="The domain that takes over every reference")


class DomainReferences(BaseModel):
    """How many records point at a domain, per table (what a merge would move)."""

    counts: dict[str, int]
    total: int
    children: int = Field(description="Level-2 domains under it (a merge moves them too)")


class DomainMergeResult(BaseModel):
    target: ProductDomainPublic
    moved: dict[str, int]
    total: int


class McuModelPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    part_number: str
    series: str
    core: str
    status: McuStatus


class McuModelBrief(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    part_number: str


class McuModelCreate(StrictInput):
    part_number: PartNumber
    series: Series
    core: str = Field(default="", max_length=40)
    status: McuStatus = McuStatus.ACTIVE


class McuModelUpdate(StrictInput):
    part_number: PartNumber | None = None
    series: Series | None = None
    core: str | None = Field(default=None, max_length=40)
    status: McuStatus | None = None


class McuImportIn(StrictInput):
    filename: str = Field(min_length=1, max_length=200, description="Ends in .csv or .xlsx")
    content_base64: str = Field(max_length=3_000_000, description="The file, base64 (≤ 2 MB)")
    dry_run: bool = Field(default=True, description="Only check and preview; write nothing")


class ImportProblem(BaseModel):
    code: str
    message: str


class McuImportRow(BaseModel):
    row: int = Field(description="Row number in the file (the header is row 1)")
    part_number: str
    series: str
    core: str
    status: McuStatus | None
    action: str = Field(description="create, update, unchanged or error")
    errors: list[ImportProblem]


class McuImportResult(BaseModel):
    dry_run: bool
    committed: bool
    rows: list[McuImportRow]
    created: int
    updated: int
    unchanged: int
    errors: int
