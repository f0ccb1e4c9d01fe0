"""Small factories with keyword arguments, and ways to act as a user."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache

import pytest
from passlib.context import CryptContext
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from api.agents.models import Agent
from api.authz.roles import Role
from api.catalog.models import McuModel, ProductDomain
from api.customers.models import Customer, CustomerFae, CustomerStatus
from api.identity.matching import normalise
from api.identity.models import CustomerNameGram
from api.identity.service import grams_of
from api.kit.clock import add_months, now
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
        display_name: str | None = None,
        email: str | None = None,
        is_active: bool = True,
        must_change_password: bool = False,
    ) -> Actor:
        n = self._next()
        name = username or f"{role.value}{n}"
        user = User(
            username=name,
            display_name=display_name or f"用户{n}",
            email=email or f"{name}@example.com",
            role=role,
            agent_id=agent.id if agent else None,
            password_hash=_password_hash(),
            is_active=is_active,
            must_change_password=must_change_password,
        )
        self.session.add(user)
        await self.session.commit()
        return Actor(user)

    async def customer(
        self,
        agent: Agent | None,
        contact: Actor | None = None,
        *,
        name: str | None = None,
        status: CustomerStatus = CustomerStatus.PROTECTED,
        protection_until: datetime | None = None,
        credit_code: str | None = None,
        faes: tuple[Actor, ...] = (),
        released_from: Agent | None = None,
        released_at: datetime | None = None,
    ) -> Customer:
        """A customer as if registered and decided; its name is indexed like a real one."""
        company = name or f"深圳市测试{self._next()}号精密电子有限公司"
        normalised = normalise(company)
        domain = await self.session.scalar(
            select(ProductDomain).where(col(ProductDomain.name) == "小家电")
        )
        assert domain is not None and domain.id is not None
        if status is CustomerStatus.PROTECTED and protection_until is None:
            protection_until = add_months(now(), 3)
        customer = Customer(
            name=company,
            name_key=normalised.full,
            name_core=normalised.core,
            credit_code=credit_code,
            province="广东省",
            city="深圳市",
            product_domain_id=await self.domain_id(),
            annual_mcu_usage_wan=Decimal("120.5"),
            status=status,
            agent_id=agent.id if agent else None,
            contact_user_id=contact.id if contact else None,
            protection_until=protection_until,
            approved_at=now() if status is CustomerStatus.PROTECTED else None,
            released_from_agent_id=released_from.id if released_from else None,
            released_at=released_at or (now() if status is CustomerStatus.RELEASED else None),
        )
        self.session.add(customer)
        await self.session.flush()
        assert customer.id is not None
        self.session.add_all(
            CustomerNameGram(customer_id=customer.id, gram=g) for g in grams_of(normalised)
        )
        self.session.add_all(CustomerFae(customer_id=customer.id, user_id=f.id) for f in faes)
        await self.session.commit()
        return customer

    async def mcu_id(self, part_number: str = "CD32F030C8T6") -> int:
        model = await self.session.scalar(
            select(McuModel).where(col(McuModel.part_number) == part_number)
        )
        assert model is not None and model.id is not None
        await self.session.commit()  # end the read: on SQLite it holds the write lock
        return model.id

    async def domain_id(self, name: str = "小家电") -> int:
        domain = await self.session.scalar(
            select(ProductDomain).where(col(ProductDomain.name) == name)
        )
        assert domain is not None and domain.id is not None
        await self.session.commit()  # end the read: on SQLite it holds the write lock
        return domain.id


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
