"""The one query of signing a request in: the caller's account with its agent."""

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload
from sqlmodel import col, select

from api.users.models import User


async def account_with_agent(session: AsyncSession, user_id: int) -> User | None:
    """One statement per request (the account and its agent joined), not one for each."""
    agent = joinedload(User.agent)  # type: ignore[arg-type]
    return await session.scalar(select(User).options(agent).where(col(User.id) == user_id))
