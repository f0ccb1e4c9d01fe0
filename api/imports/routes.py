from typing import Annotated
from urllib.parse import quote

from fastapi import BackgroundTasks, Depends, Query, Request, status
from fastapi.responses import Response

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import AsyncSession, Session
from api.exporting import DOWNLOADS, answer_page
from api.identity.disclosure import shown_records
from api.imports import exports, repository, runner, service
from api.imports.models import RowStatus
from api.imports.schemas import ImportPublic, ImportRowPublic
from api.imports.spreadsheet import template_bytes
from api.kit.errors import error_responses
from api.kit.export import XLSX_TYPE, ExportFormat
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params

router = protected_router("imports")

_XLSX_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.get("/imports/template", responses={200: {"content": {XLSX_TYPE: {}}}})
async def download_template(principal: CurrentPrincipal) -> Response:
    """The legacy customer import template (.xlsx, with an instructions sheet)."""
    name = quote("客户导入模板 customer-import-template.xlsx")
    return Response(
        template_bytes(),
        media_type=XLSX_TYPE,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"},
    )


@router.post(
    "/imports",
    status_code=status.HTTP_202_ACCEPTED,
    openapi_extra=_XLSX_BODY,
    responses=error_responses(403, 404, 422),
)
async def upload_import(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    background: BackgroundTasks,
    agent_id: RowId,
    filename: Annotated[str, Query(max_length=200)] = "",
) -> ImportPublic:
    """Upload a filled template (the .xlsx as the body) for an agent; the dry run starts."""
    content = await request.body()  # api.kit.body_limit refused one over UPLOAD_MAX_BYTES
    job = await service.upload(session, principal, agent_id, filename, content)
    assert job.id is not None
    background.add_task(runner.start, job.id)  # after the commit: the task sees the rows
    return ImportPublic.model_validate(job)


@router.get("/imports", response_model=Page[ImportPublic], responses=DOWNLOADS)
async def list_imports(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    format: ExportFormat = "json",
) -> Page[ImportPublic] | Response:
    """The imports the caller may see, newest first; JSON (paged), .xlsx or CSV."""

    async def fetch(db: AsyncSession, page: PageParams) -> Page[ImportPublic]:
        rows, total = await repository.list_imports(db, principal, page)
        return Page(items=[ImportPublic.model_validate(r) for r in rows], total=total)

    return await answer_page(request, session, page, format, exports.IMPORTS, fetch)


@router.get("/imports/{import_id}", responses=error_responses(404))
async def read_import(
    import_id: RowId, session: Session, principal: CurrentPrincipal
) -> ImportPublic:
    """One import with the progress of its current pass."""
    return ImportPublic.model_validate(await repository.get_visible(session, principal, import_id))


@router.get(
    "/imports/{import_id}/rows",
    response_model=Page[ImportRowPublic],
    responses={**error_responses(404), **DOWNLOADS},
)
async def list_import_rows(
    import_id: RowId,
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[list[RowStatus] | None, Query()] = None,
    format: ExportFormat = "json",
) -> Page[ImportRowPublic] | Response:
    """The import's rows by row number: what each will do or did, and why; JSON (paged),
    .xlsx or CSV."""
    await repository.get_visible(session, principal, import_id)

    async def fetch(db: AsyncSession, page: PageParams) -> Page[ImportRowPublic]:
        rows, total = await repository.list_rows(db, import_id, status, page)
        items = [
            ImportRowPublic.model_validate(r).model_copy(
                update={"candidates": shown_records(principal, r.candidates)}
            )
            for r in rows
        ]
        return Page(items=items, total=total)

    return await answer_page(request, session, page, format, exports.IMPORT_ROWS, fetch)


@router.post(
    "/imports/{import_id}/commit",
    status_code=status.HTTP_202_ACCEPTED,
    responses=error_responses(403, 404, 409),
)
async def commit_import(
    import_id: RowId, session: Session, principal: CurrentPrincipal, background: BackgroundTasks
) -> ImportPublic:
    """Commit a checked import: re-check every row, then create the ready ones in one go."""
    job = await service.commit(session, principal, import_id)
    background.add_task(runner.start, import_id)
    return ImportPublic.model_validate(job)
