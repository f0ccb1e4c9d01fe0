"""Demo data (SPEC §12): two agents and the eight demo logins, loaded into an empty database."""

from api.agents.models import Agent
from api.authz.roles import Role
from api.db import AsyncSession
from api.demo import repository
from api.demo.announcements import seed_announcements
from api.demo.catalog import seed_domain_tree
from api.demo.customers import seed_customers
from api.demo.followups import seed_followups
from api.demo.orders import seed_orders
from api.demo.password import DEMO_PASSWORD
from api.security import hash_password
from api.users.models import User

# key, name, contact, phone, email, address
DEMO_AGENTS = [
    (
        "A",
        "华南代理",
        "陈志强",
        "0755-86001234",
        "contact@huanan-agent.example.com",
        "深圳市南山区科技园",
    ),
    (
        "B",
        "华东代理",
        "王建国",
        "021-58001234",
        "contact@huadong-agent.example.com",
        "上海市浦东新区张江",
    ),
]

# login, display name, role, agent key
DEMO_USERS = [
    ("vendor", "原厂管理员", Role.VENDOR, None),
    ("a.admin", "华南主账户", Role.AGENT_ADMIN, "A"),
    ("a.sales", "李明", Role.SALES, "A"),
    ("a.sales2", "张伟", Role.SALES, "A"),
    ("a.fae", "刘工", Role.FAE, "A"),
    ("a.assistant", "赵敏", Role.ASSISTANT, "A"),
    ("b.admin", "华东主账户", Role.AGENT_ADMIN, "B"),
    ("b.sales", "王磊", Role.SALES, "B"),
]


async def seed_demo(session: AsyncSession) -> bool:
    """Load the demo data if the database has no users yet; True when it loaded."""
    if await repository.has_users(session):
        return False
    agents = {
        key: Agent(
            name=name,
            contact_name=contact,
            contact_phone=phone,
            contact_email=email,
            address=address,
        )
        for key, name, contact, phone, email, address in DEMO_AGENTS
    }
    session.add_all(agents.values())
    await session.flush()
    password_hash = await hash_password(DEMO_PASSWORD)
    for username, display_name, role, agent_key in DEMO_USERS:
        session.add(
            User(
                username=username,
                display_name=display_name,
                email=f"{username}@demo.channeldesk.example.com",
                role=role,
                agent_id=agents[agent_key].id if agent_key else None,
                password_hash=password_hash,
                must_change_password=False,
            )
        )
    await session.flush()
    await seed_domain_tree(session)
    await seed_customers(session, agents)
    await seed_followups(session)
    await seed_orders(session)
    await seed_announcements(session)
    return True
