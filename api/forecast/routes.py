from typing import Annotated

from fastapi import Depends, Query
from fastapi.responses import Response

from api.authz.principal import Principal, scoped_principal
from api.authz.routers import integration_router
from api.db import Session
from api.forecast import service, snapshots
from api.forecast.schemas import Forecast, ForecastAccuracy
from api.kit.clock import month_key, now, today
from api.kit.errors import error_responses
from api.kit.export import download
from api.kit.ids import RowId
from api.rules.service import current_rules
from api.tokens.scopes import TokenScope

forecast_principal = scoped_principal(TokenScope.FORECAST_READ)
router = integration_router("forecast", forecast_principal)
ForecastPrincipal = Annotated[Principal, Depends(forecast_principal)]

CSV_COLUMNS = ["month", "mcu_model", "agent", "product_domain", "stage", "quantity"]


@router.get("/forecast", response_model=Forecast, responses={200: {"content": {"text/csv": {}}}})
async def forecast(
    session: Session,
    principal: ForecastPrincipal,
    months: Annotated[int, Query(ge=1, le=24)] = 12,
    mcu_model_id: RowId | None = None,
    agent_id: RowId | None = None,
    product_domain_id: RowId | None = None,
    format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
) -> Forecast | Response:
    """Expected demand per MCU model per month, by agent, domain and stage; JSON or CSV."""
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
    if format == "csv":
        table = [
            [r.month, r.mcu_model, r.agent, r.product_domain, r.stage, r.quantity] for r in rows
        ]
        return download("csv", f"forecast-{start}", CSV_COLUMNS, table)
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
