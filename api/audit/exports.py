"""The audit trail (审计日志) as a file: who did what to which object and when (to the second,
China time), the fields it changed and the snapshots as JSON; names, not row ids."""

import json
from typing import Any

from api.audit.schemas import AuditEntry
from api.exporting import Column, Sheet
from api.kit.clock import CHINA

CELL_LIMIT = 32_000  # a spreadsheet cell holds at most 32,767 characters


def changed_fields(entry: AuditEntry) -> list[str]:
    """Fields added, removed or changed between the before and after snapshots."""
    if entry.before is None or entry.after is None:
        return []
    before, after = entry.before, entry.after
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def _json_cell(value: dict[str, Any] | None) -> str:
    text = "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= CELL_LIMIT else text[:CELL_LIMIT] + "…"


AUDIT: Sheet[AuditEntry] = Sheet(
    "audit",
    [
        Column("时间", "At", lambda e: e.at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")),
        Column("操作人", "Actor", lambda e: e.actor_name or e.actor_username),
        Column("用户名", "Username", lambda e: e.actor_username),
        Column("操作", "Action", lambda e: e.action),
        Column("对象类型", "Object type", lambda e: e.object_type),
        Column("对象", "Object", lambda e: e.object_name),
        Column("变更字段", "Changed fields", changed_fields),
        Column("变更前", "Before", lambda e: _json_cell(e.before)),
        Column("变更后", "After", lambda e: _json_cell(e.after)),
        Column("原因", "Reason", lambda e: e.reason),
    ],
)
