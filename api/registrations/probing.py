"""Who probes the registry: many names checked, few applications (SPEC §5)."""

from datetime import datetime

from api.db import AsyncSession
from api.registrations import repository
from api.registrations.schemas import ProbingUser

# Typing a name in the form checks a few prefixes; hundreds of distinct names is not typing.
PROBING_MIN_NAMES = 30
PROBING_MAX_APPLICATION_RATIO = 0.1


async def probing_users(session: AsyncSession, since: datetime) -> list[ProbingUser]:
    activity = await repository.check_activity(session, since)
    users = await repository.users_with_agents(session, [a[0] for a in activity])
    rows = [
        ProbingUser.model_validate(
            {
                "user": users[user_id],
                "agent": users[user_id].agent,
                "names_checked": names,
                "applications": applications,
                "flagged": names >= PROBING_MIN_NAMES
                and applications <= names * PROBING_MAX_APPLICATION_RATIO,
            }
        )
        for user_id, _agent, names, applications in activity
    ]
    return sorted(rows, key=lambda r: (not r.flagged, -r.names_checked))
