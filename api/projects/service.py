"""Projects as the follow-up reports and the sales records use them (SPEC §7, §9)."""

from api.customers.models import Customer
from api.db import AsyncSession
from api.kit.errors import AppError
from api.projects import repository
from api.projects.models import Project


async def current_projects(session: AsyncSession, customer: Customer) -> list[Project]:
    """The customer's projects by its current agent: after the customer changed hands, the
    previous agent's projects are no longer worked on or sold against."""
    return await repository.of_current_agent(session, customer)


async def add(session: AsyncSession, project: Project) -> Project:
    """A new project of a customer. Raises 409 project_name_taken when the customer already has
    one of that name by the same agent."""
    if not await repository.add(session, project):
        raise AppError("project_name_taken", 409, name=project.name)
    return project
