from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import Session
from api.kit.errors import error_responses
from api.kit.ids import RowId
from api.projects import repository
from api.projects.schemas import ProjectHistoryEntry, ProjectPublic, ProjectWithHistory

router = protected_router("projects")


@router.get("/customers/{customer_id}/projects")
async def list_projects(
    customer_id: RowId, session: Session, principal: CurrentPrincipal
) -> list[ProjectPublic]:
    """A customer's projects with their current state (pane 3 of the follow-up screen)."""
    return [
        ProjectPublic.model_validate(p)
        for p in await repository.list_for_customer(session, principal, customer_id)
    ]


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
