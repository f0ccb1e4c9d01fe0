"""Demo announcements (公告) with every demo login's receipt, so the list has content and no
demo sign-in is held up by the pop-up. They have all expired: a person added later (the browser
tests create some) is not asked to acknowledge them either."""

from datetime import timedelta

from api.agents.models import Agent
from api.announcements.models import Announcement, AnnouncementReceipt, Audience, Importance
from api.db import AsyncSession
from api.demo import repository
from api.kit.clock import now
from api.users.models import User

# title, Markdown body, importance, audience, agent name, published / expired days ago
DEMO_ANNOUNCEMENTS = [
    (
        "渠道通系统上线通知",
        "各位同事、各代理商伙伴：\n\n**渠道通**已正式上线，客户报备、跟进、销售记录均请在系统内完成。"
        "\n\n- 报备前请先查重\n- 每月至少提交一次跟进报告\n\n如有问题请联系原厂渠道部。",
        Importance.IMPORTANT,
        Audience.ALL,
        None,
        40,
        10,
    ),
    (
        "第四季度客户报备规则提醒",
        "保护期到期前 **30 天**内可申请延期，逾期未跟进的客户将进入资源池。",
        Importance.CRITICAL,
        Audience.AGENTS,
        None,
        30,
        5,
    ),
    (
        "华南代理：月度对账安排",
        "请华南代理助理于每月 5 日前核对上月销售记录。",
        Importance.NORMAL,
        Audience.AGENT,
        "华南代理",
        20,
        2,
    ),
    (
        "原厂内部：报备审批时限",
        "报备申请请在 **2 个工作日**内审批。",
        Importance.NORMAL,
        Audience.VENDOR,
        None,
        15,
        1,
    ),
]


async def seed_announcements(session: AsyncSession) -> None:
    agents = {a.name: a.id for a in await repository.all_rows(session, Agent)}
    author = next(u for u in await repository.all_rows(session, User) if u.username == "vendor")
    assert author is not None and author.id is not None
    at = now()
    for title, body, importance, audience, agent, published, expired in DEMO_ANNOUNCEMENTS:
        announcement = Announcement(
            title=title,
            body=body,
            importance=importance,
            audience=audience,
            agent_id=agents[agent] if agent else None,
            publish_at=at - timedelta(days=published),
            expire_at=at - timedelta(days=expired),
            created_by_id=author.id,
            created_at=at - timedelta(days=published),
            updated_at=at - timedelta(days=published),
        )
        session.add(announcement)
        await session.flush()
        readers = await repository.audience_ids(session, announcement)
        session.add_all(
            AnnouncementReceipt(
                announcement_id=announcement.id or 0,
                user_id=user_id or 0,
                read_at=announcement.publish_at + timedelta(hours=2 + n),
            )
            for n, user_id in enumerate(readers)
        )
    await session.flush()
