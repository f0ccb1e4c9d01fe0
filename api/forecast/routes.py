from typing import Annotated

from fastapi import Depends, Query, Request, Response

from api.authz.principal import Principal, scoped_principal
from api.authz.routers import integration_router
from api.db import Session
from api.exporting import DOWNLOADS, export_items
from api.forecast import exports, service, snapshots
from api.forecast.schemas import Forecast, ForecastAccuracy
from api.kit.clock import month_key, now, today
from api.kit.errors import error_responses
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.projects.stages import ProjectStage
from api.rules.service import current_rules
from api.tokens.scopes import TokenScope

forecast_principal = scoped_principal(TokenScope.FORECAST_READ)
router = integration_router("forecast", forecast_principal)
ForecastPrincipal = Annotated[Principal, Depends(forecast_principal)]


@router.get("/forecast", response_model=Forecast, responses=DOWNLOADS)
async def forecast(
    request: Request,
    session: Session,
    principal: ForecastPrincipal,
    months: Annotated[int, Query(ge=1, le=24)] = 12,
    mcu_model_id: RowId | None = None,
    agent_id: RowId | None = None,
    product_domain_id: RowId | None = None,
    detail: Annotated[
        bool, Query(description="Also the rows per month, model, agent, domain and stage")
    ] = False,
    format: ExportFormat = "json",
) -> Forecast | Response:
    """Expected demand per MCU model and per stage per month; with `detail`, per agent, domain
    and stage too. JSON, or the detail rows as .xlsx or CSV (headers in the caller's language:
    Accept-Language)."""
    demand = await service.compute(
        session,
        principal,
        await current_rules(session),
        start_month=month_key(today()),
        months=months,
        mcu_model_id=mcu_model_id,
        agent_id=agent_id,
        product_domain_id=product_domain_id,
        detail=detail or format != "json",
    )
    if format != "json":
        return await export_items(request, session, format, exports.FORECAST, demand.rows())
    return Forecast(
        generated_at=now(),
        months=demand.months,
        by_model=demand.by_model(),
        by_stage=demand.by_stage(ProjectStage),
        rows=demand.rows() if detail else None,
    )


@router.get("/forecast/accuracy", responses=error_responses(403))
async def forecast_accuracy(
    session: Session,
    principal: ForecastPrincipal,
    months_back: Annotated[int, Query(ge=1, le=24)] = 6,
) -> ForecastAccuracy:
    """Forecast made a month ahead against actual shipments, with MAPE per model and agent."""
    return await snapshots.accuracy(session, principal, today=today(), months_back=months_back)
