"""create_app(): routers, error handlers, middleware (request ids, headers, body limit), the SPA."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from api import __version__
from api.agents.routes import router as agents_router
from api.announcements.routes import router as announcements_router
from api.audit.routes import router as audit_router
from api.auth.routes import password_router
from api.auth.routes import router as auth_router
from api.catalog.routes import router as catalog_router
from api.comments.routes import router as comments_router
from api.config import get_settings
from api.customers.routes import router as customers_router
from api.desk.routes import router as desk_router
from api.extensions.routes import router as extensions_router
from api.forecast.routes import router as forecast_router
from api.health.routes import router as health_router
from api.imports.routes import router as imports_router
from api.jobs import start_scheduler, stop_scheduler
from api.kit.body_limit import BodyLimit
from api.kit.errors import (
    install_database_unavailable_handler,
    install_error_handlers,
    install_integrity_handler,
)
from api.kit.headers import SecurityHeaders
from api.kit.logging import configure_logging
from api.kit.messages import translate
from api.kit.request_context import RequestContext
from api.kit.routing import API_PREFIX
from api.notifications.routes import router as notifications_router
from api.orders.routes import router as orders_router
from api.pool.routes import router as pool_router
from api.projects.routes import router as projects_router
from api.registrations.routes import router as registrations_router
from api.reports.routes import router as reports_router
from api.rules.routes import router as rules_router
from api.scorecard.routes import router as scorecard_router
from api.stats.routes import router as stats_router
from api.tokens.routes import router as tokens_router
from api.users.routes import me_router
from api.users.routes import router as users_router

ROUTERS: list[APIRouter] = [
    health_router,
    auth_router,
    password_router,
    me_router,
    users_router,
    agents_router,
    audit_router,
    catalog_router,
    rules_router,
    customers_router,
    registrations_router,
    extensions_router,
    pool_router,
    reports_router,
    projects_router,
    comments_router,
    orders_router,
    stats_router,
    forecast_router,
    tokens_router,
    notifications_router,
    imports_router,
    announcements_router,
    scorecard_router,
    desk_router,
]


# The routes whose body carries a file (the legacy import's .xlsx; the MCU import's base64 JSON)
# get UPLOAD_MAX_BYTES; every other body BODY_MAX_BYTES.
UPLOAD_PATHS = (f"{API_PREFIX}/imports", f"{API_PREFIX}/mcu-models/import")


def _operation_id(route: APIRoute) -> str:
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def _mount_spa(app: FastAPI) -> None:
    """Serve the built SPA at / with client-side routing: unknown non-API paths get index.html."""
    dist = get_settings().spa_dist_dir
    index = dist / "index.html"
    if (dist / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")

    @app.get("/{path:path}", include_in_schema=False)
    async def spa(path: str) -> Response:
        if path.startswith(API_PREFIX.lstrip("/")):
            return JSONResponse(
                {"detail": translate("not_found", "zh", object="resource"), "code": "not_found"},
                404,
            )
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(dist.resolve()):
            return FileResponse(candidate)
        if not index.is_file():
            return JSONResponse(
                {
                    "detail": "SPA not built: run `make run` (or `make frontend`)",
                    "code": "spa_missing",
                },
                503,
            )
        return FileResponse(index, headers={"Cache-Control": "no-cache"})


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Scheduled jobs run inside every API process; each run takes a database lock."""
    scheduler = start_scheduler(get_settings().jobs_interval_minutes)
    app.state.scheduler = scheduler
    try:
        yield
    finally:
        if scheduler is not None:
            await stop_scheduler(scheduler)


def create_app() -> FastAPI:
    settings = get_settings()
    configure_logging(settings.log_level)
    app = FastAPI(
        title="ChannelDesk (渠道通) API",
        version=__version__,
        description="Channel sales between an MCU manufacturer and its distribution agents.",
        generate_unique_id_function=_operation_id,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=_lifespan,
    )
    install_error_handlers(app)
    install_integrity_handler(app)
    install_database_unavailable_handler(app)
    # Inside the request context, so a 413 has its request id and access log line too.
    app.add_middleware(
        BodyLimit,
        max_bytes=settings.body_max_bytes,
        upload_bytes=settings.upload_max_bytes,
        upload_paths=UPLOAD_PATHS,
    )
    app.add_middleware(RequestContext)
    app.add_middleware(
        SecurityHeaders,
        docs_path=f"{API_PREFIX}/docs",
        trust_forwarded_proto=settings.trust_forwarded_proto,
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["*"],
        )
    for router in ROUTERS:
        app.include_router(router, prefix=API_PREFIX)
    _mount_spa(app)
    return app


app = create_app()
