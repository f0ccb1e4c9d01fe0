from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import Session
from api.kit.errors import error_responses
from api.rules import service
from api.rules.schemas import RulesPublic, RulesUpdate

router = protected_router("rules")


@router.get("/rules")
async def read_rules(session: Session) -> RulesPublic:
    """The protection, follow-up and pool rules in force."""
    return RulesPublic.model_validate(await service.current_rules(session))


@router.put("/rules", responses=error_responses(403))
async def update_rules(
    body: RulesUpdate, session: Session, principal: CurrentPrincipal
) -> RulesPublic:
    """Change the rules (vendor only)."""
    return RulesPublic.model_validate(await service.update_rules(session, principal, body))
