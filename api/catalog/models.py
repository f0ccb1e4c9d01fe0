import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.kit.tables import UTCDateTime  # noqa: F401  (shared metadata conventions)


class ProductDomain(SQLModel, table=True):
    """产品领域: the application field of a customer's largest-volume product, with typical
    products as the lookup beside every domain field (manual: 产品领域对照)."""

    __tablename__ = "product_domain"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=50, unique=True)
    name_en: str = Field(default="", max_length=80)
    typical_products: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    sort_order: int = 0
    is_other: bool = False  # the 其它 fallback, to be corrected later
    is_active: bool = True
