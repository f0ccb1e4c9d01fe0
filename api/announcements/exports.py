"""Announcements (公告) as a file: each with its audience, state and the caller's read time."""

from api.announcements.schemas import AnnouncementPublic
from api.exporting import Column, Sheet

ANNOUNCEMENTS: Sheet[AnnouncementPublic] = Sheet(
    "announcements",
    [
        Column("标题", "Title", lambda a: a.title),
        Column("重要程度", "Importance", lambda a: a.importance),
        Column("发送对象", "Audience", lambda a: a.audience),
        Column("指定代理商", "Agent", lambda a: a.agent and a.agent.name),
        Column("状态", "State", lambda a: a.state),
        Column("发布时间", "Published at", lambda a: a.publish_at),
        Column("到期时间", "Expires at", lambda a: a.expire_at),
        Column("撤回时间", "Withdrawn at", lambda a: a.withdrawn_at),
        Column("撤回原因", "Withdrawal reason", lambda a: a.withdrawal_reason),
        Column("发布人", "Published by", lambda a: a.created_by.display_name),
        Column("我已阅读", "Read by me at", lambda a: a.read_at),
        Column("内容", "Text", lambda a: a.body),
    ],
)
