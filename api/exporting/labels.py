"""What a code is called, in Chinese and English: the one table every export takes its stage,
status and role names from (the same words as the SPA's locales). A test checks that every
member of every enum here has both."""

from enum import StrEnum

from api.announcements.models import Audience, Importance
from api.announcements.schemas import AnnouncementState
from api.applications.models import ApplicationStatus
from api.authz.roles import Role
from api.catalog.models import McuStatus
from api.customers.models import CustomerStatus, ProtectionMode
from api.desk.schemas import QuestionStatus
from api.imports.models import ImportStatus, RowStatus
from api.notifications.models import OutboxStatus
from api.projects.stages import ProjectStage
from api.registrations.models import RegistrationKind

LABELS: dict[type[StrEnum], dict[str, tuple[str, str]]] = {
    CustomerStatus: {
        "pending": ("待审批", "Pending"),
        "protected": ("保护中", "Protected"),
        "released": ("资源池", "In pool"),
        "rejected": ("已驳回", "Rejected"),
        "withdrawn": ("已撤回", "Withdrawn"),
    },
    ProtectionMode: {
        "period": ("保护期", "Protection period"),
        "review": ("量产复核", "Mass-production review"),
    },
    ApplicationStatus: {
        "pending": ("待审批", "Pending"),
        "approved": ("已通过", "Approved"),
        "rejected": ("已驳回", "Rejected"),
        "withdrawn": ("已撤回", "Withdrawn"),
    },
    RegistrationKind: {
        "new": ("新客户报备", "New customer"),
        "pool": ("资源池申请", "From pool"),
    },
    ProjectStage: {
        "lead": ("需求", "Lead"),
        "approved": ("立项", "Approved"),
        "development": ("研发", "R&D"),
        "small_batch": ("小批", "Small batch"),
        "mass_production": ("量产", "Mass production"),
        "on_hold": ("暂停", "On hold"),
        "lost": ("丢失", "Lost"),
    },
    Role: {
        "vendor": ("原厂", "Manufacturer"),
        "agent_admin": ("公司主账户", "Agent master account"),
        "sales": ("业务员", "Salesperson"),
        "fae": ("FAE/技术", "FAE"),
        "assistant": ("销售助理", "Sales assistant"),
    },
    Importance: {
        "normal": ("普通", "Normal"),
        "important": ("重要", "Important"),
        "critical": ("非常重要", "Critical"),
    },
    Audience: {
        "all": ("所有人", "Everybody"),
        "agents": ("所有代理商", "Every agent"),
        "agent": ("指定代理商", "One agent"),
        "vendor": ("原厂人员", "Manufacturer staff"),
    },
    AnnouncementState: {
        "scheduled": ("待发布", "Scheduled"),
        "active": ("发布中", "Published"),
        "expired": ("已过期", "Expired"),
        "withdrawn": ("已撤回", "Withdrawn"),
    },
    QuestionStatus: {
        "open": ("待解答", "Open"),
        "answered": ("已解答", "Answered"),
    },
    ImportStatus: {
        "checking": ("试导入中", "Dry run"),
        "checked": ("试导入完成", "Dry run done"),
        "committing": ("提交中", "Committing"),
        "committed": ("已提交", "Committed"),
        "failed": ("提交失败", "Commit failed"),
    },
    RowStatus: {
        "pending": ("待检查", "Not checked"),
        "ready": ("将创建", "To create"),
        "conflict": ("冲突", "Conflict"),
        "invalid": ("无效", "Invalid"),
        "created": ("已创建", "Created"),
    },
    McuStatus: {
        "active": ("在产", "Active"),
        "nrnd": ("不推荐新设计（NRND）", "Not for new designs (NRND)"),
        "eol": ("停产（EOL）", "End of life (EOL)"),
    },
    OutboxStatus: {
        "pending": ("待发送", "Pending"),
        "sent": ("已发送", "Sent"),
        "failed": ("发送失败", "Failed"),
    },
}


def label(value: StrEnum, lang: str) -> str:
    """The name of `value` in `lang` ('en' or Chinese); KeyError for an enum without labels."""
    zh, en = LABELS[type(value)][value.value]
    return en if lang == "en" else zh
