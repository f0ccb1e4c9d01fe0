"""The outbox (邮件发送) as a file: who was mailed what, and how the sending went."""

from api.exporting import Column, Sheet
from api.notifications.schemas import OutboxMessagePublic

OUTBOX: Sheet[OutboxMessagePublic] = Sheet(
    "outbox",
    [
        Column("收件人", "To", lambda m: m.to_email),
        Column("主题", "Subject", lambda m: m.subject),
        Column("状态", "Status", lambda m: m.status),
        Column("尝试次数", "Attempts", lambda m: m.attempts),
        Column("创建时间", "Queued at", lambda m: m.created_at),
        Column("下次尝试", "Next attempt", lambda m: m.next_attempt_at),
        Column("发送时间", "Sent at", lambda m: m.sent_at),
        Column("错误", "Last error", lambda m: m.last_error),
    ],
)
