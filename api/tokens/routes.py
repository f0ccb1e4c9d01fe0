from fastapi import status

from api.authz.principal import CurrentPrincipal
from api.authz.routers import protected_router
from api.db import Session
from api.kit.errors import error_responses
from api.kit.ids import RowId
from api.tokens import service
from api.tokens.schemas import ApiTokenCreate, ApiTokenCreated, ApiTokenPublic

router = protected_router("tokens")


@router.get("/api-tokens", responses=error_responses(403))
async def list_tokens(session: Session, principal: CurrentPrincipal) -> list[ApiTokenPublic]:
    """Integrator tokens, newest first (vendor)."""
    return [ApiTokenPublic.model_validate(t) for t in await service.list_tokens(session, principal)]


@router.post("/api-tokens", status_code=status.HTTP_201_CREATED, responses=error_responses(403))
async def create_token(
    body: ApiTokenCreate, session: Session, principal: CurrentPrincipal
) -> ApiTokenCreated:
    """Create a token with scopes; the token itself is shown only in this answer (vendor)."""
    stored, token = await service.create(session, principal, body)
    return ApiTokenCreated.model_validate(
        {**ApiTokenPublic.model_validate(stored).model_dump(), "token": token}
    )


@router.post("/api-tokens/{token_id}/revoke", responses=error_responses(403, 404, 409))
async def revoke_token(
    token_id: RowId, session: Session, principal: CurrentPrincipal
) -> ApiTokenPublic:
    """Revoke a token: it stops working at once (vendor)."""
    return ApiTokenPublic.model_validate(await service.revoke(session, principal, token_id))
