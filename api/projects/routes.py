from fastapi import Request, Response

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import Session
from api.exporting import DOWNLOADS, answer_list
from api.kit.errors import error_responses
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.projects import exports, repository
from api.projects.schemas import ProjectHistoryEntry, ProjectPublic, ProjectWithHistory

router = protected_router("projects")


@router.get(
    "/customers/{customer_id}/projects", response_model=list[ProjectPublic], responses=DOWNLOADS
)
async def list_projects(
    customer_id: RowId,
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    format: ExportFormat = "json",
) -> list[ProjectPublic] | Response:
    """A customer's projects with their current state (pane 3 of the follow-up screen); JSON,
    .xlsx or CSV."""
    projects = [
        ProjectPublic.model_validate(p)
        for p in await repository.list_for_customer(session, principal, customer_id)
    ]
    return await answer_list(request, session, format, exports.PROJECTS, projects)


@router.get("/projects/{project_id}", responses=error_responses(404))
async def read_project(
    project_id: RowId, session: Session, principal: CurrentPrincipal
) -> ProjectWithHistory:
    """One project with its history: every report entry, oldest first."""
    project = await repository.get_visible(session, principal, project_id)
    history = [
        ProjectHistoryEntry.model_validate(
            {
                **entry.model_dump(),
                "report_id": report.id,
                "report_date": report.report_date,
                "written_by": entry.written_by,
                "mcu_model": entry.mcu_model,
            }
        )
        for entry, report in await repository.history(session, project_id)
    ]
    return ProjectWithHistory.model_validate(
        {**ProjectPublic.model_validate(project).model_dump(), "history": history}
    )
