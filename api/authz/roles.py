"""The five account types (账户类型) and what each may do in general."""

from enum import StrEnum


class Role(StrEnum):
    VENDOR = "vendor"
    AGENT_ADMIN = "agent_admin"
    SALES = "sales"
    FAE = "fae"
    ASSISTANT = "assistant"


AGENT_ROLES = frozenset({Role.AGENT_ADMIN, Role.SALES, Role.FAE, Role.ASSISTANT})
AGENT_STAFF_ROLES = frozenset({Role.SALES, Role.FAE, Role.ASSISTANT})

# Whose accounts each role manages (SPEC §3 "manage people"): nobody creates above their power.
MANAGEABLE_ROLES: dict[Role, frozenset[Role]] = {
    Role.VENDOR: frozenset({Role.VENDOR, Role.AGENT_ADMIN}),
    Role.AGENT_ADMIN: AGENT_STAFF_ROLES,
}
