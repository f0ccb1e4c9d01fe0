from pydantic import BaseModel, ConfigDict

from api.catalog.models import McuStatus


class ProductDomainPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    name_en: str
    typical_products: list[str]
    is_other: bool


class ProductDomainBrief(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str


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
