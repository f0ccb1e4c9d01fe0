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
    format: ExportFormat = "json",
) -> Forecast | Response:
    """Expected demand per MCU model per month, by agent, domain and stage; JSON, .xlsx or CSV
    (headers in the caller's language: Accept-Language)."""
    start = month_key(today())
    rows = await service.compute(
        session,
        principal,
        await current_rules(session),
        start_month=start,
        months=months,
        mcu_model_id=mcu_model_id,
        agent_id=agent_id,
        product_domain_id=product_domain_id,
    )
    if format != "json":
        return await export_items(request, session, format, exports.FORECAST, rows)
    months_ahead = service.horizon(start, months)
    return Forecast(
        generated_at=now(),
        months=months_ahead,
        rows=rows,
        by_model=service.by_model(rows, months_ahead),
    )


@router.get("/forecast/accuracy", responses=error_responses(403))
async def forecast_accuracy(
    session: Session,
    principal: ForecastPrincipal,
    months_back: Annotated[int, Query(ge=1, le=24)] = 6,
) -> ForecastAccuracy:
    """Forecast made a month ahead against actual shipments, with MAPE per model and agent."""
    return await snapshots.accuracy(session, principal, today=today(), months_back=months_back)
