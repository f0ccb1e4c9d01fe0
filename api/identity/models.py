from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.kit.clock import now
from api.kit.tables import UTCDateTime, enum_column


class CustomerNameGram(SQLModel, table=True):
    """The name index: character bigrams of each name's core (official name and aliases), plus
    its romanised core ("r:zhenhua"), so similar names among 100,000 customers are found without
    comparing against all of them."""

    __tablename__ = "customer_name_gram"

    customer_id: int = Field(foreign_key="customer.id", primary_key=True, ondelete="CASCADE")
    gram: str = Field(max_length=40, primary_key=True, index=True)


class AliasKind(StrEnum):
    ENGLISH = "english"  # 英文名
    SHORT = "short"  # 简称
    FORMER = "former"  # 曾用名


class CustomerAlias(SQLModel, table=True):
    """Another name the company goes by; the conflict check matches it like the official one."""

    __tablename__ = "customer_alias"
    __table_args__ = (sa.UniqueConstraint("customer_id", "name_key"),)

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True, ondelete="CASCADE")
    kind: AliasKind = Field(sa_column=enum_column(AliasKind, "alias_kind"))
    name: str = Field(max_length=200)
    name_key: str = Field(max_length=200, index=True)  # normalised, as Customer.name_key
    created_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)


class LinkKind(StrEnum):
    BRANCH = "branch"  # 分公司
    SUBSIDIARY = "subsidiary"  # 子公司


class CustomerLink(SQLModel, table=True):
    """Group structure set by the vendor: a customer is a branch or subsidiary of another."""

    __tablename__ = "customer_link"
    __table_args__ = (sa.CheckConstraint("parent_id <> child_id", name="not_itself"),)

    child_id: int = Field(foreign_key="customer.id", primary_key=True, ondelete="CASCADE")
    parent_id: int = Field(foreign_key="customer.id", index=True, ondelete="CASCADE")
    kind: LinkKind = Field(sa_column=enum_column(LinkKind, "link_kind"))
    created_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: datetime = Field(default_factory=now, sa_type=UTCDateTime)
