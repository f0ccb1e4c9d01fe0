from datetime import datetime
from typing import Any

from sqlalchemy import func, or_
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


def first_vendor_answer(report_id: Any, entry_id: Any) -> Any:
    """When an entry's question was answered: the first vendor comment on the entry, or on its
    report as a whole (a scalar subquery correlated on the given report and entry columns)."""
    return (
        select(func.min(col(Comment.created_at)))
        .join(User, col(User.id) == col(Comment.author_id))
        .where(
            col(User.role) == Role.VENDOR,
            col(Comment.report_id) == report_id,
            or_(col(Comment.entry_id) == entry_id, col(Comment.entry_id).is_(None)),
        )
        .scalar_subquery()
    )
