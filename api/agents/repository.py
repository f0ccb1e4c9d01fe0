"""Agent queries; every one starts from the caller's readable scope."""

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from api.agents.models import Agent
from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.kit.errors import NotFound
from api.kit.filters import contains_text
from api.kit.pagination import PageParams, order_by, paginate

SORTABLE = {"name": col(Agent.name), "created_at": col(Agent.created_at)}


async def list_agents(
    session: AsyncSession,
    principal: Principal,
    page: PageParams,
    *,
    search: str | None = None,
    is_active: bool | None = None,
    sort: str | None = None,
) -> tuple[list[Agent], int]:
    statement = readable_statement(principal, Agent)
    if search:
        statement = statement.where(contains_text(col(Agent.name), search))
    if is_active is not None:
        statement = statement.where(col(Agent.is_active) == is_active)
    statement = statement.order_by(*order_by(sort, SORTABLE, "name"), col(Agent.id))
    return await paginate(session, statement, page)


async def get_visible(session: AsyncSession, principal: Principal, agent_id: int) -> Agent:
    """The agent if the caller may see it; raises 404 otherwise."""
    agent = await session.scalar(
        readable_statement(principal, Agent).where(col(Agent.id) == agent_id)
    )
    if agent is None:
        raise NotFound("agent")
    return agent


async def name_taken(session: AsyncSession, name: str, except_id: int | None = None) -> bool:
    statement = select(Agent.id).where(col(Agent.name) == name)
    if except_id is not None:
        statement = statement.where(col(Agent.id) != except_id)
    return await session.scalar(statement) is not None
