"""点评 (SPEC §7): the vendor comments; the author and the contact have it unread until opened."""

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col, func, select

from api.audit.service import record
from api.authz.policy import authorize, can_comment, readable_statement
from api.authz.principal import Principal
from api.comments.models import Comment, CommentReceipt
from api.customers.models import Customer
from api.kit.clock import now
from api.kit.errors import AppError
from api.notifications.service import notify
from api.reports import repository
from api.reports.models import Report
from api.users.models import User


async def add(
    session: AsyncSession, principal: Principal, report_id: int, body: str, entry_id: int | None
) -> Comment:
    """Comment on a report or one of its entries (vendor). Raises 403, 404; 422 foreign entry."""
    report = await repository.get_visible(session, principal, report_id)
    authorize(can_comment(principal))
    if entry_id is not None and entry_id not in {e.id for e in report.entries}:
        raise AppError("entry_not_of_report", 422)
    comment = Comment(
        report_id=report_id, entry_id=entry_id, author_id=principal.user_id, body=body
    )
    session.add(comment)
    await session.flush()
    customer = await session.get(Customer, report.customer_id)
    readers = {report.author_id, customer.contact_user_id if customer else None} - {
        None,
        principal.user_id,
    }
    session.add_all(
        CommentReceipt(comment_id=comment.id or 0, user_id=user_id)
        for user_id in readers
        if user_id
    )
    for reader in await session.scalars(select(User).where(col(User.id).in_(readers))):
        notify(
            session,
            reader,
            "new_comment",
            customer=customer.name if customer else "",
            date=report.report_date.isoformat(),
            comment=body,
        )
    await record(session, principal, "comment.create", comment, agent_id=report.agent_id)
    return comment


async def mark_read(session: AsyncSession, principal: Principal, report_id: int) -> int:
    """Opening a report reads its comments for the caller; returns how many became read."""
    await repository.get_visible(session, principal, report_id)
    comment_ids = select(col(Comment.id)).where(col(Comment.report_id) == report_id)
    result = await session.execute(
        update(CommentReceipt)
        .where(
            col(CommentReceipt.user_id) == principal.user_id,
            col(CommentReceipt.read_at).is_(None),
            col(CommentReceipt.comment_id).in_(comment_ids),
        )
        .values(read_at=now())
    )
    marked = int(result.rowcount or 0)  # type: ignore[attr-defined]
    if marked:
        report = await session.get(Report, report_id)
        assert report is not None
        await record(session, principal, "comment.read", report)
    return marked


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


async def comments_of(
    session: AsyncSession, principal: Principal, report_id: int
) -> list[tuple[Comment, bool]]:
    """The report's comments with whether each is unread by the caller (one statement)."""

    unread = (
        select(func.count())
        .select_from(CommentReceipt)
        .where(
            col(CommentReceipt.comment_id) == col(Comment.id),
            col(CommentReceipt.user_id) == principal.user_id,
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


async def unread_by_customer(
    session: AsyncSession, user_id: int, customer_ids: list[int]
) -> dict[int, int]:
    """customer id -> comments on its reports unread by the user (one statement per page)."""
    if not customer_ids:
        return {}
    rows = await session.execute(
        select(col(Report.customer_id), func.count())
        .join(Comment, col(Comment.report_id) == col(Report.id))
        .join(CommentReceipt, col(CommentReceipt.comment_id) == col(Comment.id))
        .where(
            col(CommentReceipt.user_id) == user_id,
            col(CommentReceipt.read_at).is_(None),
            col(Report.customer_id).in_(customer_ids),
        )
        .group_by(col(Report.customer_id))
    )
    return {r[0]: int(r[1]) for r in rows.all()}
