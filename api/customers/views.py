"""Customers as the API shows them: per-caller flags computed for a whole page at once."""

from sqlalchemy.ext.asyncio import AsyncSession

from api.authz.principal import Principal
from api.comments.service import unread_by_customer
from api.customers.models import Customer
from api.customers.schemas import CustomerPublic
from api.customers.service import to_public
from api.extensions.repository import customers_with_open_extension
from api.kit.clock import now
from api.rules.service import current_rules


async def public_page(
    session: AsyncSession, principal: Principal, customers: list[Customer]
) -> list[CustomerPublic]:
    """A fixed number of statements, however many customers."""
    ids = [c.id or 0 for c in customers]
    rules, at = await current_rules(session), now()
    unread = await unread_by_customer(session, principal.user_id, ids)
    extending = await customers_with_open_extension(session, ids)
    return [
        to_public(c, rules, at, unread.get(c.id or 0, 0), (c.id or 0) in extending)
        for c in customers
    ]


async def public(session: AsyncSession, principal: Principal, customer: Customer) -> CustomerPublic:
    return (await public_page(session, principal, [customer]))[0]
