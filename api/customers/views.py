"""Customers as the API shows them: per-caller flags computed for a whole page at once."""

from datetime import datetime

from api.authz.principal import Principal
from api.customers.models import Customer
from api.customers.repository import page_flags
from api.customers.schemas import CustomerPublic
from api.customers.service import to_public
from api.db import AsyncSession
from api.identity.groups import group_of
from api.identity.models import LinkKind
from api.identity.schemas import AliasPublic, CustomerGroupPublic, GroupMember
from api.identity.service import aliases_of
from api.kit.clock import now
from api.rules.models import Rules
from api.rules.service import current_rules


async def public_page(
    session: AsyncSession,
    principal: Principal,
    customers: list[Customer],
    rules: Rules | None = None,
    at: datetime | None = None,
) -> list[CustomerPublic]:
    """A fixed number of statements, however many customers (rules passed in are not re-read)."""
    ids = [c.id or 0 for c in customers]
    rules, at = rules or await current_rules(session), at or now()
    flags = await page_flags(session, principal.user_id, ids)
    return [to_public(c, rules, at, *flags.get(c.id or 0, (0, False))) for c in customers]


async def public(session: AsyncSession, principal: Principal, customer: Customer) -> CustomerPublic:
    """One customer with its other names, and for the vendor its group."""
    view = (await public_page(session, principal, [customer]))[0]
    assert customer.id is not None
    aliases = [AliasPublic.model_validate(a) for a in await aliases_of(session, customer.id)]
    group = None
    if principal.is_vendor:
        found = await group_of(session, customer)
        group = CustomerGroupPublic(
            parent=_member(found.parent, found.kind) if found.parent and found.kind else None,
            children=[_member(child, kind) for child, kind in found.children],
        )
    return view.model_copy(update={"aliases": aliases, "group": group})


def _member(customer: Customer, kind: LinkKind) -> GroupMember:
    assert customer.id is not None
    return GroupMember(id=customer.id, name=customer.name, kind=kind)
