"""Small factories with keyword arguments, and ways to act as a user."""

from dataclasses import dataclass
from functools import lru_cache

import pytest
from passlib.context import CryptContext
from sqlalchemy.ext.asyncio import AsyncSession

from api.agents.models import Agent
from api.authz.roles import Role
from api.security import create_access_token
from api.users.models import User

PASSWORD = "correct-horse-battery-staple"


@lru_cache
def _password_hash() -> str:
    # One real argon2 hash shared by every factory user: hashing per user would dominate the suite.
    return CryptContext(schemes=["argon2"]).hash(PASSWORD)


@dataclass
class Actor:
    user: User

    @property
    def id(self) -> int:
        assert self.user.id is not None
        return self.user.id

    @property
    def headers(self) -> dict[str, str]:
        token, _ = create_access_token(self.id, self.user.token_version)
        return {"Authorization": f"Bearer {token}"}


class Factory:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._n = 0

    def _next(self) -> int:
        self._n += 1
        return self._n

    async def agent(self, name: str | None = None, *, is_active: bool = True) -> Agent:
        agent = Agent(name=name or f"代理商{self._next()}", is_active=is_active)
        self.session.add(agent)
        await self.session.commit()
        return agent

    async def user(
        self,
        role: Role,
        agent: Agent | None = None,
        *,
        username: str | None = None,
        is_active: bool = True,
        must_change_password: bool = False,
    ) -> Actor:
        n = self._next()
        name = username or f"{role.value}{n}"
        user = User(
            username=name,
            display_name=f"用户{n}",
            email=f"{name}@example.com",
            role=role,
            agent_id=agent.id if agent else None,
            password_hash=_password_hash(),
            is_active=is_active,
            must_change_password=must_change_password,
        )
        self.session.add(user)
        await self.session.commit()
        return Actor(user)


@pytest.fixture
def factory(session: AsyncSession) -> Factory:
    return Factory(session)


@dataclass
class World:
    """Two competing agents with one account of every role, plus the vendor."""

    vendor: Actor
    agent_a: Agent
    agent_b: Agent
    a_admin: Actor
    a_sales: Actor
    a_fae: Actor
    a_assistant: Actor
    b_admin: Actor
    b_sales: Actor

    def by_role(self, role: Role) -> Actor:
        return {
            Role.VENDOR: self.vendor,
            Role.AGENT_ADMIN: self.a_admin,
            Role.SALES: self.a_sales,
            Role.FAE: self.a_fae,
            Role.ASSISTANT: self.a_assistant,
        }[role]


@pytest.fixture
async def world(factory: Factory) -> World:
    a, b = await factory.agent("华南代理"), await factory.agent("华东代理")
    return World(
        vendor=await factory.user(Role.VENDOR, username="vendor"),
        agent_a=a,
        agent_b=b,
        a_admin=await factory.user(Role.AGENT_ADMIN, a, username="a.admin"),
        a_sales=await factory.user(Role.SALES, a, username="a.sales"),
        a_fae=await factory.user(Role.FAE, a, username="a.fae"),
        a_assistant=await factory.user(Role.ASSISTANT, a, username="a.assistant"),
        b_admin=await factory.user(Role.AGENT_ADMIN, b, username="b.admin"),
        b_sales=await factory.user(Role.SALES, b, username="b.sales"),
    )
