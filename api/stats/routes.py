from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Query
from fastapi.responses import Response

from api.authz.principal import Principal, scoped_principal
from api.authz.routers import integration_router
from api.db import Session
from api.kit.clock import today
from api.kit.days import Day
from api.kit.errors import AppError, error_responses
from api.kit.export import XLSX_TYPE, ExportFormat, download
from api.kit.ids import RowId
from api.stats import service
from api.stats.schemas import Dimension, Granularity, ShipmentStats
from api.tokens.scopes import TokenScope

stats_principal = scoped_principal(TokenScope.STATS_READ)
router = integration_router("stats", stats_principal)
StatsPrincipal = Annotated[Principal, Depends(stats_principal)]


@router.get(
    "/stats/shipments",
    response_model=ShipmentStats,
    responses={**error_responses(422), 200: {"content": {"text/csv": {}, XLSX_TYPE: {}}}},
)
async def shipment_stats(
    session: Session,
    principal: StatsPrincipal,
    granularity: Granularity = Granularity.MONTH,
    group_by: Dimension = Dimension.NONE,
    date_from: Day | None = None,
    date_to: Day | None = None,
    agent_id: RowId | None = None,
    top: Annotated[int | None, Query(ge=1, le=100)] = None,
    format: ExportFormat = "json",
) -> ShipmentStats | Response:
    """Shipments by period and dimension against the previous period; JSON, .xlsx or CSV."""
    end = date_to or today()
    start = date_from or (end - timedelta(days=365)).replace(day=1)
    if start > end:
        raise AppError("date_range_invalid", 422)
    stats = await service.shipments(
        session,
        principal,
        granularity=granularity,
        dimension=group_by,
        date_from=start,
        date_to=end,
        agent_id=agent_id,
        top=top,
    )
    if format == "json":
        return stats
    headers, rows = service.table(stats)
    return download(format, f"shipments-{group_by.value}-{start}-{end}", headers, rows)
