"""Group structure (集团): the vendor links a customer under another as its branch (分公司) or
subsidiary (子公司). The conflict check then tells the vendor "…的分公司" beside a candidate, and
the customer's details list its group. A customer has at most one parent; no circles."""

from dataclasses import dataclass

from api.audit.service import record, snapshot
from api.authz.principal import Principal
from api.customers.models import Customer
from api.db import AsyncSession
from api.identity import repository
from api.identity.models import CustomerLink, LinkKind
from api.kit.errors import AppError, NotFound


@dataclass
class Group:
    parent: Customer | None
    kind: LinkKind | None  # how the customer hangs under its parent
    children: list[tuple[Customer, LinkKind]]


async def link(
    session: AsyncSession, principal: Principal, child: Customer, parent: Customer, kind: LinkKind
) -> CustomerLink:
    """`child` becomes a branch or subsidiary of `parent` (replacing an earlier parent); 422
    group_circle when `parent` is `child` or already under it."""
    assert child.id is not None and parent.id is not None
    if parent.id == child.id or child.id in await repository.parent_chain(session, parent.id):
        raise AppError("group_circle", 422)
    await repository.remove_link(session, child.id)
    created = CustomerLink(
        child_id=child.id, parent_id=parent.id, kind=kind, created_by_id=principal.user_id
    )
    session.add(created)
    await record(session, principal, "customer.group_link", created, agent_id=child.agent_id)
    return created


async def unlink(session: AsyncSession, principal: Principal, child: Customer) -> None:
    assert child.id is not None
    links = [
        link
        for link in await repository.links_touching(session, [child.id])
        if link.child_id == child.id
    ]
    if not links:
        raise NotFound("group_link")
    before = snapshot(links[0])
    await repository.remove_link(session, child.id)
    await record(
        session,
        principal,
        "customer.group_unlink",
        links[0],
        before=before,
        agent_id=child.agent_id,
    )


async def group_of(session: AsyncSession, customer: Customer) -> Group:
    assert customer.id is not None
    links = await repository.links_touching(session, [customer.id])
    others = await repository.customers_by_id(
        session,
        (link.parent_id if link.child_id == customer.id else link.child_id for link in links),
    )
    up = next((link for link in links if link.child_id == customer.id), None)
    return Group(
        parent=others.get(up.parent_id) if up else None,
        kind=up.kind if up else None,
        children=[
            (others[link.child_id], link.kind)
            for link in links
            if link.parent_id == customer.id and link.child_id in others
        ],
    )
