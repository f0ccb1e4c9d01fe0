"""Every table model, imported so the metadata is complete (Alembic, tests)."""

from sqlmodel import SQLModel

from api.agents.models import Agent
from api.announcements.models import Announcement, AnnouncementReceipt
from api.audit.models import AuditLog
from api.auth.models import LoginThrottle, RefreshToken, SetPasswordLink
from api.catalog.models import McuModel, ProductDomain
from api.comments.models import Comment, CommentReceipt
from api.customers.models import Customer, CustomerFae
from api.desk.models import DeskSeen
from api.extensions.models import Extension
from api.forecast.models import ForecastSnapshot
from api.identity.models import CustomerAlias, CustomerLink, CustomerNameGram
from api.imports.models import CustomerImport, CustomerImportRow
from api.notifications.models import OutboxMessage, Reminder
from api.orders.models import Order, OrderLine
from api.projects.models import Project
from api.registrations.models import Registration, RegistrationCheck
from api.reports.models import Report, ReportEntry, ReportRevision
from api.rules.models import Rules
from api.tokens.models import ApiToken
from api.users.models import User

metadata = SQLModel.metadata

__all__ = [
    "Agent",
    "Announcement",
    "AnnouncementReceipt",
    "ApiToken",
    "AuditLog",
    "Comment",
    "CommentReceipt",
    "Customer",
    "CustomerAlias",
    "CustomerFae",
    "CustomerImport",
    "CustomerImportRow",
    "CustomerLink",
    "CustomerNameGram",
    "DeskSeen",
    "Extension",
    "ForecastSnapshot",
    "LoginThrottle",
    "McuModel",
    "Order",
    "OrderLine",
    "OutboxMessage",
    "ProductDomain",
    "Project",
    "RefreshToken",
    "Registration",
    "RegistrationCheck",
    "Reminder",
    "Report",
    "ReportEntry",
    "ReportRevision",
    "Rules",
    "SetPasswordLink",
    "User",
    "metadata",
]
