"""Agent companies: created by the vendor together with their master account."""

from api.agents import repository
from api.agents.models import Agent
from api.agents.schemas import AgentCreate, AgentUpdate
from api.audit.service import record, snapshot
from api.auth.schemas import Credentials
from api.authz.policy import authorize, can_manage_agents
from api.authz.principal import Principal
from api.authz.roles import Role
from api.db import AsyncSession
from api.kit.errors import Conflict
from api.users.models import User
from api.users.schemas import UserCreate
from api.users.service import create_user


async def create_agent(
    session: AsyncSession, principal: Principal, data: AgentCreate
) -> tuple[Agent, User, Credentials]:
    """Create the agent and its master account (公司主账户) in one transaction. Raises 403 for
    non-vendors, 409 on a taken agent name, login name or email."""
    authorize(can_manage_agents(principal))
    name = data.name.strip()
    if await repository.name_taken(session, name):
        raise Conflict("agent_name_taken", name=name)
    agent = Agent(
        name=name,
        contact_name=data.contact_name,
        contact_phone=data.contact_phone,
        contact_email=(data.contact_email or "").lower(),
        address=data.address,
    )
    session.add(agent)
    await record(session, principal, "agent.create", agent, agent_id=agent.id)
    admin, credentials = await create_user(
        session,
        principal,
        UserCreate(**data.admin.model_dump(), role=Role.AGENT_ADMIN, agent_id=agent.id),
    )
    return agent, admin, credentials


async def update_agent(
    session: AsyncSession, principal: Principal, agent_id: int, data: AgentUpdate
) -> Agent:
    agent = await repository.get_visible(session, principal, agent_id)
    authorize(can_manage_agents(principal))
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if "name" in changes:
        changes["name"] = changes["name"].strip()
        if await repository.name_taken(session, changes["name"], except_id=agent_id):
            raise Conflict("agent_name_taken", name=changes["name"])
    if "contact_email" in changes:
        changes["contact_email"] = changes["contact_email"].lower()
    before = snapshot(agent)
    for field, value in changes.items():
        setattr(agent, field, value)
    session.add(agent)
    await record(session, principal, "agent.update", agent, before=before, agent_id=agent.id)
    return agent


async def set_active(
    session: AsyncSession, principal: Principal, agent_id: int, active: bool
) -> Agent:
    """A deactivated agent's users can no longer sign in; its data stays."""
    agent = await repository.get_visible(session, principal, agent_id)
    authorize(can_manage_agents(principal))
    before = snapshot(agent)
    agent.is_active = active
    session.add(agent)
    action = "agent.reactivate" if active else "agent.deactivate"
    await record(session, principal, action, agent, before=before, agent_id=agent.id)
    return agent
