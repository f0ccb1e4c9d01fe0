from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import Response

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import Session
from api.kit.clock import month_key, today
from api.kit.errors import AppError, error_responses
from api.kit.export import XLSX_TYPE, ExportFormat, download
from api.kit.messages import language
from api.scorecard import service
from api.scorecard.schemas import Scorecard

router = protected_router("scorecard")


@router.get(
    "/scorecard",
    response_model=Scorecard,
    responses={**error_responses(403, 422), 200: {"content": {"text/csv": {}, XLSX_TYPE: {}}}},
)
async def get_scorecard(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    months: Annotated[int, Query(ge=1, le=24, description="Length of the period")] = 6,
    end_month: Annotated[
        str | None,
        Query(
            pattern=r"^20\d\d-(0[1-9]|1[0-2])$",
            description="Last month, YYYY-MM (2000–2099, not after this month); default now",
        ),
    ] = None,
    format: ExportFormat = "json",
) -> Scorecard | Response:
    """Agents' follow-up compliance per agent and salesperson (vendor staff); JSON, .xlsx or
    CSV with headers in the caller's language."""
    current = month_key(today())
    end = end_month or current
    if end > current:
        raise AppError("month_in_future", 422)
    card = await service.scorecard(session, principal, end_month=end, months=months, today=today())
    if format == "json":
        return card
    headers, rows = service.table(card, language(request))
    return download(format, f"scorecard-{card.months[0]}-{card.months[-1]}", headers, rows)
