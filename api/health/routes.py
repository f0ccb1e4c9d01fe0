from fastapi import Response, status
from pydantic import BaseModel
from sqlalchemy import text

from api import __version__
from api.db import Session
from api.kit.routing import public_router

router = public_router("health")


class HealthOut(BaseModel):
    status: str
    database: str
    version: str


@router.get("/health", responses={503: {"model": HealthOut}})
async def health(session: Session, response: Response) -> HealthOut:
    """Liveness, database reachability and the build version."""
    try:
        await session.execute(text("SELECT 1"))
    except Exception:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return HealthOut(status="degraded", database="unreachable", version=__version__)
    return HealthOut(status="ok", database="ok", version=__version__)
