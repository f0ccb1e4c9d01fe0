"""SQL of API tokens. Only the vendor manages them (checked in the service), so no row scoping."""

from sqlmodel import col, select

from api.db import AsyncSession
from api.tokens.models import ApiToken


async def newest_first(session: AsyncSession) -> list[ApiToken]:
    return list((await session.scalars(select(ApiToken).order_by(col(ApiToken.id).desc()))).all())


async def by_hash(session: AsyncSession, token_hash: str) -> ApiToken | None:
    return await session.scalar(select(ApiToken).where(col(ApiToken.token_hash) == token_hash))
