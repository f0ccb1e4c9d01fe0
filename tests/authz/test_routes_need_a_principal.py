"""Rule: every route outside the short public list requires a signed-in principal, and refuses
a missing, expired, tampered or alg=none token (STYLE: role scoping impossible to forget)."""

import base64
import json
import re
from datetime import timedelta

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from jose import jwt

from api.authz.principal import active_principal, authenticated_principal
from api.main import create_app
from api.security import JWT_ALGORITHM

PUBLIC = {
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/refresh"),
    ("POST", "/api/v1/auth/logout"),
    ("GET", "/api/v1/auth/set-password"),
    ("GET", "/api/v1/auth/password-rules"),
    ("POST", "/api/v1/auth/set-password"),
    ("GET", "/api/v1/health"),
    ("GET", "/api/v1/version"),
    ("GET", "/{path:path}"),  # the SPA
}
# Reachable before the one-time password is changed: who am I, and change it.
PENDING_ALLOWED = {
    ("GET", "/api/v1/me"),
    ("PATCH", "/api/v1/me"),
    ("POST", "/api/v1/auth/change-password"),
}


def _routes() -> list[tuple[str, str, APIRoute]]:
    """(method, full path, route) of every API route, through included routers."""
    found = [
        (method, context.path, context.route)
        for context in iter_route_contexts(create_app().routes)
        if isinstance(context.route, APIRoute)
        for method in sorted(context.methods or ())
    ]
    assert len(found) > len(PUBLIC), "route discovery found too few routes"
    return found


def _dependency_calls(route: APIRoute) -> set:
    calls, stack = set(), list(route.dependant.dependencies)
    while stack:
        dependant = stack.pop()
        calls.add(dependant.call)
        stack.extend(dependant.dependencies)
    return calls


PROTECTED = [(m, p) for m, p, _ in _routes() if (m, p) not in PUBLIC]


def _token_scope(route: APIRoute) -> str | None:
    """The scope an integration route accepts API tokens for (scoped_principal), if any."""
    scopes = {getattr(call, "token_scope", None) for call in _dependency_calls(route)} - {None}
    assert len(scopes) <= 1
    return str(scopes.pop()) if scopes else None


def _guarded(route: APIRoute) -> bool:
    return authenticated_principal in _dependency_calls(route) or _token_scope(route) is not None


def test_every_non_public_route_requires_a_principal() -> None:
    for method, path, route in _routes():
        if (method, path) in PUBLIC or _token_scope(route) is not None:
            continue  # integration routes: people with an own password, or tokens with the scope
        pending = (method, path) in PENDING_ALLOWED
        required = authenticated_principal if pending else active_principal
        assert required in _dependency_calls(route), f"{method} {path} has no principal dependency"


def test_the_public_list_is_exactly_what_the_app_exposes_without_sign_in() -> None:
    exposed = {(m, p) for m, p, route in _routes() if not _guarded(route)}
    assert exposed == PUBLIC


def test_only_forecast_and_statistics_routes_accept_api_tokens() -> None:
    scoped = {(m, p): _token_scope(route) for m, p, route in _routes() if _token_scope(route)}
    assert scoped == {
        ("GET", "/api/v1/forecast"): "forecast:read",
        ("GET", "/api/v1/forecast/accuracy"): "forecast:read",
        ("GET", "/api/v1/stats/shipments"): "stats:read",
    }


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _bad_tokens(user_id: int) -> dict[str, str]:
    from api.config import get_settings
    from api.kit.clock import now

    past = now() - timedelta(hours=2)
    settings = get_settings()
    claims = {
        "iss": settings.token_issuer,
        "aud": settings.token_audience,
        "sub": str(user_id),
        "ver": 0,
        "typ": "access",
        "iat": int(past.timestamp()),
    }
    secret = settings.secret_key
    good = jwt.encode(
        {**claims, "exp": int((now() + timedelta(minutes=5)).timestamp())}, secret, JWT_ALGORITHM
    )
    head, _claims, signature = good.split(".")
    return {
        "expired": jwt.encode(
            {**claims, "exp": int((past + timedelta(minutes=1)).timestamp())}, secret, JWT_ALGORITHM
        ),
        "tampered": f"{head}.{_b64({**claims, 'sub': '2', 'exp': 9999999999})}.{signature}",
        "alg_none": f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64({**claims, 'exp': 9999999999})}.",
        "wrong_key": jwt.encode(
            {**claims, "exp": 9999999999}, "another-secret-" + "y" * 40, JWT_ALGORITHM
        ),
        "garbage": "not-a-token",
    }


@pytest.mark.parametrize(("method", "path"), PROTECTED, ids=[f"{m} {p}" for m, p in PROTECTED])
async def test_protected_route_refuses_missing_and_bad_tokens(
    client, world, method: str, path: str
) -> None:
    url = _concrete(path)
    missing = await client.request(method, url)
    assert missing.status_code == 401, f"{method} {path} without token: {missing.status_code}"
    for kind, token in _bad_tokens(world.vendor.id).items():
        response = await client.request(method, url, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, (
            f"{method} {path} with {kind} token: {response.status_code}"
        )
