"""Customer queries; every one starts from the caller's readable scope."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, case, delete, exists, func, insert, not_, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import and_, col, or_, select

from api.applications.models import ApplicationStatus
from api.authz.policy import readable, readable_statement
from api.authz.principal import Principal
from api.catalog.models import in_domain
from api.comments.models import Comment, CommentReceipt, question_thread
from api.customers.models import (
    HELD_STATUSES,
    Customer,
    CustomerFae,
    CustomerStatus,
    ProtectionMode,
    followup_overdue,
)
from api.customers.todo import TodoKind, Worklist
from api.db import dialect_name
from api.extensions.models import Extension
from api.kit.errors import NotFound
from api.kit.filters import contains_text
from api.kit.pagination import PageParams, order_by, paginate
from api.projects.stages import ProjectStage
from api.registrations.models import Registration
from api.reports.models import Report, ReportEntry
from api.users.models import User

SORTABLE = {
    "name": col(Customer.name),
    "protection_until": col(Customer.protection_until),
    "created_at": col(Customer.created_at),
    "updated_at": col(Customer.updated_at),
    "annual_mcu_usage_wan": col(Customer.annual_mcu_usage_wan),
}


@dataclass
class CustomerFilters:
    search: str | None = None
    statuses: list[CustomerStatus] | None = None
    province: str | None = None
    city: str | None = None
    product_domain_id: int | None = None
    contact_user_id: int | None = None
    agent_id: int | None = None
    near_expiry_before: datetime | None = None  # protected, period mode, ending before this
    followup_overdue_at: datetime | None = (
        None  # protected, no report for the interval (set: now - interval)
    )
    stage: ProjectStage | None = None  # the customer's project status (most advanced stage)
    todo: tuple[TodoKind, Worklist] | None = None  # one kind of the to-do strip
    sort: str | None = None


# What the API shows of a person (UserBrief). A read request loads only that, not whole accounts
# with their password hashes; a write loads whole rows, as it may go on to read the same person
# (role, email) from the session, where a half-loaded row cannot lazy-load under asyncio.
_BRIEF_PERSON: tuple[Any, ...] = (User.id, User.display_name)


def with_people(statement: Select[Customer], *, brief: bool = False) -> Select[Customer]:
    # The one-each relations joined into the customer's own statement (no extra round trip,
    # no re-read of the caller's own user and agent rows); the FAEs, many each, in one more.
    # populate_existing: a customer changed in this transaction is re-read with its people.
    contact = joinedload(Customer.contact)  # type: ignore[arg-type]
    faes = selectinload(Customer.faes)  # type: ignore[arg-type]
    if brief:
        contact, faes = contact.load_only(*_BRIEF_PERSON), faes.load_only(*_BRIEF_PERSON)
    return statement.execution_options(populate_existing=True).options(
        contact,
        joinedload(Customer.product_domain),  # type: ignore[arg-type]
        joinedload(Customer.agent),  # type: ignore[arg-type]
        faes,
    )


def _filtered(statement: Select[Customer], f: CustomerFilters) -> Select[Customer]:
    if f.search:
        statement = statement.where(
            or_(
                contains_text(col(Customer.name), f.search),
                contains_text(col(Customer.purchaser), f.search),
            )
        )
    if f.statuses:
        statement = statement.where(col(Customer.status).in_(f.statuses))
    for column, value in (
        (Customer.province, f.province),
        (Customer.city, f.city),
        (Customer.contact_user_id, f.contact_user_id),
        (Customer.agent_id, f.agent_id),
    ):
        if value is not None:
            statement = statement.where(col(column) == value)
    if f.product_domain_id is not None:
        statement = statement.where(in_domain(Customer.product_domain_id, f.product_domain_id))
    if f.stage is not None:
        statement = statement.where(col(Customer.project_stage) == f.stage)
    if f.near_expiry_before is not None:
        statement = statement.where(_near_expiry(f.near_expiry_before))
    if f.followup_overdue_at is not None:
        statement = statement.where(followup_overdue(f.followup_overdue_at))
    if f.todo is not None:
        statement = statement.where(_todo(*f.todo))
    return statement


# --- the to-do strip (api/customers/todo.py) --------------------------------------------------


def _near_expiry(before: datetime) -> ColumnElement[bool]:
    """Shown red: protected for a period that ends before `before` (protection.is_near_expiry)."""
    return and_(
        col(Customer.status) == CustomerStatus.PROTECTED,
        col(Customer.protection_mode) == ProtectionMode.PERIOD,
        col(Customer.protection_until) < before,
    )


def _unread_receipts(user_id: int, what: Any) -> Select[Any]:
    """`what` of the receipts of comments on the customer's reports `user_id` has not read."""
    return (
        select(what)
        .select_from(CommentReceipt)
        .join(Comment, col(CommentReceipt.comment_id) == col(Comment.id))
        .join(Report, col(Comment.report_id) == col(Report.id))
        .where(
            col(Report.customer_id) == col(Customer.id),
            col(CommentReceipt.user_id) == user_id,
            col(CommentReceipt.read_at).is_(None),
        )
    )


def _answered_since(since: datetime) -> ColumnElement[bool]:
    """A question of the holding agent's reports was answered after `since` and no reply of the
    agent's side came after the answer."""
    thread = question_thread(col(ReportEntry.report_id), col(ReportEntry.id))
    return exists(
        select(col(ReportEntry.id))
        .join(Report, col(ReportEntry.report_id) == col(Report.id))
        .where(
            col(Report.customer_id) == col(Customer.id),
            col(Report.agent_id) == col(Customer.agent_id),
            func.trim(col(ReportEntry.open_questions)) != "",
            thread.answered,
            thread.answered_at > since,
        )
    )


def _decided_since(since: datetime) -> ColumnElement[bool]:
    """The vendor approved or rejected a registration or extension of the holding agent after
    `since` (withdrawals are the agent's own doing, not news)."""
    decided = (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED)
    return or_(
        *(
            exists().where(
                col(model.customer_id) == col(Customer.id),
                col(model.agent_id) == col(Customer.agent_id),
                col(model.status).in_(decided),
                col(model.decided_at) > since,
            )
            for model in (Registration, Extension)
        )
    )


def _todo(kind: TodoKind, w: Worklist) -> ColumnElement[bool]:
    match kind:
        case TodoKind.TURNING_RED:
            return _near_expiry(w.near_expiry_before)
        case TodoKind.OVERDUE:
            return followup_overdue(w.followup_overdue_at)
        case TodoKind.UNREAD:
            return exists(_unread_receipts(w.user_id, col(CommentReceipt.comment_id)))
        case TodoKind.ANSWERED:
            return _answered_since(w.recent_since)
        case TodoKind.DECIDED:
            return _decided_since(w.recent_since)


async def count_todo(
    session: AsyncSession, principal: Principal, kinds: Sequence[TodoKind], w: Worklist
) -> dict[TodoKind, int]:
    """How many of the caller's customers each kind holds: one statement for every kind."""
    counts = [func.count(case((_todo(kind, w), 1))) for kind in kinds]
    row = (
        await session.execute(
            select(*counts).select_from(Customer).where(readable(principal, Customer))
        )
    ).one()
    return {kind: int(count) for kind, count in zip(kinds, row, strict=True)}


async def list_customers(
    session: AsyncSession, principal: Principal, page: PageParams, filters: CustomerFilters
) -> tuple[list[Customer], int]:
    statement = _filtered(readable_statement(principal, Customer), filters).order_by(
        *order_by(filters.sort, SORTABLE, "-updated_at", ties=col(Customer.id))
    )
    people = (col(Customer.id), lambda chosen: with_people(chosen, brief=True))
    return await paginate(session, statement, page, joined=people)


async def get_visible(
    session: AsyncSession, principal: Principal, customer_id: int, *, brief: bool = False
) -> Customer:
    """The customer if the caller may see it; 404 otherwise (no existence leak). `brief`: its
    people as the API shows them, for a request that only reads (see with_people)."""
    statement = with_people(readable_statement(principal, Customer), brief=brief).where(
        col(Customer.id) == customer_id
    )
    customer = await session.scalar(statement)
    if customer is None:
        raise NotFound("customer")
    return customer


async def page_flags(
    session: AsyncSession, user_id: int, customer_ids: list[int]
) -> dict[int, tuple[int, bool]]:
    """customer id -> (comments on its reports the user has not read, an extension awaiting the
    vendor): one statement for a page or one customer, none for an empty page."""
    if not customer_ids:
        return {}
    customer_id = col(Customer.id)
    # Counted once over the user's unread receipts for the whole page, then joined: a count per
    # customer row read all the user's receipts once per row under PostgreSQL's generic plan.
    unread = (
        select(col(Report.customer_id), func.count().label("unread"))
        .select_from(CommentReceipt)
        .join(Comment, col(CommentReceipt.comment_id) == col(Comment.id))
        .join(Report, col(Comment.report_id) == col(Report.id))
        .where(
            col(CommentReceipt.user_id) == user_id,
            col(CommentReceipt.read_at).is_(None),
            col(Report.customer_id).in_(customer_ids),
        )
        .group_by(col(Report.customer_id))
        .subquery()
    )
    extending = exists().where(
        col(Extension.customer_id) == customer_id,
        col(Extension.status) == ApplicationStatus.PENDING,
    )
    rows = await session.execute(
        select(customer_id, func.coalesce(unread.c.unread, 0), extending)
        .outerjoin(unread, unread.c.customer_id == customer_id)
        .where(customer_id.in_(customer_ids))
    )
    return {id_: (int(count), bool(open_)) for id_, count, open_ in rows.all()}


async def get_in_pool_or_pending(session: AsyncSession, customer_id: int) -> Customer | None:
    """Pool customers are visible to everyone (public fields only, SPEC §3); a pending one is
    returned too, so a late applicant learns it was taken (409) rather than nothing."""
    return await session.scalar(
        select(Customer).where(
            col(Customer.id) == customer_id,
            col(Customer.status).in_([CustomerStatus.RELEASED, CustomerStatus.PENDING]),
        )
    )


# The official name, re-read under the row lock before a rename replaces it.
NAME_FIELDS = ["name", "name_key", "name_core"]


async def lock_names(session: AsyncSession, customer: Customer) -> None:
    """Lock the customer's row until commit and re-read its official name: a simultaneous rename
    waits, then keeps the name this one set as a former name (instead of losing it)."""
    await session.refresh(customer, attribute_names=NAME_FIELDS, with_for_update=True)


# --- bulk reassignment (api/customers/reassignment.py) ----------------------------------------

REASSIGNABLE = (CustomerStatus.PENDING, CustomerStatus.PROTECTED)


async def lock_for_reassignment(
    session: AsyncSession,
    principal: Principal,
    *,
    customer_ids: list[int] | None = None,
    contact_user_id: int | None = None,
) -> list[Customer]:
    """The caller's customers among `customer_ids`, or every pending and protected one whose
    contact is `contact_user_id`, locked until commit in id order (two reassignments queue, they
    cannot deadlock). PostgreSQL re-checks a row changed while we waited, so a customer another
    reassignment or a release just moved is no longer selected."""
    statement = readable_statement(principal, Customer)
    if customer_ids is not None:
        statement = statement.where(col(Customer.id).in_(customer_ids))
    if contact_user_id is not None:
        statement = statement.where(
            col(Customer.contact_user_id) == contact_user_id,
            col(Customer.status).in_(REASSIGNABLE),
        )
    statement = (
        statement.order_by(col(Customer.id))
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return list(await session.scalars(statement))


async def lock_people(
    session: AsyncSession, principal: Principal, user_ids: list[int]
) -> list[User]:
    """The people among `user_ids` the caller may see, share-locked until commit: a deactivation
    waits until the customers given to them (while active) are committed."""
    statement = (
        readable_statement(principal, User)
        .where(col(User.id).in_(user_ids))
        .with_for_update(read=True)
        .execution_options(populate_existing=True)
    )
    return list(await session.scalars(statement))


async def set_contacts(session: AsyncSession, moves: dict[int, list[int]], at: datetime) -> None:
    """Each salesperson becomes the contact of the customers listed for them (one UPDATE each)."""
    for user_id, customer_ids in moves.items():
        await session.execute(
            update(Customer)
            .where(col(Customer.id).in_(customer_ids))
            .values(contact_user_id=user_id, updated_at=at)
        )


# --- the lifecycle's statements ---------------------------------------------------------------

# What a transition reads before deciding: re-read under the row lock.
STATE_FIELDS = [
    "status",
    "agent_id",
    "contact_user_id",
    "protection_mode",
    "protection_until",
    "next_review_at",
    "released_from_agent_id",
    "released_at",
]


async def lock_state(session: AsyncSession, customer: Customer) -> None:
    """Lock the customer's row until commit and re-read its state (SELECT ... FOR UPDATE on
    PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers)."""
    await session.refresh(customer, attribute_names=STATE_FIELDS, with_for_update=True)


async def insert_held(session: AsyncSession, customer: Customer) -> bool:
    """Insert under a savepoint; False when the unique indexes on held names and credit codes
    refuse it (someone holds the company since the check)."""
    try:
        async with session.begin_nested():
            session.add(customer)
            await session.flush()
    except IntegrityError:
        return False
    return True


async def update_if_status(
    session: AsyncSession, customer: Customer, expected: CustomerStatus, values: dict[str, Any]
) -> bool:
    """Write `values` only if the customer is still `expected`: the row count decides (two
    simultaneous requests cannot both succeed). Re-reads the customer when it did."""
    changed = await session.execute(
        update(Customer)
        .where(col(Customer.id) == customer.id, col(Customer.status) == expected)
        .values(**values)
    )
    if cast(Any, changed).rowcount != 1:
        return False
    await session.refresh(customer)
    return True


async def remove_faes(session: AsyncSession, customer_id: int) -> None:
    await session.execute(delete(CustomerFae).where(col(CustomerFae.customer_id) == customer_id))


async def set_faes(session: AsyncSession, customer_id: int, user_ids: list[int]) -> None:
    """The customer's FAEs become exactly `user_ids`."""
    await remove_faes(session, customer_id)
    session.add_all(CustomerFae(customer_id=customer_id, user_id=u) for u in user_ids)


async def expired_periods(session: AsyncSession, at: datetime) -> list[Customer]:
    """Protected customers whose period ended and who have no extension awaiting the vendor,
    locked; rows another server is releasing right now are skipped (SKIP LOCKED)."""
    open_extension = exists().where(
        col(Extension.customer_id) == col(Customer.id),
        col(Extension.status) == ApplicationStatus.PENDING,
    )
    statement = (
        select(Customer)
        .where(
            col(Customer.status) == CustomerStatus.PROTECTED,
            col(Customer.protection_mode) == ProtectionMode.PERIOD,
            col(Customer.protection_until) <= at,
            not_(open_extension),
        )
        .order_by(col(Customer.id))
        .with_for_update(skip_locked=True)
    )
    return list((await session.scalars(statement)).all())


async def insert_many(session: AsyncSession, customers: Sequence[dict[str, Any]]) -> list[int]:
    """Bulk insert (one statement) of new customers' columns; their ids in the same order."""
    inserted = await session.execute(
        insert(Customer).returning(col(Customer.id), sort_by_parameter_order=True), customers
    )
    return [cast(int, new_id) for new_id in inserted.scalars()]


async def lock_against_new_holders(session: AsyncSession) -> None:
    """SHARE ROW EXCLUSIVE blocks every other writer of the table until commit (PostgreSQL);
    SQLite's BEGIN IMMEDIATE already did."""
    if dialect_name(session) == "postgresql":
        await session.execute(text("LOCK TABLE customer IN SHARE ROW EXCLUSIVE MODE"))


async def held_changed_since(
    session: AsyncSession, since: datetime, limit: int | None = None
) -> list[Customer]:
    """Customers held by anyone (pending, protected, in the pool) created or changed since."""
    statement = select(Customer).where(
        col(Customer.status).in_(HELD_STATUSES),
        or_(col(Customer.updated_at) >= since, col(Customer.created_at) >= since),
    )
    if limit is not None:
        statement = statement.limit(limit)
    return list(await session.scalars(statement))
