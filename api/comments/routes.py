from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.comments import service
from api.db import Session
from api.reports.schemas import UnreadComments, UnreadReport

router = protected_router("comments")


@router.get("/me/unread-comments")
async def unread_comments(session: Session, principal: CurrentPrincipal) -> UnreadComments:
    """The caller's unread comments (点评) per report: the home page's green name and counter."""
    rows = await service.unread_by_report(session, principal)
    return UnreadComments(
        total=sum(r[3] for r in rows),
        reports=[
            UnreadReport(report_id=r[0], customer_id=r[1] or 0, customer_name=r[2], unread=r[3])
            for r in rows
        ],
    )
