"""The database check behind the health endpoint."""

from sqlalchemy import text

from api.db import AsyncSession


async def ping(session: AsyncSession) -> None:
    """Raises when the database does not answer."""
    await session.execute(text("SELECT 1"))
