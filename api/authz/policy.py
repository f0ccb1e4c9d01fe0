"""Row scoping and object actions for every aggregate, in one place.

Each aggregate has one `readable` branch per role; repositories start every query from
`readable_statement(principal, Model)`, so a list, detail, search, export or statistic cannot
forget the caller's scope. Object actions load through the scope first (hidden -> 404), then
check the action here (refused -> 403).
"""

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import ColumnElement, Select, false, select, true
from sqlmodel import SQLModel, col

from api.agents.models import Agent
from api.audit.models import AuditLog
from api.authz.principal import Principal
from api.authz.roles import MANAGEABLE_ROLES, Role
from api.kit.errors import Forbidden
from api.users.models import User

ModelT = TypeVar("ModelT", bound=SQLModel)


def _readable_users(principal: Principal) -> ColumnElement[bool]:
    match principal.role:
        case Role.VENDOR:
            return true()
        case Role.AGENT_ADMIN:
            return col(User.agent_id) == principal.agent_id
        case Role.SALES | Role.FAE | Role.ASSISTANT:
            return col(User.id) == principal.user_id
    return false()


def _readable_agents(principal: Principal) -> ColumnElement[bool]:
    match principal.role:
        case Role.VENDOR:
            return true()
        case Role.AGENT_ADMIN | Role.SALES | Role.FAE | Role.ASSISTANT:
            return col(Agent.id) == principal.agent_id
    return false()


def _readable_audit(principal: Principal) -> ColumnElement[bool]:
    # The trail holds every agent's changes: the vendor's alone (SPEC §11).
    return true() if principal.is_vendor else false()


_READABLE: dict[type[SQLModel], Callable[[Principal], ColumnElement[bool]]] = {
    User: _readable_users,
    Agent: _readable_agents,
    AuditLog: _readable_audit,
}


def readable(principal: Principal, model: type[SQLModel]) -> ColumnElement[bool]:
    """The WHERE clause of the rows of `model` the principal may see."""
    try:
        return _READABLE[model](principal)
    except KeyError:
        raise LookupError(f"no read policy for {model.__name__}: add one to authz.policy") from None


def readable_statement(principal: Principal, model: type[ModelT]) -> Select[ModelT]:
    return select(model).where(readable(principal, model))


# --- actions ---------------------------------------------------------------------------------


def can_manage_user(principal: Principal, role: Role, agent_id: int | None) -> bool:
    """Create, edit, deactivate or reset an account of `role` in `agent_id`: only below one's
    own power (vendor -> vendor staff and agent master accounts; agent master -> own staff)."""
    if role not in MANAGEABLE_ROLES.get(principal.role, frozenset()):
        return False
    if principal.role is Role.AGENT_ADMIN:
        return agent_id == principal.agent_id
    return True


def can_manage_agents(principal: Principal) -> bool:
    return principal.is_vendor


def authorize(allowed: bool) -> None:
    """Raise 403 unless the action is allowed."""
    if not allowed:
        raise Forbidden()
