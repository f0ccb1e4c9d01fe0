"""Issue 11 §4: an access token names the deployment that issued it and the one it is for (JWT
iss and aud); another deployment's token is refused even when both share the secret."""

from datetime import timedelta

import pytest
from jose import jwt

from api.config import get_settings
from api.kit.clock import now
from api.security import JWT_ALGORITHM, create_access_token, decode_access_token

ME = "/api/v1/me"


def _token(user_id: int, **overrides: str | None) -> str:
    settings = get_settings()
    claims = {
        "iss": settings.token_issuer,
        "aud": settings.token_audience,
        "sub": str(user_id),
        "ver": 0,
        "typ": "access",
        "iat": int(now().timestamp()),
        "exp": int((now() + timedelta(minutes=5)).timestamp()),
        **overrides,
    }
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode(claims, settings.secret_key, algorithm=JWT_ALGORITHM)


async def test_a_token_of_this_deployment_is_accepted(client, world) -> None:
    response = await client.get(ME, headers={"Authorization": f"Bearer {_token(world.vendor.id)}"})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "claims",
    [
        {"iss": "https://other.example.com"},
        {"aud": "https://other.example.com"},
        {"iss": "https://other.example.com", "aud": "https://other.example.com"},
        {"iss": None},
        {"aud": None},
    ],
    ids=["other issuer", "other audience", "other deployment", "no issuer", "no audience"],
)
async def test_a_token_of_another_deployment_with_the_same_secret_is_refused(
    client, world, claims: dict[str, str | None]
) -> None:
    token = _token(world.vendor.id, **claims)
    response = await client.get(ME, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


def test_issuer_and_audience_default_to_the_public_base_url(database_url: str) -> None:
    settings = get_settings()
    assert settings.token_issuer == settings.public_base_url.rstrip("/")
    assert settings.token_audience == settings.token_issuer
    token, _ = create_access_token(1, 0)
    claims = decode_access_token(token)
    assert claims is not None
    assert (claims["iss"], claims["aud"]) == (settings.token_issuer, settings.token_audience)
