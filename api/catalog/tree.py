"""Filtering by a product domain of the two-level tree."""

from typing import Any

from sqlalchemy import ColumnElement, or_
from sqlmodel import col, select

from api.catalog.models import ProductDomain


def in_domain(column: Any, domain_id: int) -> ColumnElement[bool]:
    """The domain itself or one of its level-2 domains: a filter by 小家电 includes 厨房电器."""
    level_two = select(ProductDomain.id).where(col(ProductDomain.parent_id) == domain_id)
    return or_(column == domain_id, col(column).in_(level_two))
