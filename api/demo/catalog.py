"""Demo level-2 product domains, so the 产品领域对照 tree shows both levels."""

from api.catalog.models import ProductDomain
from api.db import AsyncSession
from api.demo import repository

# level-1 name: [(level-2 name, English name, typical products)]
DEMO_LEVEL_TWO = {
    "小家电": [
        ("厨房电器", "Kitchen appliances", ["电饭煲", "电磁炉", "破壁机", "空气炸锅"]),
        ("个护电器", "Personal care", ["吹风机", "电动牙刷", "剃须刀"]),
    ],
    "汽车电子": [
        ("车身电子", "Body electronics", ["车窗控制", "座椅控制", "雨刮"]),
    ],
}


async def seed_domain_tree(session: AsyncSession) -> None:
    parents = {d.name: d for d in await repository.all_rows(session, ProductDomain)}
    for parent_name, children in DEMO_LEVEL_TWO.items():
        parent = parents[parent_name]
        for position, (name, name_en, products) in enumerate(children):
            if name not in parents:
                session.add(
                    ProductDomain(
                        name=name,
                        name_en=name_en,
                        parent_id=parent.id,
                        typical_products=products,
                        sort_order=position,
                    )
                )
    await session.flush()
