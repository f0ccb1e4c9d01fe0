"""The synthetic dataset as rows, before any is written: a pure function of the scale, the seed,
the moment it is anchored at and the demo rows it builds on, so one seed always gives the same
data. SCALE=1 is a national channel's size: 20 agents, 500 users, 20,000 customers, 60,000
projects, 200,000 reports and 500,000 order lines."""

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from api.agents.models import Agent
from api.announcements.models import Announcement, Audience, Importance
from api.applications.models import ApplicationStatus
from api.audit.models import AuditLog
from api.authz.roles import Role
from api.comments.models import Comment, CommentReceipt
from api.customers import lifecycle
from api.customers.models import Customer, CustomerFae, CustomerStatus
from api.identity.matching import normalise
from api.identity.models import AliasKind, CustomerAlias, CustomerNameGram
from api.identity.service import grams_of
from api.kit.clock import CHINA
from api.orders.models import Order, OrderLine
from api.projects.models import Project
from api.projects.stages import ProjectStage
from api.registrations.models import Registration, RegistrationKind
from api.reports.models import Report, ReportEntry
from api.users.models import User

# At SCALE=1 (the national channel).
AGENTS, USERS, CUSTOMERS, PROJECTS, REPORTS, ORDER_LINES = 20, 500, 20_000, 60_000, 200_000, 500_000
ANNOUNCEMENTS = 60
# The demo logins' share of the customers (a.sales is the contact of a few hundred).
DEMO_SHARES = {"a.sales": 300, "a.sales2": 120, "b.sales": 200}
STATUS_WEIGHTS = {
    CustomerStatus.PROTECTED: 65,
    CustomerStatus.RELEASED: 15,
    CustomerStatus.PENDING: 8,
    CustomerStatus.REJECTED: 6,
    CustomerStatus.WITHDRAWN: 6,
}
REGISTRATION_OUTCOME = {
    CustomerStatus.PROTECTED: ApplicationStatus.APPROVED,
    CustomerStatus.PENDING: ApplicationStatus.PENDING,
    CustomerStatus.REJECTED: ApplicationStatus.REJECTED,
    CustomerStatus.WITHDRAWN: ApplicationStatus.WITHDRAWN,
}
PLACES = [
    ("广东省", "深圳市"),
    ("广东省", "广州市"),
    ("广东省", "东莞市"),
    ("广东省", "佛山市"),
    ("上海市", "上海市"),
    ("江苏省", "苏州市"),
    ("浙江省", "杭州市"),
    ("浙江省", "宁波市"),
    ("四川省", "成都市"),
    ("福建省", "厦门市"),
    ("北京市", "北京市"),
    ("湖北省", "武汉市"),
]
AGENT_REGIONS = ["华北", "华中", "西南", "西北", "东北", "华南", "华东", "闽浙", "川渝", "京津"]
SYLLABLES = (
    "宏图锐进星辰美达恒通海川华测博远天府金鼎联合新光鑫达汇顶格创维朗科英飞腾亿立信德铭泰安瑞丰盛嘉禾晶"
    "振邦中兴昌隆永安富源凯旋东方明珠长虹佳美云帆启航卓越精工致远同心和信"
)
INDUSTRY = ["电子", "科技", "智能", "电器", "照明", "电机", "医疗器械", "汽车电子", "仪器", "家电"]
FORMS = ["有限公司", "股份有限公司", "有限责任公司", "集团有限公司"]
PRODUCTS = [
    "电饭煲",
    "扫地机器人",
    "电动牙刷",
    "BMS",
    "车窗控制器",
    "智能电表",
    "LED驱动",
    "无刷电机",
]
SURNAMES = "李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"


@dataclass(frozen=True)
class Context:
    """What the plan builds on: the demo agents and logins, the catalogue, the first free ids."""

    anchor: datetime  # "now" of the dataset: every date is before it
    agents: dict[str, int]  # name -> id (the demo agents)
    users: Sequence[User]  # the demo logins
    domain_ids: Sequence[int]
    mcu_model_ids: Sequence[int]
    taken_name_keys: frozenset[str]
    first_ids: dict[str, int]  # table name -> first free id


@dataclass
class Dataset:
    """Rows per table model, in the order they are written (parents first)."""

    rows: dict[type[BaseModel], list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, model: type[BaseModel], row: dict[str, Any]) -> None:
        self.rows.setdefault(model, []).append(row)


def table_name(model: type[BaseModel]) -> str:
    """A table model's table (typed as a pydantic model here: SQL stays in the repository)."""
    return str(model.__tablename__)  # type: ignore[attr-defined]


_DEFAULTS: dict[type[BaseModel], dict[str, Any]] = {}


def _row(model: type[BaseModel], **values: Any) -> dict[str, Any]:
    """Every column of a row: the model's defaults, then `values` (COPY writes all columns)."""
    if model not in _DEFAULTS:
        _DEFAULTS[model] = {
            name: info.get_default(call_default_factory=True)
            for name, info in model.model_fields.items()
        }
    row = {**_DEFAULTS[model], **values}
    missing = [name for name, value in row.items() if value is PydanticUndefined]
    if missing:
        raise ValueError(f"{model.__name__}: no value for {missing}")
    return row


@dataclass
class _Agent:
    id: int
    admins: list[int] = field(default_factory=list)  # master accounts and assistants
    sales: list[int] = field(default_factory=list)
    faes: list[int] = field(default_factory=list)


class _Ids:
    def __init__(self, first: dict[str, int]) -> None:
        self.next = dict(first)

    def __call__(self, model: type[BaseModel]) -> int:
        name = table_name(model)
        value = self.next[name]
        self.next[name] = value + 1
        return value


def scaled(count: int, scale: float, least: int = 1) -> int:
    return max(least, round(count * scale))


def build(
    scale: float,
    seed: int,
    context: Context,
    password_hash: str,
    planned: Callable[[str, Dataset], None] = lambda part, data: None,
) -> Dataset:
    """The rows of every table; `planned` hears of each part as it is done (SCALE=5 plans for
    a minute or two before the first row is written)."""
    rng = random.Random(seed)
    ids = _Ids(context.first_ids)
    data = Dataset()
    agents, logins = _people(scale, rng, ids, context, password_hash, data)
    planned("agents and people", data)
    customers = _customers(scale, rng, ids, context, agents, logins, data)
    planned("customers", data)
    projects = _projects(scale, rng, ids, context, customers, data)
    planned("projects", data)
    _reports(scale, rng, ids, context, customers, projects, logins["vendor"], data)
    planned("reports", data)
    _orders(scale, rng, ids, context, agents, customers, projects, data)
    planned("orders", data)
    _announcements(scale, rng, ids, context, agents, logins["vendor"], data)
    planned("announcements", data)
    return data


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))


def _people(
    scale: float,
    rng: random.Random,
    ids: _Ids,
    context: Context,
    password_hash: str,
    data: Dataset,
) -> tuple[dict[int, _Agent], dict[str, int]]:
    agents = {agent_id: _Agent(agent_id) for agent_id in context.agents.values()}
    logins = {u.username: u.id or 0 for u in context.users}
    for user in context.users:
        if user.agent_id is None:
            continue
        staff = agents[user.agent_id]
        match user.role:
            case Role.SALES:
                staff.sales.append(user.id or 0)
            case Role.FAE:
                staff.faes.append(user.id or 0)
            case _:
                staff.admins.append(user.id or 0)
    for number in range(len(agents) + 1, scaled(AGENTS, scale, 2) + 1):
        agent_id = ids(Agent)
        region = AGENT_REGIONS[number % len(AGENT_REGIONS)]
        data.add(
            Agent,
            _row(
                Agent,
                id=agent_id,
                name=f"{region}第{number}代理",
                contact_name=_person(rng),
                contact_phone=f"0{rng.randint(10, 999)}-{rng.randint(10**7, 10**8 - 1)}",
                contact_email=f"contact@agent{number}.example.com",
                address=f"{rng.choice(PLACES)[1]}高新区{rng.randint(1, 99)}号",
                created_at=context.anchor - timedelta(days=700),
            ),
        )
        agents[agent_id] = _Agent(agent_id)
    # Every agent has a master account, an assistant, an FAE and a salesperson; the rest are
    # salespeople (four in five) and FAEs, spread over the agents.
    extra = [a for a in agents.values() if not a.sales]
    roles = [Role.AGENT_ADMIN, Role.ASSISTANT, Role.FAE, Role.SALES]
    wanted = [(a, r) for a in extra for r in roles]
    for _ in range(max(0, scaled(USERS, scale, 8) - len(context.users) - len(wanted))):
        wanted.append(
            (
                rng.choice(list(agents.values())),
                Role.SALES if rng.random() < 0.8 else Role.FAE,
            )
        )
    for index, (agent, role) in enumerate(wanted, start=1):
        user_id = ids(User)
        username = f"u{index:05d}.{role.value.replace('_', '')}"
        data.add(
            User,
            _row(
                User,
                id=user_id,
                username=username,
                display_name=_person(rng),
                email=f"{username}@agents.example.com",
                role=role,
                agent_id=agent.id,
                must_change_password=False,
                password_hash=password_hash,
                created_at=context.anchor - timedelta(days=rng.randint(30, 700)),
                email_opt_out=[],
            ),
        )
        {Role.SALES: agent.sales, Role.FAE: agent.faes}.get(role, agent.admins).append(user_id)
    return agents, logins


@dataclass
class _Customer:
    id: int
    status: CustomerStatus
    agent_id: int | None
    contact_id: int | None
    domain_id: int
    row: dict[str, Any]


def _company(rng: random.Random, place: tuple[str, str]) -> str:
    core = "".join(rng.sample(SYLLABLES, rng.choice((2, 2, 3, 4))))
    return f"{place[1]}{core}{rng.choice(INDUSTRY)}{rng.choice(FORMS)}"


def _aliases(rng: random.Random, name: str, city: str, core: str) -> list[tuple[AliasKind, str]]:
    """About a third of customers go by a short name (简称), one in ten by a former name
    (the same company, another industry word and legal form): the check indexes them all."""
    aliases = []
    if rng.random() < 0.3:
        aliases.append((AliasKind.SHORT, f"{core}{rng.choice(INDUSTRY)}"))
    if rng.random() < 0.1:
        former = f"{city}{core}{rng.choice(INDUSTRY)}{rng.choice(FORMS)}"
        if normalise(former).full != normalise(name).full:
            aliases.append((AliasKind.FORMER, former))
    return aliases


def _customers(
    scale: float,
    rng: random.Random,
    ids: _Ids,
    context: Context,
    agents: dict[int, _Agent],
    logins: dict[str, int],
    data: Dataset,
) -> list[_Customer]:
    owner_of = {sales: agent.id for agent in agents.values() for sales in agent.sales}
    # The demo logins' customers first, then anyone's (an agent with salespeople, at random).
    contacts = [logins[u] for u, share in DEMO_SHARES.items() for _ in range(scaled(share, scale))]
    staffed = [a for a in agents.values() if a.sales]
    total = max(scaled(CUSTOMERS, scale), len(contacts))
    statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
    taken = set(context.taken_name_keys)
    customers = []
    for index in range(total):
        status = rng.choices(statuses, weights)[0]
        if index < len(contacts):
            contact: int | None = contacts[index]
            status = status if status is not CustomerStatus.RELEASED else CustomerStatus.PROTECTED
        else:
            contact = rng.choice(rng.choice(staffed).sales)
        place = rng.choice(PLACES)
        name = _company(rng, place)
        normalised = normalise(name)
        while normalised.full in taken:
            name = _company(rng, place)
            normalised = normalise(name)
        taken.add(normalised.full)
        created = context.anchor - timedelta(days=rng.randint(1, 900), minutes=rng.randint(0, 1439))
        agent_id = owner_of[contact] if contact is not None else None
        released = status is CustomerStatus.RELEASED
        protected = status is CustomerStatus.PROTECTED
        customer = lifecycle.seeded(
            Customer(
                id=ids(Customer),
                name=name,
                name_key=normalised.full,
                name_core=normalised.core,
                province=place[0],
                city=place[1],
                product_domain_id=rng.choice(context.domain_ids),
                annual_mcu_usage_wan=Decimal(rng.randint(5, 2000)),
                mcus_in_use=[],
                created_at=created,
                updated_at=created,
            ),
            status,
            agent_id=None if released else agent_id,
            contact_user_id=None if released else contact,
            protection_until=context.anchor + timedelta(days=rng.randint(1, 360))
            if protected
            else None,
            approved_at=created + timedelta(days=1) if protected else None,
            released_from_agent_id=agent_id if released else None,
            released_at=created + timedelta(days=rng.randint(200, 400)) if released else None,
        )
        if released and customer.released_at and customer.released_at > context.anchor:
            customer.released_at = context.anchor - timedelta(days=rng.randint(1, 30))
        row = customer.model_dump()
        row["updated_at"] = min(context.anchor, created + timedelta(days=rng.randint(0, 400)))
        assert customer.id is not None
        customers.append(
            _Customer(
                customer.id,
                status,
                None if released else agent_id,
                row["contact_user_id"],
                customer.product_domain_id,
                row,
            )
        )
        data.add(Customer, row)
        grams = set(grams_of(normalised))
        for kind, alias in _aliases(rng, name, place[1], normalised.core):
            alias_key = normalise(alias)
            data.add(
                CustomerAlias,
                _row(
                    CustomerAlias,
                    id=ids(CustomerAlias),
                    customer_id=customer.id,
                    kind=kind,
                    name=alias,
                    name_key=alias_key.full,
                    created_at=created,
                ),
            )
            grams.update(grams_of(alias_key))
        for gram in sorted(grams):
            data.add(CustomerNameGram, {"customer_id": customer.id, "gram": gram})
        if contact is not None and agent_id is not None and not released:
            applicant = contact
            outcome = REGISTRATION_OUTCOME[status]
            decided = outcome in (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED)
            data.add(
                Registration,
                _row(
                    Registration,
                    id=ids(Registration),
                    customer_id=customer.id,
                    agent_id=agent_id,
                    applicant_id=applicant,
                    kind=RegistrationKind.NEW,
                    status=outcome,
                    conflicts=[],
                    decided_by_id=logins["vendor"] if decided else None,
                    decided_at=created + timedelta(days=1) if decided else None,
                    decision_reason="名称不是官方全称"
                    if outcome is ApplicationStatus.REJECTED
                    else "",
                    created_at=created,
                ),
            )
        faes = agents[agent_id].faes if agent_id is not None else []
        if protected and faes and rng.random() < 0.2:
            data.add(CustomerFae, {"customer_id": customer.id, "user_id": rng.choice(faes)})
    return customers


def _projects(
    scale: float,
    rng: random.Random,
    ids: _Ids,
    context: Context,
    customers: list[_Customer],
    data: Dataset,
) -> dict[int, list[dict[str, Any]]]:
    """Projects of protected customers, spread evenly; the customer's stage is their best."""
    protected = [c for c in customers if c.status is CustomerStatus.PROTECTED]
    by_customer: dict[int, list[dict[str, Any]]] = {}
    ladder = list(ProjectStage)
    for index in range(scaled(PROJECTS, scale) if protected else 0):
        customer = protected[index % len(protected)]
        mine = by_customer.setdefault(customer.id, [])
        product = rng.choice(PRODUCTS)
        row = _row(
            Project,
            id=ids(Project),
            customer_id=customer.id,
            agent_id=customer.agent_id,
            name=f"{product}项目{len(mine) + 1}",
            product=product,
            product_domain_id=customer.domain_id,
            mcu_model_id=rng.choice(context.mcu_model_ids),
            stage=rng.choice(ladder),
            annual_volume=rng.randint(1, 500) * 1000,
            created_at=customer.row["created_at"],
            updated_at=customer.row["updated_at"],
        )
        mine.append(row)
        data.add(Project, row)
    for customer in protected:
        stages = [p["stage"] for p in by_customer.get(customer.id, [])]
        if stages:
            customer.row["project_stage"] = max(stages, key=ladder.index)
    return by_customer


def _day(context: Context, rng: random.Random, days: int) -> date:
    return (context.anchor - timedelta(days=rng.randint(0, days))).astimezone(CHINA).date()


def _reports(
    scale: float,
    rng: random.Random,
    ids: _Ids,
    context: Context,
    customers: list[_Customer],
    projects: dict[int, list[dict[str, Any]]],
    vendor: int,
    data: Dataset,
) -> None:
    """Follow-up reports of the last year, one or two project entries each; vendor comments on
    one in thirty, unread by half of their readers."""
    reported = [c for c in customers if c.id in projects]
    for _ in range(scaled(REPORTS, scale) if reported else 0):
        customer = rng.choice(reported)
        day = _day(context, rng, 365)
        report_id = ids(Report)
        at = datetime.combine(day, datetime.min.time(), CHINA) + timedelta(hours=18)
        data.add(
            Report,
            _row(
                Report,
                id=report_id,
                customer_id=customer.id,
                agent_id=customer.agent_id,
                author_id=customer.contact_id,
                report_date=day,
                customer_news="客户本月产线稳定，计划下季度导入新品。",
                created_at=at,
                updated_at=at,
            ),
        )
        mine = projects[customer.id]
        entry_ids = []
        for project in rng.sample(mine, min(len(mine), rng.choice((1, 1, 2)))):
            entry_ids.append(ids(ReportEntry))
            data.add(
                ReportEntry,
                _row(
                    ReportEntry,
                    id=entry_ids[-1],
                    report_id=report_id,
                    project_id=project["id"],
                    stage=project["stage"],
                    progress="样品测试中，客户反馈良好",
                    mcu_model_id=project["mcu_model_id"],
                    product_domain_id=project["product_domain_id"],
                    annual_volume=project["annual_volume"],
                    written_by_id=customer.contact_id,
                ),
            )
            if project["last_report_date"] is None or project["last_report_date"] < day:
                project["last_report_date"] = day
        last = customer.row["last_report_at"]
        customer.row["last_report_at"] = day if last is None or last < day else last
        if rng.random() < 1 / 30:
            comment_id = ids(Comment)
            data.add(
                Comment,
                _row(
                    Comment,
                    id=comment_id,
                    report_id=report_id,
                    entry_id=entry_ids[0] if rng.random() < 0.5 else None,
                    author_id=vendor,
                    body="请关注客户量产节奏，提前备货。",
                    created_at=at + timedelta(hours=20),
                ),
            )
            data.add(
                CommentReceipt,
                {
                    "comment_id": comment_id,
                    "user_id": customer.contact_id,
                    "read_at": None if rng.random() < 0.5 else at + timedelta(days=2),
                },
            )


def _orders(
    scale: float,
    rng: random.Random,
    ids: _Ids,
    context: Context,
    agents: dict[int, _Agent],
    customers: list[_Customer],
    projects: dict[int, list[dict[str, Any]]],
    data: Dataset,
) -> None:
    """Orders of the last year from customers with projects, one to four lines each, with their
    batch numbers; each in the audit trail, as the app records it."""
    buying = [c for c in customers if c.id in projects]
    lines = 0
    while buying and lines < scaled(ORDER_LINES, scale):
        customer = rng.choice(buying)
        assert customer.agent_id is not None
        order_id = ids(Order)
        day = _day(context, rng, 365)
        at = datetime.combine(day, datetime.min.time(), CHINA) + timedelta(hours=10)
        data.add(
            Order,
            _row(
                Order,
                id=order_id,
                customer_id=customer.id,
                agent_id=customer.agent_id,
                order_number=f"SO{order_id:09d}",
                contract_date=day,
                created_by_id=rng.choice(agents[customer.agent_id].admins or [customer.contact_id]),
                created_at=at,
                updated_at=at,
            ),
        )
        data.add(
            AuditLog,
            _row(
                AuditLog,
                id=ids(AuditLog),
                at=at,
                actor_id=data.rows[Order][-1]["created_by_id"],
                action="order.create",
                object_type=Order.__tablename__,
                object_id=str(order_id),
                agent_id=customer.agent_id,
                after={"order_number": f"SO{order_id:09d}", "contract_date": day.isoformat()},
            ),
        )
        for _ in range(rng.choice((1, 2, 2, 3, 3, 4))):
            project = rng.choice(projects[customer.id])
            lines += 1
            data.add(
                OrderLine,
                _row(
                    OrderLine,
                    id=ids(OrderLine),
                    order_id=order_id,
                    project_id=project["id"],
                    mcu_model_id=project["mcu_model_id"],
                    product_domain_id=project["product_domain_id"],
                    quantity=rng.randint(1, 200) * 500,
                    unit_price=Decimal(rng.randint(150, 2500)) / 100,
                    currency="CNY",
                    batches=[
                        f"{day:%y%m}{rng.choice('ABCD')}{rng.randint(1, 99):02d}"
                        for _ in range(rng.choice((1, 1, 2, 3)))
                    ],
                ),
            )


def _announcements(
    scale: float,
    rng: random.Random,
    ids: _Ids,
    context: Context,
    agents: dict[int, _Agent],
    vendor: int,
    data: Dataset,
) -> None:
    for number in range(1, scaled(ANNOUNCEMENTS, scale, 3) + 1):
        audience = rng.choice(list(Audience))
        published = context.anchor - timedelta(days=rng.randint(0, 365))
        data.add(
            Announcement,
            _row(
                Announcement,
                id=ids(Announcement),
                title=f"渠道通知第{number}期",
                body="各代理商：请按时提交客户跟进报告。\n\n- 新品样片已到货\n- 价格政策调整",
                importance=rng.choice(list(Importance)),
                audience=audience,
                agent_id=rng.choice(list(agents)) if audience is Audience.AGENT else None,
                publish_at=published,
                expire_at=published + timedelta(days=rng.randint(30, 400)),
                created_by_id=vendor,
                created_at=published,
                updated_at=published,
            ),
        )
