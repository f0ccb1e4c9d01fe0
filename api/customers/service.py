"""Customer details and the people who work on them."""

from datetime import datetime

from api.audit.service import record, snapshot
from api.authz.policy import authorize, can_assign_customer_people, can_work_on_customer
from api.authz.principal import Principal
from api.authz.roles import Role
from api.catalog.domains import check_domain
from api.catalog.regions import is_known_city
from api.customers import lifecycle, repository
from api.customers.models import Customer
from api.customers.protection import days_left, is_followup_overdue, is_near_expiry
from api.customers.schemas import CustomerPublic, CustomerUpdate, TodoCount, TodoStrip
from api.customers.todo import RECENT_DAYS, kinds_for, worklist
from api.db import AsyncSession
from api.identity import aliases, groups
from api.identity.models import CustomerAlias
from api.identity.schemas import AliasIn, GroupLinkIn, RenameIn
from api.identity.service import clean_credit_code
from api.kit.clock import now
from api.kit.errors import AppError, NotFound
from api.rules.models import Rules
from api.rules.service import current_rules
from api.users.models import User

CLEARABLE = frozenset({"credit_code", "founded_on"})


def to_public(
    customer: Customer,
    rules: Rules,
    at: datetime,
    unread_comments: int = 0,
    open_extension: bool = False,
) -> CustomerPublic:
    return CustomerPublic.model_validate(
        {
            **customer.model_dump(),
            "product_domain": customer.product_domain,
            "agent": customer.agent,
            "contact": customer.contact,
            "faes": customer.faes,
            "days_left": days_left(customer, at),
            "near_expiry": is_near_expiry(customer, rules, at),
            "followup_overdue": is_followup_overdue(customer, rules, at),
            "unread_comments": unread_comments,
            "open_extension": open_extension,
        }
    )


async def todo_strip(session: AsyncSession, principal: Principal) -> TodoStrip:
    """The caller's to-do kinds with their counts, in one statement."""
    kinds = kinds_for(principal)
    work = worklist(principal, await current_rules(session), now())
    counts = await repository.count_todo(session, principal, kinds, work)
    return TodoStrip(
        recent_days=RECENT_DAYS, counts=[TodoCount(kind=k, count=counts[k]) for k in kinds]
    )


async def get_visible(session: AsyncSession, principal: Principal, customer_id: int) -> Customer:
    """The customer if the caller may see it; raises 404 otherwise (no existence leak)."""
    return await repository.get_visible(session, principal, customer_id)


def check_region(province: str, city: str) -> None:
    if not is_known_city(province, city):
        raise AppError("unknown_region", 422, province=province, city=city)


async def update_details(
    session: AsyncSession, principal: Principal, customer_id: int, data: CustomerUpdate
) -> Customer:
    """Complete or correct details (background, purchaser, factory … after approval)."""
    customer = await repository.get_visible(session, principal, customer_id)
    authorize(principal.is_vendor or can_work_on_customer(principal, customer))
    changes = data.model_dump(exclude_unset=True)
    if "credit_code" in changes:
        changes["credit_code"] = clean_credit_code(changes["credit_code"])
    if "province" in changes or "city" in changes:
        check_region(changes.get("province", customer.province), changes.get("city", customer.city))
    if changes.get("product_domain_id") is not None:  # a deactivated domain it has stays
        await check_domain(session, changes["product_domain_id"], keep=customer.product_domain_id)
    before = snapshot(customer)
    for field, value in changes.items():
        # null clears an optional field; for a required one it means "leave as is"
        if value is not None or field in CLEARABLE:
            setattr(customer, field, value)
    customer.updated_at = now()
    session.add(customer)
    await record(session, principal, "customer.update", customer, before=before)
    return await repository.get_visible(session, principal, customer_id)


async def _agent_member(
    session: AsyncSession, customer: Customer, user_id: int, role: Role
) -> User:
    user = await session.get(User, user_id)
    if (
        user is None
        or user.agent_id != customer.agent_id
        or user.role is not role
        or not user.is_active
    ):
        raise AppError("not_agent_member", 422, role=role.value)
    return user


async def assign_contact(
    session: AsyncSession, principal: Principal, customer_id: int, contact_user_id: int
) -> Customer:
    """The master account hands the customer to another salesperson of the agent (audited)."""
    customer = await repository.get_visible(session, principal, customer_id)
    await lifecycle.lock_holder(session, customer)
    authorize(can_assign_customer_people(principal, customer))
    await _agent_member(session, customer, contact_user_id, Role.SALES)
    before = snapshot(customer)
    customer.contact_user_id = contact_user_id
    customer.updated_at = now()
    session.add(customer)
    await record(session, principal, "customer.assign_contact", customer, before=before)
    return await repository.get_visible(session, principal, customer_id)


async def assign_faes(
    session: AsyncSession, principal: Principal, customer_id: int, fae_user_ids: list[int]
) -> Customer:
    """The master account sets which FAEs help on the customer's projects."""
    customer = await repository.get_visible(session, principal, customer_id)
    await lifecycle.lock_holder(session, customer)
    authorize(can_assign_customer_people(principal, customer))
    wanted = list(dict.fromkeys(fae_user_ids))
    for user_id in wanted:
        await _agent_member(session, customer, user_id, Role.FAE)
    before = {"fae_user_ids": sorted(u.id for u in customer.faes if u.id is not None)}
    await repository.set_faes(session, customer_id, wanted)
    await record(session, principal, "customer.assign_faes", customer, before=before)
    return await repository.get_visible(session, principal, customer_id)


async def release_by_vendor(
    session: AsyncSession, principal: Principal, customer_id: int, reason: str
) -> Customer:
    """The vendor releases a protected customer to the pool, with a reason (SPEC §5)."""
    authorize(principal.is_vendor)
    customer = await repository.get_visible(session, principal, customer_id)
    await lifecycle.release(session, principal, customer, reason)
    return await repository.get_visible(session, principal, customer_id)


async def review_mass_production(
    session: AsyncSession,
    principal: Principal,
    customer_id: int,
    rules: Rules,
    keep: bool,
    reason: str,
) -> Customer:
    """量产 customers are reviewed, not lapsed: keep (next review in 12 months) or release."""
    authorize(principal.is_vendor)
    customer = await repository.get_visible(session, principal, customer_id)
    if keep:
        await lifecycle.keep_after_review(session, principal, customer, rules, reason)
    else:
        await lifecycle.release_after_review(session, principal, customer, reason)
    return await repository.get_visible(session, principal, customer_id)


async def get_pool_customer(session: AsyncSession, customer_id: int) -> Customer:
    """A customer one may apply for from the pool: in the pool, or already applied for (the
    application then loses with 409); 404 for anything else."""
    customer = await repository.get_in_pool_or_pending(session, customer_id)
    if customer is None:
        raise NotFound("customer")
    return customer


async def held_changed_since(
    session: AsyncSession, since: datetime, limit: int | None = None
) -> list[Customer]:
    """Companies held by anyone (pending, protected, in the pool) that were created or changed
    since `since`: what a conflict check made before then could not have seen."""
    return await repository.held_changed_since(session, since, limit)


async def add_alias(
    session: AsyncSession, principal: Principal, customer_id: int, data: AliasIn
) -> CustomerAlias:
    """Another name of the customer (the contact salesperson, the master account, the vendor)."""
    customer = await repository.get_visible(session, principal, customer_id)
    authorize(principal.is_vendor or can_work_on_customer(principal, customer))
    return await aliases.add_alias(session, principal, customer, data.kind, data.name)


async def remove_alias(
    session: AsyncSession, principal: Principal, customer_id: int, alias_id: int
) -> None:
    customer = await repository.get_visible(session, principal, customer_id)
    authorize(principal.is_vendor or can_work_on_customer(principal, customer))
    await aliases.remove_alias(session, principal, customer, alias_id)


async def rename(
    session: AsyncSession, principal: Principal, customer_id: int, data: RenameIn
) -> Customer:
    """The vendor corrects the official name (the old one stays a former name)."""
    authorize(principal.is_vendor)
    customer = await repository.get_visible(session, principal, customer_id)
    await repository.lock_names(session, customer)
    await aliases.rename(session, principal, customer, data.name, data.reason)
    return await repository.get_visible(session, principal, customer_id)


async def link_to_group(
    session: AsyncSession, principal: Principal, customer_id: int, data: GroupLinkIn
) -> Customer:
    """The vendor puts the customer under another as its branch or subsidiary."""
    authorize(principal.is_vendor)
    customer = await repository.get_visible(session, principal, customer_id)
    parent = await repository.get_visible(session, principal, data.parent_id)
    await groups.link(session, principal, customer, parent, data.kind)
    return customer


async def leave_group(session: AsyncSession, principal: Principal, customer_id: int) -> Customer:
    authorize(principal.is_vendor)
    customer = await repository.get_visible(session, principal, customer_id)
    await groups.unlink(session, principal, customer)
    return customer
