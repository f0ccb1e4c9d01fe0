"""User queries; every one starts from the caller's readable scope."""

from sqlalchemy import Select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col, or_, select

from api.authz.policy import readable_statement
from api.authz.principal import Principal
from api.authz.roles import Role
from api.kit.errors import NotFound
from api.kit.filters import contains_text
from api.kit.pagination import PageParams, order_by, paginate
from api.users.models import User

SORTABLE = {
    "username": col(User.username),
    "display_name": col(User.display_name),
    "role": col(User.role),
    "created_at": col(User.created_at),
    "last_login_at": col(User.last_login_at),
}


def _visible(principal: Principal) -> Select[User]:
    # SQLModel types a relationship as the object it holds, not as the class attribute it is.
    agent = selectinload(User.agent)  # type: ignore[arg-type]
    return readable_statement(principal, User).options(agent)


async def list_users(
    session: AsyncSession,
    principal: Principal,
    page: PageParams,
    *,
    search: str | None = None,
    role: Role | None = None,
    agent_id: int | None = None,
    is_active: bool | None = None,
    sort: str | None = None,
) -> tuple[list[User], int]:
    statement = _visible(principal)
    if search:
        statement = statement.where(
            or_(
                contains_text(col(User.username), search),
                contains_text(col(User.display_name), search),
                contains_text(col(User.email), search),
            )
        )
    if role is not None:
        statement = statement.where(col(User.role) == role)
    if agent_id is not None:
        statement = statement.where(col(User.agent_id) == agent_id)
    if is_active is not None:
        statement = statement.where(col(User.is_active) == is_active)
    statement = statement.order_by(*order_by(sort, SORTABLE, "username"), col(User.id))
    return await paginate(session, statement, page)


async def get_visible(session: AsyncSession, principal: Principal, user_id: int) -> User:
    """The user if the caller may see it; raises 404 otherwise (no existence leak)."""
    user = await session.scalar(_visible(principal).where(col(User.id) == user_id))
    if user is None:
        raise NotFound("user")
    return user


async def by_login_name(session: AsyncSession, login_name: str) -> User | None:
    """The account whose login name or email (both stored lower-case) is `login_name`."""
    return await session.scalar(
        select(User).where(or_(col(User.username) == login_name, col(User.email) == login_name))
    )


async def username_taken(session: AsyncSession, username: str) -> bool:
    return await session.scalar(select(User.id).where(col(User.username) == username)) is not None


async def email_taken(session: AsyncSession, email: str, except_id: int | None = None) -> bool:
    statement = select(User.id).where(col(User.email) == email)
    if except_id is not None:
        statement = statement.where(col(User.id) != except_id)
    return await session.scalar(statement) is not None


async def end_access_tokens(session: AsyncSession, user_id: int) -> None:
    """Void every access token the user holds: one atomic increment of the version each token
    carries, so simultaneous sign-outs never lose one."""
    await session.execute(
        update(User)
        .where(col(User.id) == user_id)
        .values(token_version=col(User.token_version) + 1)
    )
