"""Projects as the follow-up reports use them (SPEC §7)."""

from api.db import AsyncSession
from api.kit.errors import AppError
from api.projects import repository
from api.projects.models import Project


async def add(session: AsyncSession, project: Project) -> Project:
    """A new project of a customer. Raises 409 project_name_taken when the customer already has
    one of that name by the same agent."""
    if not await repository.add(session, project):
        raise AppError("project_name_taken", 409, name=project.name)
    return project
