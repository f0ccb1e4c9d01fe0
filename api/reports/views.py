"""Reports as the API shows them, assembled in a fixed number of statements."""

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col, select

from api.authz.policy import authorize
from api.authz.principal import Principal
from api.authz.roles import Role
from api.comments import service as comments
from api.comments.models import Comment
from api.reports import repository
from api.reports.models import Report, ReportRevision
from api.reports.schemas import (
    CommentPublic,
    EntryPublic,
    ReportDetail,
    ReportRevisionPublic,
    ReportSummary,
)


async def summaries(
    session: AsyncSession, principal: Principal, reports: list[Report]
) -> list[ReportSummary]:
    counts = await repository.comment_counts(
        session, [r.id or 0 for r in reports], principal.user_id
    )
    return [
        ReportSummary.model_validate(
            {
                **report.model_dump(),
                "author": report.author,
                "projects": [e.project for e in report.entries],
                "comment_count": counts.get(report.id or 0, (0, 0))[0],
                "unread_comments": counts.get(report.id or 0, (0, 0))[1],
            }
        )
        for report in reports
    ]


async def detail(session: AsyncSession, principal: Principal, report_id: int) -> ReportDetail:
    report = await repository.get_visible(session, principal, report_id)
    return ReportDetail.model_validate(
        {
            **report.model_dump(),
            "author": report.author,
            "entries": [EntryPublic.model_validate(e) for e in report.entries],
            "comments": [
                CommentPublic.model_validate(c).model_copy(update={"unread": unread})
                for c, unread in await comments.comments_of(session, principal, report_id)
            ],
        }
    )


async def comment(session: AsyncSession, comment_id: int) -> CommentPublic:
    created = await session.scalar(
        select(Comment).where(col(Comment.id) == comment_id).options(selectinload(Comment.author))  # type: ignore[arg-type]
    )
    return CommentPublic.model_validate(created)


async def revisions(
    session: AsyncSession, principal: Principal, report_id: int
) -> list[ReportRevisionPublic]:
    """History of edits: the vendor and the agent's master account."""
    await repository.get_visible(session, principal, report_id)
    authorize(principal.role in (Role.VENDOR, Role.AGENT_ADMIN))
    rows = await session.scalars(
        select(ReportRevision)
        .where(col(ReportRevision.report_id) == report_id)
        .options(selectinload(ReportRevision.edited_by))  # type: ignore[arg-type]
        .order_by(col(ReportRevision.version).desc())
    )
    return [ReportRevisionPublic.model_validate(r) for r in rows]
