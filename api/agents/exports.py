"""The agents list (代理商) as a file."""

from api.agents.schemas import AgentPublic
from api.exporting import Column, Sheet

AGENTS: Sheet[AgentPublic] = Sheet(
    "agents",
    [
        Column("代理商", "Agent", lambda a: a.name),
        Column("联系人", "Contact", lambda a: a.contact_name),
        Column("电话", "Phone", lambda a: a.contact_phone),
        Column("邮箱", "Email", lambda a: a.contact_email),
        Column("地址", "Address", lambda a: a.address),
        Column("启用", "Active", lambda a: a.is_active),
        Column("创建时间", "Created at", lambda a: a.created_at),
    ],
)
