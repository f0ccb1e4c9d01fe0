from sqlmodel import col, select

from api.catalog.models import ProductDomain
from api.catalog.regions import Province, provinces
from api.catalog.schemas import ProductDomainPublic
from api.db import Session
from api.kit.routing import protected_router

router = protected_router("catalog")


@router.get("/product-domains")
async def list_product_domains(session: Session) -> list[ProductDomainPublic]:
    """Active product domains with their typical products, in catalog order."""
    rows = await session.scalars(
        select(ProductDomain)
        .where(col(ProductDomain.is_active))
        .order_by(col(ProductDomain.sort_order), col(ProductDomain.id))
    )
    return [ProductDomainPublic.model_validate(d) for d in rows]


@router.get("/regions")
async def list_regions() -> list[Province]:
    """Provinces and their cities (the national division list, to city level)."""
    return list(provinces())
