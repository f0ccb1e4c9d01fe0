"""Our MCU models (the vendor's catalog): vendor CRUD and the CSV/xlsx import (upsert by part
number). End-of-life models are not chosen for new project entries; existing records keep them."""

import base64
import binascii
from collections import Counter

from api.audit.service import record, snapshot
from api.authz.policy import authorize
from api.authz.principal import Principal
from api.catalog import repository
from api.catalog.importing import ParsedRow, parse
from api.catalog.models import McuModel, McuStatus
from api.catalog.schemas import McuImportIn, McuModelCreate, McuModelUpdate
from api.db import AsyncSession
from api.kit.errors import AppError, Conflict


async def check_mcu_model(
    session: AsyncSession,
    model_id: int | None,
    keep: set[int | None] | frozenset[int | None] = frozenset(),
) -> None:
    """A model chosen for a project entry must exist and not be end-of-life; a model the record
    already has (`keep`) is accepted even when end-of-life since. Raises 422."""
    if model_id is None or model_id in keep:
        return
    model = await repository.mcu_model_for_use(session, model_id)
    if model is None:
        raise AppError("unknown_mcu_model", 422)
    if model.status is McuStatus.EOL:
        raise AppError("mcu_model_eol", 422, part_number=model.part_number)


async def _check_part_number(
    session: AsyncSession, part_number: str, except_id: int | None
) -> None:
    if await repository.part_number_taken(session, part_number, except_id):
        raise Conflict("mcu_part_number_taken", part_number=part_number)


async def create(session: AsyncSession, principal: Principal, data: McuModelCreate) -> McuModel:
    """A new part number (vendor only). Raises 403, 409 mcu_part_number_taken."""
    authorize(principal.is_vendor)
    part_number = data.part_number.upper()
    await _check_part_number(session, part_number, None)
    model = McuModel(
        part_number=part_number, series=data.series, core=data.core.strip(), status=data.status
    )
    session.add(model)
    await record(session, principal, "mcu_model.create", model)
    return model


async def update(
    session: AsyncSession, principal: Principal, model_id: int, data: McuModelUpdate
) -> McuModel:
    """Correct a model or change its status (vendor only). Raises 403, 404, 409."""
    authorize(principal.is_vendor)
    model = await repository.get_mcu_model(session, model_id)
    before = snapshot(model)
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if "part_number" in changes:
        changes["part_number"] = changes["part_number"].upper()
        await _check_part_number(session, changes["part_number"], model_id)
    if "core" in changes:
        changes["core"] = changes["core"].strip()
    for name, value in changes.items():
        setattr(model, name, value)
    session.add(model)
    await record(session, principal, "mcu_model.update", model, before=before)
    return model


async def delete(session: AsyncSession, principal: Principal, model_id: int) -> None:
    """Remove a model no record uses (vendor only); a used one is set end-of-life instead.
    Raises 403, 404, 409 mcu_model_in_use."""
    authorize(principal.is_vendor)
    model = await repository.get_mcu_model(session, model_id, for_update=True)
    used = sum((await repository.count_references(session, McuModel, model_id)).values())
    if used:
        raise Conflict("mcu_model_in_use", count=used)
    await record(session, principal, "mcu_model.delete", model, before=snapshot(model))
    await session.delete(model)


def _decode(content_base64: str) -> bytes:
    try:
        content = base64.b64decode(content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise AppError("mcu_import_unreadable", 422) from None
    if len(content) > 2 * 1024 * 1024:
        raise AppError("mcu_import_unreadable", 422)
    return content


def _plan(row: ParsedRow, existing: McuModel | None) -> str:
    """create / update / unchanged for a valid row (empty cells keep the existing values)."""
    if existing is None:
        if not row.series:
            row.errors.append("mcu_import_missing_series")
            return "error"
        return "create"
    same = (
        (not row.series or row.series == existing.series)
        and (not row.core or row.core == existing.core)
        and (row.status is None or row.status is existing.status)
    )
    return "unchanged" if same else "update"


async def import_models(
    session: AsyncSession, principal: Principal, data: McuImportIn
) -> tuple[list[tuple[ParsedRow, str]], bool]:
    """Check every row (missing part number, invalid status, duplicate in the file, missing
    series for a new model); a dry run writes nothing. A commit upserts by part number in this
    one transaction, and only when no row has an error (422 mcu_import_has_errors otherwise).
    Returns each row with its action, and whether it was written."""
    authorize(principal.is_vendor)
    rows = parse(data.filename, _decode(data.content_base64))
    counts = Counter(r.part_number for r in rows if r.part_number)
    for row in rows:
        if row.part_number and counts[row.part_number] > 1:
            row.errors.append("mcu_import_duplicate_in_file")
    existing = await repository.mcu_models_by_part_number(
        session, {r.part_number for r in rows if r.part_number}
    )
    planned = []
    for row in rows:
        action = "error" if row.errors else _plan(row, existing.get(row.part_number))
        planned.append((row, action))
    if data.dry_run:
        return planned, False
    if any(action == "error" for _, action in planned):
        raise AppError("mcu_import_has_errors", 422)
    reason = f"import {data.filename}"
    for row, action in planned:
        if action == "create":
            model = McuModel(
                part_number=row.part_number,
                series=row.series,
                core=row.core,
                status=row.status or McuStatus.ACTIVE,
            )
            session.add(model)
            await record(session, principal, "mcu_model.create", model, reason=reason)
        elif action == "update":
            model = existing[row.part_number]
            before = snapshot(model)
            model.series = row.series or model.series
            model.core = row.core or model.core
            model.status = row.status or model.status
            session.add(model)
            await record(
                session, principal, "mcu_model.update", model, before=before, reason=reason
            )
    return planned, True
