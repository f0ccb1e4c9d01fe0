"""Audit rows, written in the same transaction as the change they describe."""

import enum
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar, Protocol

from api.audit import repository
from api.audit.models import AuditLog
from api.audit.schemas import AuditEntry
from api.authz.principal import Principal
from api.db import AsyncSession
from api.kit.logging import request_id_var
from api.users.models import User

SECRET_FIELDS = frozenset({"password_hash", "token_hash"})


class AuditedRow(Protocol):
    """What the trail needs of a table object (every SQLModel table class has it): structural,
    so this module stays free of the ORM's imports."""

    __tablename__: ClassVar[str]

    def model_dump(self) -> dict[str, Any]: ...


def _json_safe(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    return value


def snapshot(obj: AuditedRow) -> dict[str, Any]:
    """The object's columns as JSON, secrets left out."""
    return {k: _json_safe(v) for k, v in obj.model_dump().items() if k not in SECRET_FIELDS}


async def record(
    session: AsyncSession,
    actor: Principal | User | None,
    action: str,
    obj: AuditedRow,
    *,
    before: dict[str, Any] | None = None,
    agent_id: int | None = None,
    reason: str = "",
    after_extra: dict[str, Any] | None = None,
) -> AuditLog:
    """Add an audit row for `action` on `obj` (flushed first, so new objects have their id).
    The actor is the signed-in principal, the user signing in themselves, or None (the system)."""
    await session.flush()
    actor_id = actor.user_id if isinstance(actor, Principal) else (actor.id if actor else None)
    entry = AuditLog(
        actor_id=actor_id,
        actor_username=actor.username if actor else "",
        action=action,
        object_type=obj.__tablename__,
        object_id=str(getattr(obj, "id", None) or getattr(obj, "login_name", "")),
        agent_id=agent_id if agent_id is not None else getattr(obj, "agent_id", None),
        before=before,
        after={**snapshot(obj), **(after_extra or {})},
        request_id=request_id_var.get(),
        reason=reason,
    )
    session.add(entry)
    return entry


def _id_fields(entry: AuditLog) -> list[tuple[str, int]]:
    """The top-level `…_id` fields (with an integer) of an entry's snapshots."""
    found = []
    for snap in (entry.before, entry.after):
        for field, value in (snap or {}).items():
            if isinstance(value, int) and not isinstance(value, bool):
                found.append((field, value))
    return found


async def described(session: AsyncSession, rows: list[AuditLog]) -> list[AuditEntry]:
    """The rows as the trail shows them: the person's name, the object's name, and the name
    behind each id its snapshots refer to (so a reader never has to look an id up)."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for entry in rows:
        if entry.actor_id is not None:
            wanted["user_account"].add(entry.actor_id)
        if entry.object_id.isdigit():
            wanted[entry.object_type].add(int(entry.object_id))
        for field, value in _id_fields(entry):
            table = repository.referenced_table(entry.object_type, field)
            if table:
                wanted[table].add(value)
    names = await repository.row_names(session, wanted)
    described_rows = []
    for entry in rows:
        references = {}
        for field, value in _id_fields(entry):
            table = repository.referenced_table(entry.object_type, field)
            if table and (table, value) in names:
                references[f"{field}={value}"] = names[(table, value)]
        object_key = (
            (entry.object_type, int(entry.object_id)) if entry.object_id.isdigit() else None
        )
        described_rows.append(
            AuditEntry.model_validate(entry).model_copy(
                update={
                    "actor_name": names.get(("user_account", entry.actor_id or 0), ""),
                    "object_name": names.get(object_key, "") if object_key else "",
                    "names": references,
                }
            )
        )
    return described_rows
