from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel, col, select

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


def in_domain(column: Any, domain_id: int) -> sa.ColumnElement[bool]:
    """`column` (a product domain id of any table; SQLModel types it as its value, hence Any) is
    the domain or one of its level-2 domains: a filter by 小家电 includes 厨房电器. Here with the
    table, not in the repository: other domains' repositories filter by it, and a repository is
    private to its domain."""
    level_two = select(ProductDomain.id).where(col(ProductDomain.parent_id) == domain_id)
    return sa.or_(column == domain_id, col(column).in_(level_two))


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
