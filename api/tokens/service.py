"""API tokens for integrators (SPEC §10): created by the vendor, shown once, stored hashed."""

import secrets
from datetime import timedelta

from api.audit.service import record
from api.authz.policy import authorize
from api.authz.principal import Principal
from api.db import AsyncSession
from api.kit.clock import now
from api.kit.errors import Conflict, NotFound
from api.security import hash_opaque_token
from api.tokens import repository
from api.tokens.models import ApiToken
from api.tokens.schemas import ApiTokenCreate
from api.tokens.scopes import TOKEN_PREFIX


async def create(
    session: AsyncSession, principal: Principal, data: ApiTokenCreate
) -> tuple[ApiToken, str]:
    authorize(principal.is_vendor)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    stored = ApiToken(
        name=data.name,
        token_hash=hash_opaque_token(token),
        prefix=token[: len(TOKEN_PREFIX) + 6],
        scopes=sorted({s.value for s in data.scopes}),
        created_by_id=principal.user_id,
        expires_at=now() + timedelta(days=data.expires_in_days) if data.expires_in_days else None,
    )
    session.add(stored)
    await record(session, principal, "api_token.create", stored)
    return stored, token


async def list_tokens(session: AsyncSession, principal: Principal) -> list[ApiToken]:
    authorize(principal.is_vendor)
    return await repository.newest_first(session)


async def revoke(session: AsyncSession, principal: Principal, token_id: int) -> ApiToken:
    authorize(principal.is_vendor)
    stored = await session.get(ApiToken, token_id)
    if stored is None:
        raise NotFound("api_token")
    if stored.revoked_at is not None:
        raise Conflict("api_token_revoked")
    stored.revoked_at = now()
    session.add(stored)
    await record(session, principal, "api_token.revoke", stored)
    return stored
