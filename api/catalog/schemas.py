from pydantic import BaseModel, ConfigDict


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
