from typing import Annotated

from fastapi import Depends, Query, Request, Response, status
from pydantic import BaseModel

from api.agents import exports, repository, service
from api.agents.schemas import AgentCreate, AgentPublic, AgentUpdate
from api.auth.schemas import Credentials
from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import AsyncSession, Session
from api.exporting import DOWNLOADS, answer_page
from api.kit.errors import error_responses
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params
from api.users.schemas import UserPublic

router = protected_router("agents")

ERRORS = error_responses(403, 404, 409)


class AgentCreated(BaseModel):
    agent: AgentPublic
    admin: UserPublic
    credentials: Credentials


@router.get("/agents", response_model=Page[AgentPublic], responses=DOWNLOADS)
async def list_agents(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    search: Annotated[str | None, Query(max_length=100)] = None,
    is_active: bool | None = None,
    sort: Annotated[
        str | None, Query(max_length=30, description="name or created_at, '-' for descending")
    ] = None,
    format: ExportFormat = "json",
) -> Page[AgentPublic] | Response:
    """Agents the caller may see (the vendor: all; agent staff: their own); JSON (paged),
    .xlsx or CSV."""

    async def fetch(db: AsyncSession, page: PageParams) -> Page[AgentPublic]:
        agents, total = await repository.list_agents(
            db, principal, page, search=search, is_active=is_active, sort=sort
        )
        return Page(items=[AgentPublic.model_validate(a) for a in agents], total=total)

    return await answer_page(request, session, page, format, exports.AGENTS, fetch)


@router.post("/agents", status_code=status.HTTP_201_CREATED, responses=ERRORS)
async def create_agent(
    body: AgentCreate, session: Session, principal: CurrentPrincipal
) -> AgentCreated:
    """Create an agent with its master account; its one-time credentials are shown only here."""
    agent, admin, credentials = await service.create_agent(session, principal, body)
    return AgentCreated(
        agent=AgentPublic.model_validate(agent),
        admin=UserPublic.model_validate(admin),
        credentials=credentials,
    )


@router.get("/agents/{agent_id}", responses=ERRORS)
async def read_agent(agent_id: RowId, session: Session, principal: CurrentPrincipal) -> AgentPublic:
    """One agent the caller may see."""
    return AgentPublic.model_validate(await repository.get_visible(session, principal, agent_id))


@router.patch("/agents/{agent_id}", responses=ERRORS)
async def update_agent(
    agent_id: RowId, body: AgentUpdate, session: Session, principal: CurrentPrincipal
) -> AgentPublic:
    """Edit an agent's name and contact details."""
    return AgentPublic.model_validate(
        await service.update_agent(session, principal, agent_id, body)
    )


@router.post("/agents/{agent_id}/deactivate", responses=ERRORS)
async def deactivate_agent(
    agent_id: RowId, session: Session, principal: CurrentPrincipal
) -> AgentPublic:
    """Deactivate an agent: none of its people can sign in."""
    return AgentPublic.model_validate(await service.set_active(session, principal, agent_id, False))


@router.post("/agents/{agent_id}/reactivate", responses=ERRORS)
async def reactivate_agent(
    agent_id: RowId, session: Session, principal: CurrentPrincipal
) -> AgentPublic:
    """Reactivate a deactivated agent."""
    return AgentPublic.model_validate(await service.set_active(session, principal, agent_id, True))
