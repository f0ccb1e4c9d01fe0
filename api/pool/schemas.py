from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from api.catalog.schemas import ProductDomainBrief


class PoolCustomer(BaseModel):
    """Public fields only (SPEC §3): never the previous agent, contact, reports or orders."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    province: str
    city: str
    product_domain: ProductDomainBrief
    annual_mcu_usage_wan: float
    released_at: datetime | None
    cooldown_until: datetime | None = Field(
        default=None,
        description="The caller's agent released it: applying is refused until then (资源池冷却)",
    )
