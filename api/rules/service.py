from api.audit.service import record, snapshot
from api.authz.policy import authorize
from api.authz.principal import Principal
from api.db import AsyncSession
from api.kit.clock import now
from api.rules.models import Rules
from api.rules.schemas import RulesUpdate


async def current_rules(session: AsyncSession) -> Rules:
    """The rules row (created with defaults by the migration; recreated if ever missing)."""
    rules = await session.get(Rules, 1)
    if rules is None:
        rules = Rules()
        session.add(rules)
        await session.flush()
    return rules


async def update_rules(session: AsyncSession, principal: Principal, data: RulesUpdate) -> Rules:
    """Only the vendor sets the rules; every change is audited."""
    authorize(principal.is_vendor)
    rules = await current_rules(session)
    before = snapshot(rules)
    changes = data.model_dump(mode="json", exclude_unset=True, exclude_none=True)
    if "stage_probabilities" in changes:  # a partial map changes only the stages it names
        changes["stage_probabilities"] = {
            **rules.stage_probabilities,
            **changes["stage_probabilities"],
        }
    for field, value in changes.items():
        setattr(rules, field, value)
    rules.updated_at = now()
    session.add(rules)
    await record(session, principal, "rules.update", rules, before=before)
    return rules
