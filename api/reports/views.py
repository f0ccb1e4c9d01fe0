"""Reports as the API shows them, assembled in a fixed number of statements."""

from api.authz.policy import authorize
from api.authz.principal import Principal
from api.authz.roles import Role
from api.comments import service as comments
from api.db import AsyncSession
from api.reports import repository
from api.reports.models import Report
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
    counts = await comments.counts_by_report(session, principal, [r.id or 0 for r in reports])
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
    return CommentPublic.model_validate(await comments.get_with_author(session, comment_id))


async def revisions(
    session: AsyncSession, principal: Principal, report_id: int
) -> list[ReportRevisionPublic]:
    """History of edits: the vendor and the agent's master account."""
    await repository.get_visible(session, principal, report_id)
    authorize(principal.role in (Role.VENDOR, Role.AGENT_ADMIN))
    return [
        ReportRevisionPublic.model_validate(r)
        for r in await repository.revisions(session, report_id)
    ]
