"""Bulk reassignment (批量转移, SPEC §4): when a salesperson leaves, the master account hands
their customers — all of them, or the ones chosen — to one or several salespeople of the agent,
dealt in turn. One action, one audit row."""

from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from api.audit.service import record
from api.authz.policy import authorize, can_reassign_customers
from api.authz.principal import Principal
from api.authz.roles import Role
from api.customers import repository
from api.customers.schemas import ReassignedTo, ReassignIn, ReassignOut
from api.db import AsyncSession
from api.kit.clock import now
from api.kit.errors import AppError
from api.users.models import User
from api.users.schemas import UserBrief


@dataclass
class Reassignment:
    """What the audit trail keeps of one bulk reassignment (not a table: the row is the record)."""

    __tablename__: ClassVar[str] = "customer_reassignment"
    agent_id: int | None
    from_user_id: int | None
    to_user_ids: list[int]
    count: int
    contacts: dict[str, int]  # customer id -> its new contact

    def model_dump(self) -> dict[str, Any]:
        return asdict(self)


def _deal(customer_ids: list[int], targets: list[User]) -> dict[int, list[int]]:
    """Round robin: the first customer to the first target, the second to the second …"""
    moves: dict[int, list[int]] = {t.id or 0: [] for t in targets}
    for index, customer_id in enumerate(customer_ids):
        moves[targets[index % len(targets)].id or 0].append(customer_id)
    return moves


async def _targets(session: AsyncSession, principal: Principal, data: ReassignIn) -> list[User]:
    """The receiving salespeople, share-locked; refuses anyone else (422)."""
    wanted = list(dict.fromkeys(data.to_user_ids))
    if data.from_user_id in wanted:
        raise AppError("reassign_source_is_target", 422)
    asked = wanted if data.from_user_id is None else [*wanted, data.from_user_id]
    people = {u.id: u for u in await repository.lock_people(session, principal, asked)}
    if data.from_user_id is not None and data.from_user_id not in people:
        raise AppError("reassign_source_unknown", 422)
    targets = []
    for user_id in wanted:
        user = people.get(user_id)
        if user is None or user.role is not Role.SALES:
            name = user.display_name if user else f"#{user_id}"  # another agent's: no name
            raise AppError("reassign_target_not_sales", 422, user=name)
        if not user.is_active:
            raise AppError("reassign_target_inactive", 422, user=user.display_name)
        targets.append(user)
    return targets


async def reassign(session: AsyncSession, principal: Principal, data: ReassignIn) -> ReassignOut:
    """Hand the customers over, each locked and in the caller's scope; 403 for anyone but the
    master account, 422 when a customer is not the agent's (reassign_customers_unknown), nothing
    is left to move (reassign_nothing), or a person is not right (see _targets)."""
    authorize(can_reassign_customers(principal))
    targets = await _targets(session, principal, data)
    wanted = None if data.customer_ids is None else list(dict.fromkeys(data.customer_ids))
    customers = await repository.lock_for_reassignment(
        session, principal, customer_ids=wanted, contact_user_id=data.from_user_id
    )
    if wanted is not None and len(customers) < len(wanted):
        raise AppError("reassign_customers_unknown", 422, count=len(wanted) - len(customers))
    if not customers:
        raise AppError("reassign_nothing", 422)
    moves = _deal([c.id or 0 for c in customers], targets)
    before = {"contacts": {str(c.id): c.contact_user_id for c in customers}}
    await repository.set_contacts(session, moves, now())
    action = Reassignment(
        agent_id=principal.agent_id,
        from_user_id=data.from_user_id,
        to_user_ids=[t.id or 0 for t in targets],
        count=len(customers),
        contacts={str(c): user for user, ids in moves.items() for c in ids},
    )
    await record(session, principal, "customer.reassign", action, before=before)
    return ReassignOut(
        count=len(customers),
        targets=[
            ReassignedTo(user=UserBrief.model_validate(t), customer_ids=moves[t.id or 0])
            for t in targets
        ],
    )
