"""点评 (SPEC §7): the vendor comments; the author and the contact have it unread until opened.
In the thread of an entry's question the agent's side replies, unread for the vendor staff who
answered there."""

from api.audit.service import record
from api.authz.policy import authorize, can_comment
from api.authz.principal import Principal
from api.comments import repository
from api.comments.models import Comment, CommentReceipt
from api.customers.models import Customer
from api.db import AsyncSession
from api.kit.clock import now
from api.kit.errors import AppError
from api.notifications.service import notify_users
from api.reports import service as reports
from api.reports.models import Report


async def add(
    session: AsyncSession, principal: Principal, report_id: int, body: str, entry_id: int | None
) -> Comment:
    """Comment on a report or one of its entries (vendor), or reply in the thread of an entry's
    question (the agent's side). Raises 403, 404; 422 foreign entry."""
    report = await reports.get_visible(session, principal, report_id)
    entry = next((e for e in report.entries if e.id == entry_id), None)
    if entry_id is not None and entry is None:
        raise AppError("entry_not_of_report", 422)
    asks = entry is not None and bool(entry.open_questions.strip())
    authorize(can_comment(principal, on_question=asks))
    comment = Comment(
        report_id=report_id, entry_id=entry_id, author_id=principal.user_id, body=body
    )
    session.add(comment)
    await session.flush()
    customer = await session.get(Customer, report.customer_id)
    agent_side = {report.author_id, customer.contact_user_id if customer else None}
    answerers = (
        set() if principal.is_vendor else await repository.vendor_authors(session, entry_id or 0)
    )
    readers = {u for u in agent_side | answerers if u and u != principal.user_id}
    session.add_all(CommentReceipt(comment_id=comment.id or 0, user_id=u) for u in readers)
    await notify_users(
        session,
        readers,
        "new_comment" if principal.is_vendor else "question_reply",
        customer=customer.name if customer else "",
        date=report.report_date.isoformat(),
        comment=body,
        author=principal.display_name,
        question=entry.open_questions if entry else "",
    )
    await record(session, principal, "comment.create", comment, agent_id=report.agent_id)
    return comment


async def get_with_author(session: AsyncSession, comment_id: int) -> Comment:
    """A comment just added, with its author loaded to show it."""
    return await repository.get_with_author(session, comment_id)


async def mark_read(session: AsyncSession, principal: Principal, report_id: int) -> int:
    """Opening a report reads its comments for the caller; returns how many became read."""
    await reports.get_visible(session, principal, report_id)
    marked = await repository.mark_read(session, report_id, principal.user_id, now())
    if marked:
        report = await session.get(Report, report_id)
        assert report is not None
        await record(session, principal, "comment.read", report)
    return marked


async def unread_by_report(
    session: AsyncSession, principal: Principal
) -> list[tuple[int, int | None, str, int]]:
    """(report id, customer id, customer name, unread) for the caller, on reports still visible."""
    return await repository.unread_by_report(session, principal)


async def comments_of(
    session: AsyncSession, principal: Principal, report_id: int
) -> list[tuple[Comment, bool]]:
    """The report's comments with whether each is unread by the caller (one statement). The
    caller has loaded the report through their scope."""
    return await repository.of_report(session, report_id, principal.user_id)


async def counts_by_report(
    session: AsyncSession, principal: Principal, report_ids: list[int]
) -> dict[int, tuple[int, int]]:
    """report id -> (comments, unread by the caller), for reports the caller has loaded through
    their scope (one statement)."""
    return await repository.counts_by_report(session, report_ids, principal.user_id)
