"""The names a customer goes by besides its official one (英文名, 简称, 曾用名), and the vendor's
correction of the official name (the old one stays as a former name). Each is checked against
every other held customer like a registration, audited, and put in the name index."""

from api.audit.service import record, snapshot
from api.authz.principal import Principal
from api.customers.models import Customer
from api.db import AsyncSession
from api.identity import repository
from api.identity.disclosure import shown
from api.identity.matching import normalise
from api.identity.models import AliasKind, CustomerAlias
from api.identity.service import check_name_text, find_candidates, lock_name, reindex
from api.kit.clock import now
from api.kit.errors import AppError, Conflict, NotFound


async def _free_for(
    session: AsyncSession, principal: Principal, customer: Customer, name: str, code: str
) -> None:
    """Refuse a name that is another held customer's (exact or near-exact): 422 for an unusable
    text, 409 `code` with the candidates (as the caller may see them) otherwise."""
    check_name_text(name)
    normalised = normalise(name)
    await lock_name(session, normalised)
    blocking = [
        c for c in await find_candidates(session, normalised, None, customer.id) if c.blocks
    ]
    if blocking:
        error = Conflict(code)
        error.extra = {
            "candidates": [c.model_dump(mode="json") for c in shown(principal, blocking)]
        }
        raise error


async def add_alias(
    session: AsyncSession, principal: Principal, customer: Customer, kind: AliasKind, name: str
) -> CustomerAlias:
    """A new alias of the customer; 409 alias_taken when it is another customer's name, 409
    alias_exists when the customer already goes by it."""
    assert customer.id is not None
    name = name.strip()
    await _free_for(session, principal, customer, name, "alias_taken")
    alias = CustomerAlias(
        customer_id=customer.id,
        kind=kind,
        name=name,
        name_key=normalise(name).full,
        created_by_id=principal.user_id,
    )
    if alias.name_key == customer.name_key or not await repository.add_alias(session, alias):
        raise Conflict("alias_exists")
    await reindex(session, customer)
    await record(session, principal, "customer.alias_add", alias, agent_id=customer.agent_id)
    return alias


async def remove_alias(
    session: AsyncSession, principal: Principal, customer: Customer, alias_id: int
) -> None:
    assert customer.id is not None
    alias = await repository.get_alias(session, customer.id, alias_id)
    if alias is None:
        raise NotFound("alias")
    before = snapshot(alias)
    await session.delete(alias)
    await session.flush()
    await reindex(session, customer)
    await record(
        session,
        principal,
        "customer.alias_remove",
        alias,
        before=before,
        agent_id=customer.agent_id,
    )


async def rename(
    session: AsyncSession, principal: Principal, customer: Customer, name: str, reason: str
) -> None:
    """Correct the official name (the vendor): checked like a registration, audited; the old name
    becomes a former name (曾用名) so the check still finds the company by it."""
    assert customer.id is not None
    name = name.strip()
    normalised = normalise(name)
    if normalised.full == customer.name_key:
        raise AppError("name_unchanged", 422)
    await _free_for(session, principal, customer, name, "name_taken")
    before = snapshot(customer)
    former = CustomerAlias(
        customer_id=customer.id,
        kind=AliasKind.FORMER,
        name=customer.name,
        name_key=customer.name_key,
        created_by_id=principal.user_id,
    )
    customer.name, customer.name_key, customer.name_core = name, normalised.full, normalised.core
    customer.updated_at = now()
    session.add(customer)
    await repository.drop_alias_named(session, customer.id, normalised.full)
    await repository.add_alias(session, former)
    await reindex(session, customer)
    await record(session, principal, "customer.rename", customer, before=before, reason=reason)
