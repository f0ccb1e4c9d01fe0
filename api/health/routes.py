from fastapi import Response, status
from pydantic import BaseModel, Field

from api import __version__
from api.authz.routers import public_router
from api.config import get_settings
from api.db import Session
from api.health import repository
from api.health.build import served_build
from api.kit.routing import API_PREFIX

router = public_router("health")


class HealthOut(BaseModel):
    status: str
    database: str
    version: str


@router.get("/health", responses={503: {"model": HealthOut}})
async def health(session: Session, response: Response) -> HealthOut:
    """Liveness, database reachability and the build version."""
    try:
        await repository.ping(session)
    except Exception:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return HealthOut(status="degraded", database="unreachable", version=__version__)
    return HealthOut(status="ok", database="ok", version=__version__)


class VersionOut(BaseModel):
    api: str = Field(description="The API's major version: the path prefix, e.g. v1")
    version: str = Field(description="The server's release version")
    build: str = Field(description="Build id of the SPA this server serves; empty when not built")


@router.get("/version")
async def version() -> VersionOut:
    """The API version and the build of the SPA served (the SPA asks for a reload when it moved)."""
    return VersionOut(
        api=API_PREFIX.rsplit("/", 1)[-1],
        version=__version__,
        build=served_build(get_settings().spa_dist_dir),
    )
