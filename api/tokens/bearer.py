"""An integrator's bearer token checked at the door. Apart from service.py because the principal
dependency calls it, and service.py imports the principal (through audit and the policy)."""

from api.db import AsyncSession
from api.kit.clock import now
from api.security import hash_opaque_token
from api.tokens import repository
from api.tokens.models import ApiToken


async def usable_token(session: AsyncSession, token: str) -> ApiToken | None:
    """The stored token for this bearer value; None when unknown, revoked or expired."""
    stored = await repository.by_hash(session, hash_opaque_token(token))
    if (
        stored is None
        or stored.revoked_at is not None
        or (stored.expires_at and stored.expires_at <= now())
    ):
        return None
    return stored
