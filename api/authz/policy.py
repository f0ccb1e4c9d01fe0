"""Row scoping and object actions for every aggregate, in one place.

Each aggregate has one `readable` branch per role; repositories start every query from
`readable_statement(principal, Model)`, so a list, detail, search, export or statistic cannot
forget the caller's scope. Object actions load through the scope first (hidden -> 404), then
check the action here (refused -> 403).
"""

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import ColumnElement, Select, and_, exists, false, or_, select, true
from sqlmodel import SQLModel, col

from api.agents.models import Agent
from api.announcements.models import Announcement, Audience
from api.audit.models import AuditLog
from api.authz.principal import Principal
from api.authz.roles import MANAGEABLE_ROLES, Role
from api.customers.models import Customer, CustomerFae, CustomerStatus
from api.extensions.models import Extension
from api.imports.models import CustomerImport
from api.kit.clock import now
from api.kit.errors import Forbidden
from api.notifications.models import OutboxMessage
from api.orders.models import Order, ShipmentMonth
from api.projects.models import Project
from api.registrations.models import Registration
from api.reports.models import Report
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


def _readable_customers(principal: Principal) -> ColumnElement[bool]:
    own_agent = col(Customer.agent_id) == principal.agent_id
    match principal.role:
        case Role.VENDOR:
            return true()
        case Role.AGENT_ADMIN | Role.ASSISTANT:
            return own_agent
        case Role.SALES:
            # SPEC §3 (decision): linked by user id, not by the legacy name match.
            return and_(own_agent, col(Customer.contact_user_id) == principal.user_id)
        case Role.FAE:
            assigned = exists().where(
                col(CustomerFae.customer_id) == col(Customer.id),
                col(CustomerFae.user_id) == principal.user_id,
            )
            return and_(own_agent, assigned)
    return false()


def _readable_customer_work(
    model: type[Project] | type[Report] | type[Order],
) -> Callable[[Principal], ColumnElement[bool]]:
    """Projects, reports and orders: the vendor reads all; agent staff read their own agent's
    work on customers they may see — never a previous agent's, after a customer changed hands."""

    def readable(principal: Principal) -> ColumnElement[bool]:
        if principal.is_vendor:
            return true()
        visible_customers = select(col(Customer.id)).where(_readable_customers(principal))
        return and_(
            col(model.agent_id) == principal.agent_id,
            col(model.customer_id).in_(visible_customers),
        )

    return readable


def reads_month_totals(principal: Principal) -> bool:
    """Whether the month totals of shipments (all agents' orders) are the caller's orders: the
    vendor's are. Agent staff read the orders of the customers they see now, which a month
    total cannot tell, so their statistics sum the lines."""
    return principal.is_vendor


def _readable_applications(
    model: type[Registration] | type[Extension],
) -> Callable[[Principal], ColumnElement[bool]]:
    """Registration and extension applications (申请处理): the vendor decides them all; the
    agent's master account and assistant follow their agent's; a salesperson their own."""

    def readable(principal: Principal) -> ColumnElement[bool]:
        own_agent = col(model.agent_id) == principal.agent_id
        match principal.role:
            case Role.VENDOR:
                return true()
            case Role.AGENT_ADMIN | Role.ASSISTANT:
                return own_agent
            case Role.SALES:
                return and_(own_agent, col(model.applicant_id) == principal.user_id)
            case Role.FAE:
                return false()
        return false()

    return readable


def _readable_imports(principal: Principal) -> ColumnElement[bool]:
    # The vendor imports for any agent; the master account follows its own agent's imports.
    match principal.role:
        case Role.VENDOR:
            return true()
        case Role.AGENT_ADMIN:
            return col(CustomerImport.agent_id) == principal.agent_id
    return false()


def _readable_audit(principal: Principal) -> ColumnElement[bool]:
    # The trail holds every agent's changes: the vendor's alone (SPEC §11).
    return true() if principal.is_vendor else false()


def announcement_addressed_to(principal: Principal) -> ColumnElement[bool]:
    """Announcements whose audience includes the principal (what pops up after login)."""
    audience = col(Announcement.audience)
    if principal.is_vendor:
        return audience.in_([Audience.ALL, Audience.VENDOR])
    return or_(
        audience.in_([Audience.ALL, Audience.AGENTS]),
        and_(audience == Audience.AGENT, col(Announcement.agent_id) == principal.agent_id),
    )


def announcement_published(at: datetime) -> ColumnElement[bool]:
    """Its publish time has come and it was not withdrawn (it may have expired since)."""
    return and_(col(Announcement.publish_at) <= at, col(Announcement.withdrawn_at).is_(None))


def announcement_active(at: datetime) -> ColumnElement[bool]:
    """Published and not yet expired: what pops up and may be acknowledged."""
    expire_at = col(Announcement.expire_at)
    return and_(announcement_published(at), or_(expire_at.is_(None), expire_at > at))


def announcement_audience_members(announcement: Announcement) -> ColumnElement[bool]:
    """The users an announcement is addressed to: the same rule as `announcement_addressed_to`,
    seen from the announcement (the vendor's read receipts)."""
    match announcement.audience:
        case Audience.ALL:
            return true()
        case Audience.AGENTS:
            return col(User.role) != Role.VENDOR
        case Audience.AGENT:
            return col(User.agent_id) == announcement.agent_id
        case Audience.VENDOR:
            return col(User.role) == Role.VENDOR
    return false()


def _readable_announcements(principal: Principal) -> ColumnElement[bool]:
    # SPEC §3: everybody reads announcements, the vendor writes them. Agent people see the ones
    # addressed to them once published (expired ones stay readable as expired) until withdrawn;
    # the vendor sees every one, scheduled and withdrawn included.
    match principal.role:
        case Role.VENDOR:
            return true()
        case Role.AGENT_ADMIN | Role.SALES | Role.FAE | Role.ASSISTANT:
            return and_(announcement_addressed_to(principal), announcement_published(now()))
    return false()


_READABLE: dict[type[SQLModel], Callable[[Principal], ColumnElement[bool]]] = {
    User: _readable_users,
    Agent: _readable_agents,
    AuditLog: _readable_audit,
    OutboxMessage: _readable_audit,  # mail to every agent's people: the vendor's alone
    Customer: _readable_customers,
    Registration: _readable_applications(Registration),
    Extension: _readable_applications(Extension),
    Project: _readable_customer_work(Project),
    Report: _readable_customer_work(Report),
    Order: _readable_customer_work(Order),
    ShipmentMonth: lambda principal: true() if reads_month_totals(principal) else false(),
    CustomerImport: _readable_imports,
    Announcement: _readable_announcements,
}


def readable(principal: Principal, model: type[SQLModel]) -> ColumnElement[bool]:
    """The WHERE clause of the rows of `model` the principal may see."""
    try:
        return _READABLE[model](principal)
    except KeyError:
        raise LookupError(f"no read policy for {model.__name__}: add one to authz.policy") from None


def readable_statement(principal: Principal, model: type[ModelT]) -> Select[ModelT]:
    return select(model).where(readable(principal, model))


def pool_statement(principal: Principal) -> Select[Customer]:
    """The resource pool (资源池): released customers, open to every signed-in role. Callers
    expose public fields only (SPEC §3), never the previous agent's records."""
    return select(Customer).where(col(Customer.status) == CustomerStatus.RELEASED)


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


def can_register_customers(principal: Principal) -> bool:
    """Sales and the master account register customers and apply from the pool (SPEC §3)."""
    return principal.role in (Role.AGENT_ADMIN, Role.SALES)


def can_import_customers(principal: Principal) -> bool:
    """Legacy import makes protected customers without a registration: the vendor's power."""
    return principal.is_vendor


def can_decide_applications(principal: Principal) -> bool:
    return principal.is_vendor


def can_withdraw(principal: Principal, registration: Registration) -> bool:
    if principal.role is Role.AGENT_ADMIN:
        return registration.agent_id == principal.agent_id
    return registration.applicant_id == principal.user_id


def can_work_on_customer(principal: Principal, customer: Customer) -> bool:
    """Edit details and request extensions: the master account, or the contact salesperson."""
    if principal.role is Role.AGENT_ADMIN:
        return customer.agent_id == principal.agent_id
    if principal.role is Role.SALES:
        return customer.contact_user_id == principal.user_id
    return False


def can_assign_customer_people(principal: Principal, customer: Customer) -> bool:
    """Reassign the contact salesperson and the FAEs: the agent's master account."""
    return principal.role is Role.AGENT_ADMIN and customer.agent_id == principal.agent_id


def can_reassign_customers(principal: Principal) -> bool:
    """Bulk reassignment of the agent's customers (a salesperson leaving, SPEC §4): the master
    account; each customer is loaded through its scope (own agent's only)."""
    return principal.role is Role.AGENT_ADMIN


def can_write_entries(principal: Principal, customer: Customer) -> bool:
    """Project entries: the master account, the contact salesperson, and assigned FAEs (the FAE
    helps with projects but never writes the customer news)."""
    if principal.role is Role.FAE:
        return customer.agent_id == principal.agent_id  # loaded through the scope: assigned
    return can_work_on_customer(principal, customer)


def can_record_orders(principal: Principal, customer: Customer) -> bool:
    """Sales records: the assistant enters them, the master account too; sales only read."""
    return (
        principal.role in (Role.AGENT_ADMIN, Role.ASSISTANT)
        and customer.agent_id == principal.agent_id
    )


def can_write_announcements(principal: Principal) -> bool:
    """Create, edit, withdraw announcements and see their read receipts: the vendor."""
    return principal.is_vendor


def can_read_scorecard(principal: Principal) -> bool:
    """The agents' compliance scorecard compares every agent: the manufacturer's staff only."""
    return principal.is_vendor


def can_comment(principal: Principal, on_question: bool) -> bool:
    """点评 is the manufacturer's voice; the agent's side only replies in the thread of an
    entry's question (需原厂解答的问题), on a report it can read."""
    return principal.is_vendor or on_question


def authorize(allowed: bool) -> None:
    """Raise 403 unless the action is allowed."""
    if not allowed:
        raise Forbidden()
