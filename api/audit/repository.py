from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from api.audit.models import AuditLog
from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.kit.pagination import PageParams, paginate


async def list_entries(
    session: AsyncSession,
    principal: Principal,
    page: PageParams,
    *,
    object_type: str | None = None,
    object_id: str | None = None,
    actor_id: int | None = None,
    action: str | None = None,
) -> tuple[list[AuditLog], int]:
    statement = readable_statement(principal, AuditLog)
    filters = {
        col(AuditLog.object_type): object_type,
        col(AuditLog.object_id): object_id,
        col(AuditLog.actor_id): actor_id,
        col(AuditLog.action): action,
    }
    for column, value in filters.items():
        if value is not None:
            statement = statement.where(column == value)
    return await paginate(session, statement.order_by(col(AuditLog.id).desc()), page)
