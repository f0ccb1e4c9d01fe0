from typing import Annotated

from fastapi import Depends, Query, Request, Response, status

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.catalog import domains, exports, mcu, repository
from api.catalog.models import McuStatus
from api.catalog.regions import Province, provinces
from api.catalog.schemas import (
    DomainMerge,
    DomainMergeResult,
    DomainMove,
    DomainReferences,
    ImportProblem,
    McuImportIn,
    McuImportResult,
    McuImportRow,
    McuModelCreate,
    McuModelPublic,
    McuModelUpdate,
    ProductDomainCreate,
    ProductDomainPublic,
    ProductDomainUpdate,
)
from api.db import AsyncSession, Session
from api.exporting import DOWNLOADS, answer_page
from api.kit.errors import error_responses
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.kit.messages import language, translate
from api.kit.pagination import Page, PageParams, page_params

router = protected_router("catalog")

ERRORS = error_responses(403, 404, 409, 422)


@router.get("/product-domains")
async def list_product_domains(
    session: Session,
    include_inactive: Annotated[
        bool, Query(description="Also deactivated domains (for the catalog's maintenance)")
    ] = False,
) -> list[ProductDomainPublic]:
    """Product domains with their typical products, level-1 each followed by its level-2."""
    rows = await repository.list_domains(session, include_inactive=include_inactive)
    return [ProductDomainPublic.model_validate(d) for d in rows]


@router.post("/product-domains", status_code=status.HTTP_201_CREATED, responses=ERRORS)
async def create_product_domain(
    body: ProductDomainCreate, session: Session, principal: CurrentPrincipal
) -> ProductDomainPublic:
    """Add a level-1 domain, or a level-2 domain under one (vendor only)."""
    return ProductDomainPublic.model_validate(await domains.create(session, principal, body))


@router.patch("/product-domains/{domain_id}", responses=ERRORS)
async def update_product_domain(
    domain_id: RowId, body: ProductDomainUpdate, session: Session, principal: CurrentPrincipal
) -> ProductDomainPublic:
    """Rename a domain, edit its typical products or move it under another (vendor only)."""
    domain = await domains.update(session, principal, domain_id, body)
    return ProductDomainPublic.model_validate(domain)


@router.post("/product-domains/{domain_id}/move", responses=ERRORS)
async def move_product_domain(
    domain_id: RowId, body: DomainMove, session: Session, principal: CurrentPrincipal
) -> list[ProductDomainPublic]:
    """Reorder a domain among its siblings (vendor only); answers the whole tree."""
    await domains.move(session, principal, domain_id, body.position)
    rows = await repository.list_domains(session, include_inactive=True)
    return [ProductDomainPublic.model_validate(d) for d in rows]


@router.post("/product-domains/{domain_id}/deactivate", responses=ERRORS)
async def deactivate_product_domain(
    domain_id: RowId, session: Session, principal: CurrentPrincipal
) -> ProductDomainPublic:
    """Stop offering a domain for new records; existing records keep it (vendor only)."""
    domain = await domains.set_active(session, principal, domain_id, False)
    return ProductDomainPublic.model_validate(domain)


@router.post("/product-domains/{domain_id}/reactivate", responses=ERRORS)
async def reactivate_product_domain(
    domain_id: RowId, session: Session, principal: CurrentPrincipal
) -> ProductDomainPublic:
    """Offer a deactivated domain again (vendor only)."""
    domain = await domains.set_active(session, principal, domain_id, True)
    return ProductDomainPublic.model_validate(domain)


@router.get("/product-domains/{domain_id}/references", responses=error_responses(403, 404))
async def product_domain_references(
    domain_id: RowId, session: Session, principal: CurrentPrincipal
) -> DomainReferences:
    """How many records of all agents use a domain, per table (vendor only; a merge's preview)."""
    counts, children = await domains.references(session, principal, domain_id)
    return DomainReferences(counts=counts, total=sum(counts.values()), children=children)


@router.post("/product-domains/{domain_id}/merge", responses=ERRORS)
async def merge_product_domain(
    domain_id: RowId, body: DomainMerge, session: Session, principal: CurrentPrincipal
) -> DomainMergeResult:
    """Move every record of a domain to another and deactivate it (vendor only)."""
    target, moved = await domains.merge(session, principal, domain_id, body.into_id)
    return DomainMergeResult(
        target=ProductDomainPublic.model_validate(target), moved=moved, total=sum(moved.values())
    )


@router.get("/regions")
async def list_regions() -> list[Province]:
    """Provinces and their cities (the national division list, to city level)."""
    return list(provinces())


@router.get("/mcu-models")
async def list_mcu_models(session: Session) -> list[McuModelPublic]:
    """Our MCU part numbers (active first, then not-recommended and end-of-life)."""
    rows = await repository.all_mcu_models(session)
    return [McuModelPublic.model_validate(m) for m in rows]


@router.get("/mcu-models/page", response_model=Page[McuModelPublic], responses=DOWNLOADS)
async def page_mcu_models(
    request: Request,
    session: Session,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[
        str | None, Query(max_length=40, description="Part number, series or core")
    ] = None,
    mcu_status: Annotated[McuStatus | None, Query(alias="status")] = None,
    format: ExportFormat = "json",
) -> Page[McuModelPublic] | Response:
    """One page of our MCU models, searched and filtered by status; or all of them as .xlsx
    or CSV."""

    async def fetch(db: AsyncSession, page: PageParams) -> Page[McuModelPublic]:
        rows, total = await repository.page_mcu_models(db, page, q, mcu_status)
        return Page(items=[McuModelPublic.model_validate(m) for m in rows], total=total)

    return await answer_page(request, session, page, format, exports.MCU_MODELS, fetch)


@router.post("/mcu-models", status_code=status.HTTP_201_CREATED, responses=ERRORS)
async def create_mcu_model(
    body: McuModelCreate, session: Session, principal: CurrentPrincipal
) -> McuModelPublic:
    """Add a part number (vendor only)."""
    return McuModelPublic.model_validate(await mcu.create(session, principal, body))


@router.patch("/mcu-models/{model_id}", responses=ERRORS)
async def update_mcu_model(
    model_id: RowId, body: McuModelUpdate, session: Session, principal: CurrentPrincipal
) -> McuModelPublic:
    """Correct a model or change its status: active, NRND, EOL (vendor only)."""
    return McuModelPublic.model_validate(await mcu.update(session, principal, model_id, body))


@router.post(
    "/mcu-models/{model_id}/delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=ERRORS,
)
async def delete_mcu_model(model_id: RowId, session: Session, principal: CurrentPrincipal) -> None:
    """Remove a model no record uses (vendor only; a used one is set end-of-life instead)."""
    await mcu.delete(session, principal, model_id)


@router.post("/mcu-models/import", responses=ERRORS)
async def import_mcu_models(
    body: McuImportIn, request: Request, session: Session, principal: CurrentPrincipal
) -> McuImportResult:
    """Import models from CSV or xlsx: a dry run previews, a commit upserts by part number."""
    planned, committed = await mcu.import_models(session, principal, body)
    lang = language(request)
    rows = [
        McuImportRow(
            row=row.row,
            part_number=row.part_number,
            series=row.series,
            core=row.core,
            status=row.status,
            action=action,
            errors=[ImportProblem(code=c, message=translate(c, lang)) for c in row.errors],
        )
        for row, action in planned
    ]
    actions = [action for _, action in planned]
    return McuImportResult(
        dry_run=body.dry_run,
        committed=committed,
        rows=rows,
        created=actions.count("create"),
        updated=actions.count("update"),
        unchanged=actions.count("unchanged"),
        errors=actions.count("error"),
    )
