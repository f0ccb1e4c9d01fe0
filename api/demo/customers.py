"""Demo customers in every state, so each screen shows real content (SPEC §12)."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from api.agents.models import Agent
from api.applications.models import ApplicationStatus
from api.catalog.models import ProductDomain
from api.customers import lifecycle
from api.customers.models import Customer, CustomerFae, CustomerStatus
from api.db import AsyncSession
from api.demo import repository
from api.extensions.models import Extension
from api.identity import service as identity
from api.identity.matching import normalise
from api.kit.clock import now
from api.registrations.models import Registration, RegistrationKind
from api.users.models import User


@dataclass
class DemoCustomer:
    name: str
    agent: str | None  # "A", "B", or None for the pool
    contact: str | None
    status: CustomerStatus
    days_left: int = 0  # protected: days until protection ends
    province: str = "广东省"
    city: str = "深圳市"
    domain: str = "小家电"
    usage: str = "50"
    faes: list[str] = field(default_factory=list)
    mcus: list[str] = field(default_factory=list)
    extension: str = ""  # a pending extension's reason
    released_from: str | None = None


DEMO_CUSTOMERS = [
    DemoCustomer(
        "深圳市宏图智能科技有限公司",
        "A",
        "a.sales",
        CustomerStatus.PROTECTED,
        80,
        domain="消费电子",
        usage="300",
        faes=["a.fae"],
        mcus=["STM32F030", "GD32F103"],
    ),
    DemoCustomer(
        "东莞市锐进电器有限公司",
        "A",
        "a.sales",
        CustomerStatus.PROTECTED,
        9,
        city="东莞市",
        domain="大家电",
        usage="120",
        mcus=["HC32F005"],
    ),
    DemoCustomer(
        "惠州市星辰电池科技有限公司",
        "A",
        "a.sales",
        CustomerStatus.PROTECTED,
        5,
        city="惠州市",
        domain="电池管理",
        usage="80",
        extension="客户BMS项目即将进入研发阶段，需要继续跟进",
    ),
    DemoCustomer(
        "佛山市美达小家电有限公司",
        "A",
        "a.sales2",
        CustomerStatus.PROTECTED,
        60,
        city="佛山市",
        usage="200",
        faes=["a.fae"],
    ),
    DemoCustomer(
        "广州市恒通电机有限公司",
        "A",
        "a.sales2",
        CustomerStatus.PROTECTED,
        150,
        city="广州市",
        domain="电机控制",
        usage="65",
    ),
    DemoCustomer(
        "珠海市海川医疗电子有限公司",
        "A",
        "a.sales",
        CustomerStatus.PENDING,
        city="珠海市",
        domain="医疗电子",
        usage="15",
    ),
    DemoCustomer("深圳市鑫达贸易", "A", "a.sales", CustomerStatus.REJECTED, usage="5"),
    DemoCustomer(
        "上海华测仪器仪表有限公司",
        "B",
        "b.sales",
        CustomerStatus.PROTECTED,
        70,
        province="上海市",
        city="上海市",
        domain="工业控制",
        usage="90",
    ),
    DemoCustomer(
        "苏州市博远汽车电子有限公司",
        "B",
        "b.sales",
        CustomerStatus.PROTECTED,
        12,
        province="江苏省",
        city="苏州市",
        domain="汽车电子",
        usage="150",
    ),
    DemoCustomer(
        "宁波市宏图照明有限公司",
        "B",
        "b.sales",
        CustomerStatus.PENDING,
        province="浙江省",
        city="宁波市",
        domain="照明",
        usage="40",
    ),
    DemoCustomer(
        "厦门市联合电子有限公司",
        None,
        None,
        CustomerStatus.RELEASED,
        province="福建省",
        city="厦门市",
        domain="消费电子",
        usage="70",
        released_from="A",
    ),
    DemoCustomer(
        "合肥市金鼎家电有限公司",
        None,
        None,
        CustomerStatus.RELEASED,
        province="安徽省",
        city="合肥市",
        domain="大家电",
        usage="110",
        released_from="B",
    ),
    DemoCustomer(
        "成都市天府智控科技有限公司",
        None,
        None,
        CustomerStatus.RELEASED,
        province="四川省",
        city="成都市",
        domain="工业控制",
        usage="35",
    ),
]


async def seed_customers(session: AsyncSession, agents: dict[str, Agent]) -> None:
    users = {u.username: u for u in await repository.all_rows(session, User)}
    domains = {d.name: d.id or 0 for d in await repository.all_rows(session, ProductDomain)}
    vendor = users["vendor"]
    at = now()
    for index, demo in enumerate(DEMO_CUSTOMERS):
        name = normalise(demo.name)
        agent = agents[demo.agent] if demo.agent else None
        contact = users[demo.contact] if demo.contact else None
        applied = at - timedelta(days=100 - index * 5)
        protected = demo.status is CustomerStatus.PROTECTED
        customer = lifecycle.seeded(
            Customer(
                name=demo.name,
                name_key=name.full,
                name_core=name.core,
                province=demo.province,
                city=demo.city,
                product_domain_id=domains[demo.domain],
                annual_mcu_usage_wan=Decimal(demo.usage),
                mcus_in_use=demo.mcus,
                created_at=applied,
                updated_at=applied,
            ),
            demo.status,
            agent_id=agent.id if agent else None,
            contact_user_id=contact.id if contact else None,
            protection_until=at + timedelta(days=demo.days_left) if protected else None,
            approved_at=applied + timedelta(days=1) if protected else None,
            released_from_agent_id=agents[demo.released_from].id if demo.released_from else None,
            released_at=at - timedelta(days=10 + index)
            if demo.status is CustomerStatus.RELEASED
            else None,
        )
        session.add(customer)
        await session.flush()
        assert customer.id is not None
        await identity.index_names(session, [(customer.id, name)])
        session.add_all(
            CustomerFae(customer_id=customer.id, user_id=users[f].id or 0) for f in demo.faes
        )
        if agent is not None and contact is not None:
            _add_registration(session, customer, agent, contact, vendor, demo.status, applied)
        if demo.extension and contact is not None and customer.protection_until is not None:
            session.add(
                Extension(
                    customer_id=customer.id,
                    agent_id=customer.agent_id or 0,
                    applicant_id=contact.id or 0,
                    reason=demo.extension,
                    protection_until_at_request=customer.protection_until,
                    status=ApplicationStatus.PENDING,
                )
            )


def _add_registration(
    session: AsyncSession,
    customer: Customer,
    agent: Agent,
    contact: User,
    vendor: User,
    status: CustomerStatus,
    applied: datetime,
) -> None:
    decided = {
        CustomerStatus.PROTECTED: (ApplicationStatus.APPROVED, ""),
        CustomerStatus.REJECTED: (
            ApplicationStatus.REJECTED,
            "名称不是官方全称，请补充完整后重新报备",
        ),
    }.get(status)
    session.add(
        Registration(
            customer_id=customer.id or 0,
            agent_id=agent.id or 0,
            applicant_id=contact.id or 0,
            kind=RegistrationKind.NEW,
            status=decided[0] if decided else ApplicationStatus.PENDING,
            decision_reason=decided[1] if decided else "",
            decided_by_id=vendor.id if decided else None,
            decided_at=applied + timedelta(days=1) if decided else None,
            created_at=applied,
        )
    )
