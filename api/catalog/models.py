from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.kit.tables import enum_column


class ProductDomain(SQLModel, table=True):
    """产品领域: the application field of a customer's largest-volume product, with typical
    products as the lookup beside every domain field (manual: 产品领域对照)."""

    __tablename__ = "product_domain"

    id: int | None = Field(default=None, primary_key=True)
    # Two levels: a level-1 domain (parent_id None) and its level-2 domains.
    parent_id: int | None = Field(default=None, foreign_key="product_domain.id", index=True)
    name: str = Field(max_length=50, unique=True)
    name_en: str = Field(default="", max_length=80)
    typical_products: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    sort_order: int = 0  # among siblings
    is_other: bool = False  # the 其它 fallback, to be corrected later
    is_active: bool = True  # inactive: kept on existing records, not chosen for new ones


class McuStatus(StrEnum):
    ACTIVE = "active"
    NRND = "nrnd"  # not recommended for new designs
    EOL = "eol"


class McuModel(SQLModel, table=True):
    """One of our MCU part numbers (the vendor's catalog)."""

    __tablename__ = "mcu_model"

    id: int | None = Field(default=None, primary_key=True)
    part_number: str = Field(max_length=40, unique=True)
    series: str = Field(max_length=40)
    core: str = Field(default="", max_length=40)
    status: McuStatus = Field(
        sa_column=enum_column(McuStatus, "mcu_status", default=McuStatus.ACTIVE)
    )
