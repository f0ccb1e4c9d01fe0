"""Product domains (产品领域, SPEC §8): a two-level tree the vendor maintains, everyone reads.
Inactive domains stay on existing records but are not chosen for new ones."""

from api.audit.service import record, snapshot
from api.authz.policy import authorize
from api.authz.principal import Principal
from api.catalog import repository
from api.catalog.models import ProductDomain
from api.catalog.schemas import ProductDomainCreate, ProductDomainUpdate
from api.db import AsyncSession
from api.kit.errors import AppError, Conflict


async def check_domain(session: AsyncSession, domain_id: int, keep: int | None = None) -> None:
    """A domain chosen for a record must be active; the one the record already has (`keep`) is
    accepted even when deactivated since. Raises 422 unknown_product_domain."""
    if keep is not None and domain_id == keep:
        return
    domain = await session.get(ProductDomain, domain_id)
    if domain is None or not domain.is_active:
        raise AppError("unknown_product_domain", 422)


async def _check_name(session: AsyncSession, name: str, except_id: int | None = None) -> None:
    if await repository.domain_name_taken(session, name, except_id):
        raise Conflict("domain_name_taken", name=name)


async def _check_parent(session: AsyncSession, parent_id: int, child: ProductDomain | None) -> None:
    """A level-2 domain hangs under an active level-1 domain; one with children stays level 1."""
    parent = await repository.get_domain(session, parent_id)
    if parent.parent_id is not None or (child is not None and parent.id == child.id):
        raise AppError("domain_parent_not_top_level", 422)
    if not parent.is_active:
        raise AppError("domain_parent_inactive", 422)
    if child is not None and await repository.siblings(session, child.id):
        raise AppError("domain_has_children", 422)


async def _renumber(session: AsyncSession, ordered: list[ProductDomain]) -> None:
    for position, domain in enumerate(ordered):
        if domain.sort_order != position:
            domain.sort_order = position
            session.add(domain)


async def create(
    session: AsyncSession, principal: Principal, data: ProductDomainCreate
) -> ProductDomain:
    """A new domain, last among its siblings (vendor only). Raises 403, 409, 422."""
    authorize(principal.is_vendor)
    await repository.lock_tree(session)
    await _check_name(session, data.name)
    if data.parent_id is not None:
        await _check_parent(session, data.parent_id, None)
    siblings = await repository.siblings(session, data.parent_id)
    domain = ProductDomain(
        name=data.name,
        name_en=data.name_en,
        parent_id=data.parent_id,
        typical_products=list(dict.fromkeys(data.typical_products)),
        sort_order=max((d.sort_order for d in siblings), default=-1) + 1,
    )
    session.add(domain)
    await record(session, principal, "product_domain.create", domain)
    return domain


async def update(
    session: AsyncSession, principal: Principal, domain_id: int, data: ProductDomainUpdate
) -> ProductDomain:
    """Rename, edit the typical products or move under another level-1 domain (vendor only)."""
    authorize(principal.is_vendor)
    await repository.lock_tree(session)
    domain = await repository.get_domain(session, domain_id)
    before = snapshot(domain)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("name") is not None and changes["name"] != domain.name:
        await _check_name(session, changes["name"], domain_id)
        domain.name = changes["name"]
    if changes.get("name_en") is not None:
        domain.name_en = changes["name_en"]
    if changes.get("typical_products") is not None:
        domain.typical_products = list(dict.fromkeys(changes["typical_products"]))
    if "parent_id" in changes and changes["parent_id"] != domain.parent_id:
        if changes["parent_id"] is not None:
            await _check_parent(session, changes["parent_id"], domain)
        old_parent = domain.parent_id
        new_siblings = await repository.siblings(session, changes["parent_id"])
        domain.parent_id = changes["parent_id"]
        domain.sort_order = max((d.sort_order for d in new_siblings), default=-1) + 1
        session.add(domain)
        await session.flush()
        await _renumber(session, await repository.siblings(session, old_parent))
    session.add(domain)
    await record(session, principal, "product_domain.update", domain, before=before)
    return domain


async def move(
    session: AsyncSession, principal: Principal, domain_id: int, position: int
) -> ProductDomain:
    """Put a domain at `position` among its siblings (beyond the end: last). Vendor only."""
    authorize(principal.is_vendor)
    await repository.lock_tree(session)
    domain = await repository.get_domain(session, domain_id)
    before = snapshot(domain)
    ordered = [d for d in await repository.siblings(session, domain.parent_id) if d.id != domain_id]
    ordered.insert(min(position, len(ordered)), domain)
    await _renumber(session, ordered)
    await record(session, principal, "product_domain.move", domain, before=before)
    return domain


async def set_active(
    session: AsyncSession, principal: Principal, domain_id: int, active: bool
) -> ProductDomain:
    """Deactivate (not offered for new records, kept on existing ones) or reactivate. The 其它
    fallback stays active; a level-1 domain with active level-2 domains is deactivated after
    them; a level-2 domain is reactivated after its level-1 domain. Raises 403, 404, 409."""
    authorize(principal.is_vendor)
    await repository.lock_tree(session)
    domain = await repository.get_domain(session, domain_id)
    if domain.is_active == active:
        return domain
    before = snapshot(domain)
    if not active:
        if domain.is_other:
            raise Conflict("domain_other_is_fixed")
        if any(c.is_active for c in await repository.siblings(session, domain.id)):
            raise Conflict("domain_has_active_children")
    elif domain.parent_id is not None:
        parent = await repository.get_domain(session, domain.parent_id)
        if not parent.is_active:
            raise Conflict("domain_parent_inactive")
    domain.is_active = active
    session.add(domain)
    action = "product_domain.reactivate" if active else "product_domain.deactivate"
    await record(session, principal, action, domain, before=before)
    return domain


async def references(
    session: AsyncSession, principal: Principal, domain_id: int
) -> tuple[dict[str, int], int]:
    """What points at a domain: records per table.column (of every agent, so the vendor's
    only), and its level-2 domains. Raises 403, 404."""
    authorize(principal.is_vendor)
    await repository.get_domain(session, domain_id)
    counts = await repository.count_references(session, ProductDomain, domain_id)
    return counts, len(await repository.siblings(session, domain_id))


async def merge(
    session: AsyncSession, principal: Principal, source_id: int, into_id: int
) -> tuple[ProductDomain, dict[str, int]]:
    """Merge a domain into another: every record pointing at it (customers, projects, report
    entries, order lines — every foreign key to the catalog) moves to the target, its level-2
    domains move under the target, its typical products join the target's, and it is
    deactivated; one transaction, audited with the counts moved. Vendor only. Raises 403, 404,
    409 (the 其它 fallback), 422 (itself, an inactive target, a level-2 target for a domain with
    level-2 domains)."""
    authorize(principal.is_vendor)
    await repository.lock_tree(session)
    source = await repository.get_domain(session, source_id)
    target = await repository.get_domain(session, into_id)
    if source.id == target.id:
        raise AppError("domain_merge_into_itself", 422)
    if source.is_other:
        raise Conflict("domain_other_is_fixed")
    if not target.is_active:
        raise AppError("domain_merge_target_inactive", 422)
    children = await repository.siblings(session, source.id)
    if children and target.parent_id is not None:
        raise AppError("domain_has_children", 422)
    before_source, before_target = snapshot(source), snapshot(target)
    base = max((d.sort_order for d in await repository.siblings(session, target.id)), default=-1)
    for offset, child in enumerate(children, start=1):  # after the target's own, in their order
        child.parent_id, child.sort_order = target.id, base + offset
        session.add(child)
    await session.flush()
    moved = await repository.move_references(session, ProductDomain, source_id, into_id)
    # Imported here: orders -> customers -> catalog would be a cycle at import time.
    from api.orders.service import move_domain_totals

    await move_domain_totals(session, source_id, into_id)  # its shipments' month totals
    target.typical_products = list(
        dict.fromkeys([*target.typical_products, *source.typical_products])
    )
    source.is_active = False
    session.add_all([source, target])
    await record(
        session,
        principal,
        "product_domain.merge",
        source,
        before=before_source,
        after_extra={
            "merged_into": {"id": target.id, "name": target.name},
            "moved": moved,
            "moved_children": len(children),
        },
    )
    await record(session, principal, "product_domain.update", target, before=before_target)
    return target, moved
