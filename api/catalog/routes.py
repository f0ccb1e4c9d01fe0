from sqlmodel import col, select

from api.catalog.models import McuModel, ProductDomain
from api.catalog.regions import Province, provinces
from api.catalog.schemas import McuModelPublic, ProductDomainPublic
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


@router.get("/mcu-models")
async def list_mcu_models(session: Session) -> list[McuModelPublic]:
    """Our MCU part numbers (active first, then not-recommended and end-of-life)."""
    rows = await session.scalars(
        select(McuModel).order_by(col(McuModel.status), col(McuModel.part_number))
    )
    return [McuModelPublic.model_validate(m) for m in rows]
