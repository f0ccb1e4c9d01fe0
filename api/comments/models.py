from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import and_, func, or_
from sqlmodel import Field, Relationship, SQLModel, col, select

from api.authz.roles import Role
from api.kit.clock import now
from api.kit.tables import UTCDateTime
from api.users.models import User


class Comment(SQLModel, table=True):
    """点评: vendor staff's advice on a report, or on one entry of it."""

    __tablename__ = "comment"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True, ondelete="CASCADE")
    entry_id: int | None = Field(default=None, foreign_key="report_entry.id", ondelete="CASCADE")
    author_id: int = Field(foreign_key="user_account.id")
    body: str = Field(max_length=5000)
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)

    author: User = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class CommentReceipt(SQLModel, table=True):
    """Unread until opened: one per comment and person who must read it (the report's author and
    the customer's contact salesperson)."""

    __tablename__ = "comment_receipt"

    comment_id: int = Field(foreign_key="comment.id", primary_key=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="user_account.id", primary_key=True, index=True)
    read_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class QuestionThread(NamedTuple):
    """An entry's question thread as SQL expressions (scalar subqueries correlated on the given
    report and entry columns)."""

    answered: Any  # the vendor's newest comment is newer than the agent side's newest reply
    answered_at: Any  # the vendor's newest comment
    replied_at: Any  # the agent side's newest reply


def question_thread(report_id: Any, entry_id: Any) -> QuestionThread:
    """The thread of an entry's question: the vendor answers on the entry (or on its report as a
    whole), the agent's side replies on the entry. Comment ids order a thread even within one
    instant."""
    vendor = col(User.role) == Role.VENDOR
    on_entry = col(Comment.entry_id) == entry_id
    on_report = and_(col(Comment.report_id) == report_id, col(Comment.entry_id).is_(None))

    def newest(of: Any, *where: Any) -> Any:
        return (
            select(func.max(of))
            .join(User, col(User.id) == col(Comment.author_id))
            .where(*where)
            .scalar_subquery()
        )

    vendor_last = newest(col(Comment.id), vendor, or_(on_entry, on_report))
    agent_last = newest(col(Comment.id), ~vendor, on_entry)
    return QuestionThread(
        answered=and_(vendor_last.is_not(None), vendor_last > func.coalesce(agent_last, 0)),
        answered_at=newest(col(Comment.created_at), vendor, or_(on_entry, on_report)),
        replied_at=newest(col(Comment.created_at), ~vendor, on_entry),
    )
