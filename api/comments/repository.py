"""Comment queries: the comments of a report and who has not read them yet."""

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col, func, select

from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.authz.roles import Role
from api.comments.models import Comment, CommentReceipt
from api.customers.models import Customer
from api.reports.models import Report
from api.users.models import User


# SQLModel types a relationship attribute as the related model, not as the attribute that
# selectinload() takes: hence `type: ignore[arg-type]` on each loader option.
async def get_with_author(session: AsyncSession, comment_id: int) -> Comment:
    statement = select(Comment).where(col(Comment.id) == comment_id)
    return (await session.scalars(statement.options(selectinload(Comment.author)))).one()  # type: ignore[arg-type]


async def of_report(
    session: AsyncSession, report_id: int, user_id: int
) -> list[tuple[Comment, bool]]:
    """The report's comments, oldest first, with whether each is unread by the user (one
    statement)."""
    unread = (
        select(func.count())
        .select_from(CommentReceipt)
        .where(
            col(CommentReceipt.comment_id) == col(Comment.id),
            col(CommentReceipt.user_id) == user_id,
            col(CommentReceipt.read_at).is_(None),
        )
        .scalar_subquery()
    )
    rows = await session.execute(
        select(Comment, unread)
        .where(col(Comment.report_id) == report_id)
        .options(selectinload(Comment.author))  # type: ignore[arg-type]
        .order_by(col(Comment.created_at), col(Comment.id))
    )
    return [(comment, bool(count)) for comment, count in rows.all()]


async def counts_by_report(
    session: AsyncSession, report_ids: list[int], user_id: int
) -> dict[int, tuple[int, int]]:
    """report id -> (comments, unread by user) in one statement."""
    if not report_ids:
        return {}
    unread = func.count(col(CommentReceipt.user_id)).label("unread")
    rows = await session.execute(
        select(col(Comment.report_id), func.count(func.distinct(col(Comment.id))), unread)
        .outerjoin(
            CommentReceipt,
            (col(CommentReceipt.comment_id) == col(Comment.id))
            & (col(CommentReceipt.user_id) == user_id)
            & col(CommentReceipt.read_at).is_(None),
        )
        .where(col(Comment.report_id).in_(report_ids))
        .group_by(col(Comment.report_id))
    )
    return {r[0]: (int(r[1]), int(r[2])) for r in rows.all()}


async def mark_read(session: AsyncSession, report_id: int, user_id: int, at: datetime) -> int:
    """Mark the user's unread receipts of the report's comments read; returns how many."""
    comment_ids = select(col(Comment.id)).where(col(Comment.report_id) == report_id)
    result = await session.execute(
        update(CommentReceipt)
        .where(
            col(CommentReceipt.user_id) == user_id,
            col(CommentReceipt.read_at).is_(None),
            col(CommentReceipt.comment_id).in_(comment_ids),
        )
        .values(read_at=at)
    )
    # An UPDATE returns a CursorResult, but execute() is typed as returning a plain Result.
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def unread_by_report(
    session: AsyncSession, principal: Principal
) -> list[tuple[int, int | None, str, int]]:
    """(report id, customer id, customer name, unread) for the caller, on reports still visible."""
    visible = readable_statement(principal, Report).subquery()
    rows = await session.execute(
        select(col(Comment.report_id), col(Customer.id), col(Customer.name), func.count())
        .join(CommentReceipt, col(CommentReceipt.comment_id) == col(Comment.id))
        .join(visible, visible.c.id == col(Comment.report_id))
        .join(Customer, col(Customer.id) == visible.c.customer_id)
        .where(
            col(CommentReceipt.user_id) == principal.user_id, col(CommentReceipt.read_at).is_(None)
        )
        .group_by(col(Comment.report_id), col(Customer.id), col(Customer.name))
        .order_by(col(Comment.report_id).desc())
    )
    return [(r[0], r[1], r[2], int(r[3])) for r in rows.all()]


async def vendor_authors(session: AsyncSession, entry_id: int) -> set[int]:
    """The vendor staff who commented on the entry: they answered its question."""
    rows = await session.scalars(
        select(col(Comment.author_id))
        .join(User, col(User.id) == col(Comment.author_id))
        .where(col(Comment.entry_id) == entry_id, col(User.role) == Role.VENDOR)
        .distinct()
    )
    return set(rows.all())
