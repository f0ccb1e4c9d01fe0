"""SPEC §11: every write leaves an audit row. Each write route of the app has a scenario here
(a new route without one fails the first test), and each scenario's call must add a row."""

import base64
import functools
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from api.authz.roles import Role
from api.customers.models import CustomerStatus
from api.kit.clock import now, today
from tests.factories import PASSWORD

OPENAPI = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
WRITE_METHODS = {"post", "put", "patch", "delete"}


@dataclass
class Ctx:
    client: Any
    world: Any
    factory: Any
    book: Any

    async def call(self, method: str, url: str, actor: Any, body: Any = None) -> dict:
        response = await self.client.request(
            method, url, json=body, headers=actor.headers if actor else {}
        )
        assert response.status_code < 300, (
            f"setup {method} {url}: {response.status_code} {response.text}"
        )
        return response.json() if response.content else {}


# A scenario prepares what its call needs, then returns the call: (actor or None, url, body).
Scenario = Callable[[Ctx], Awaitable[tuple[Any, str, Any]]]
SCENARIOS: dict[tuple[str, str], Scenario] = {}


def scenario(method: str, path: str) -> Callable[[Scenario], Scenario]:
    def register(fn: Scenario) -> Scenario:
        SCENARIOS[(method, f"/api/v1{path}")] = fn
        return fn

    return register


def _user(username: str) -> dict:
    return {
        "username": username,
        "display_name": "新人",
        "email": f"{username}@example.com",
        "role": "sales",
    }


@scenario("POST", "/agents")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return (
        c.world.vendor,
        "/api/v1/agents",
        {
            "name": "西北代理",
            "admin": {"username": "c.admin", "display_name": "西北", "email": "c@example.com"},
        },
    )


@scenario("PATCH", "/agents/{agent_id}")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, f"/api/v1/agents/{c.world.agent_b.id}", {"address": "上海"}


@scenario("POST", "/agents/{agent_id}/deactivate")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, f"/api/v1/agents/{c.world.agent_b.id}/deactivate", None


@scenario("POST", "/agents/{agent_id}/reactivate")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    await c.call("POST", f"/api/v1/agents/{c.world.agent_b.id}/deactivate", c.world.vendor)
    return c.world.vendor, f"/api/v1/agents/{c.world.agent_b.id}/reactivate", None


@scenario("POST", "/api-tokens")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, "/api/v1/api-tokens", {"name": "ERP计划", "scopes": ["forecast:read"]}


@scenario("POST", "/api-tokens/{token_id}/revoke")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    token = await c.call(
        "POST", "/api/v1/api-tokens", c.world.vendor, {"name": "ERP计划", "scopes": ["stats:read"]}
    )
    return c.world.vendor, f"/api/v1/api-tokens/{token['id']}/revoke", None


@scenario("POST", "/auth/login")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return None, "/api/v1/auth/login", {"username": "a.sales", "password": PASSWORD}


@scenario("POST", "/auth/refresh")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    await c.call("POST", "/api/v1/auth/login", None, {"username": "a.sales", "password": PASSWORD})
    return None, "/api/v1/auth/refresh", None


@scenario("POST", "/auth/logout")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    await c.call("POST", "/api/v1/auth/login", None, {"username": "a.sales", "password": PASSWORD})
    return None, "/api/v1/auth/logout", None


@scenario("POST", "/auth/change-password")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return (
        c.world.a_sales,
        "/api/v1/auth/change-password",
        {"current_password": PASSWORD, "new_password": "a brand new passphrase"},
    )


@scenario("POST", "/auth/set-password")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    created = await c.call("POST", "/api/v1/users", c.world.a_admin, _user("link.user"))
    token = created["credentials"]["set_password_url"].split("token=")[1]
    return (
        None,
        "/api/v1/auth/set-password",
        {"token": token, "new_password": "a brand new passphrase"},
    )


@scenario("PATCH", "/me")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.a_sales, "/api/v1/me", {"phone": "13800000000"}


@scenario("POST", "/users")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.a_admin, "/api/v1/users", _user("new.sales")


@scenario("PATCH", "/users/{user_id}")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.a_admin, f"/api/v1/users/{c.world.a_fae.id}", {"display_name": "刘工程师"}


@scenario("POST", "/users/{user_id}/deactivate")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.a_admin, f"/api/v1/users/{c.world.a_fae.id}/deactivate", None


@scenario("POST", "/users/{user_id}/reactivate")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    await c.call("POST", f"/api/v1/users/{c.world.a_fae.id}/deactivate", c.world.a_admin)
    return c.world.a_admin, f"/api/v1/users/{c.world.a_fae.id}/reactivate", None


@scenario("POST", "/users/{user_id}/reset-password")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.a_admin, f"/api/v1/users/{c.world.a_fae.id}/reset-password", None


@scenario("PUT", "/rules")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, "/api/v1/rules", {"near_expiry_days": 20}


@scenario("POST", "/registrations")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.a_sales, "/api/v1/registrations", await _registration_body(c)


async def _registration_body(c: Ctx) -> dict:
    domain = await c.factory.domain_id()
    return {
        "name": "东莞市审计测试电子有限公司",
        "province": "广东省",
        "city": "东莞市",
        "product_domain_id": domain,
        "annual_mcu_usage_wan": 10,
    }


async def _pending_registration(c: Ctx) -> int:
    return (
        await c.call("POST", "/api/v1/registrations", c.world.a_sales, await _registration_body(c))
    )["id"]


@scenario("POST", "/registrations/{registration_id}/approve")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, f"/api/v1/registrations/{await _pending_registration(c)}/approve", {}


@scenario("POST", "/registrations/{registration_id}/reject")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return (
        c.world.vendor,
        f"/api/v1/registrations/{await _pending_registration(c)}/reject",
        {"reason": "信息不全"},
    )


@scenario("POST", "/registrations/{registration_id}/withdraw")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.a_sales, f"/api/v1/registrations/{await _pending_registration(c)}/withdraw", {}


@scenario("POST", "/pool/{customer_id}/apply")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    pooled = await c.factory.customer(None, status=CustomerStatus.RELEASED)
    return c.world.a_sales, f"/api/v1/pool/{pooled.id}/apply", {}


@scenario("PATCH", "/customers/{customer_id}")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.a_sales, f"/api/v1/customers/{c.book.customer_id}", {"purchaser": "美达采购部"}


@scenario("PUT", "/customers/{customer_id}/contact")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return (
        c.world.a_admin,
        f"/api/v1/customers/{c.book.customer_id}/contact",
        {"contact_user_id": c.world.a_sales.id},
    )


@scenario("POST", "/customers/reassign")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    colleague = await c.factory.user(Role.SALES, c.world.agent_a)
    return (
        c.world.a_admin,
        "/api/v1/customers/reassign",
        {"from_user_id": c.world.a_sales.id, "to_user_ids": [colleague.id]},
    )


@scenario("PUT", "/customers/{customer_id}/faes")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return (
        c.world.a_admin,
        f"/api/v1/customers/{c.book.customer_id}/faes",
        {"fae_user_ids": [c.world.a_fae.id]},
    )


@scenario("POST", "/customers/{customer_id}/release")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    protected = await c.factory.customer(c.world.agent_a, c.world.a_sales)
    return c.world.vendor, f"/api/v1/customers/{protected.id}/release", {"reason": "长期未跟进"}


@scenario("POST", "/customers/{customer_id}/review")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    # The book's IH电饭煲 is in mass production: the customer is under periodic review.
    return (
        c.world.vendor,
        f"/api/v1/customers/{c.book.customer_id}/review",
        {"keep": True, "reason": "量产稳定"},
    )


@scenario("POST", "/customers/{customer_id}/aliases")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    url = f"/api/v1/customers/{c.book.customer_id}/aliases"
    return c.world.a_sales, url, {"kind": "english", "name": "Foshan Meida Appliance Co., Ltd."}


@scenario("DELETE", "/customers/{customer_id}/aliases/{alias_id}")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    url = f"/api/v1/customers/{c.book.customer_id}/aliases"
    alias = await c.call("POST", url, c.world.a_sales, {"kind": "short", "name": "美达小家电"})
    return c.world.a_sales, f"{url}/{alias['id']}", None


@scenario("PUT", "/customers/{customer_id}/name")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    url = f"/api/v1/customers/{c.book.customer_id}/name"
    return c.world.vendor, url, {"name": "佛山市美达智能家电有限公司", "reason": "工商变更"}


@scenario("PUT", "/customers/{customer_id}/group")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    parent = await c.factory.customer(c.world.agent_a, c.world.a_sales, name="美达集团有限公司")
    url = f"/api/v1/customers/{c.book.customer_id}/group"
    return c.world.vendor, url, {"parent_id": parent.id, "kind": "subsidiary"}


@scenario("DELETE", "/customers/{customer_id}/group")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    parent = await c.factory.customer(c.world.agent_a, c.world.a_sales, name="美达集团有限公司")
    url = f"/api/v1/customers/{c.book.customer_id}/group"
    await c.call("PUT", url, c.world.vendor, {"parent_id": parent.id, "kind": "branch"})
    return c.world.vendor, url, None


async def _extension(c: Ctx) -> int:
    customer = await c.factory.customer(
        c.world.agent_a, c.world.a_sales, protection_until=now() + timedelta(days=10)
    )
    body = {"reason": "项目即将进入研发"}
    return (
        await c.call("POST", f"/api/v1/customers/{customer.id}/extensions", c.world.a_sales, body)
    )["id"]


@scenario("POST", "/customers/{customer_id}/extensions")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    customer = await c.factory.customer(
        c.world.agent_a, c.world.a_sales, protection_until=now() + timedelta(days=10)
    )
    return (
        c.world.a_sales,
        f"/api/v1/customers/{customer.id}/extensions",
        {"reason": "项目即将进入研发"},
    )


@scenario("POST", "/extensions/{extension_id}/approve")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    until = (now() + timedelta(days=120)).isoformat()
    return (
        c.world.vendor,
        f"/api/v1/extensions/{await _extension(c)}/approve",
        {"protection_until": until},
    )


@scenario("POST", "/extensions/{extension_id}/reject")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return (
        c.world.vendor,
        f"/api/v1/extensions/{await _extension(c)}/reject",
        {"reason": "跟进不足"},
    )


def _report_body(c: Ctx) -> dict:
    entry = {
        "project_id": c.book.fan,
        "stage": "small_batch",
        "product_domain_id": c.book.motor_control,
        "mcu_model_id": c.book.fan_model,
        "annual_volume": 60000,
    }
    return {"customer_news": "审计测试动态", "entries": [entry]}


async def _report(c: Ctx) -> int:
    return (
        await c.call(
            "POST",
            f"/api/v1/customers/{c.book.customer_id}/reports",
            c.world.a_sales,
            _report_body(c),
        )
    )["id"]


@scenario("POST", "/customers/{customer_id}/reports")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.a_sales, f"/api/v1/customers/{c.book.customer_id}/reports", _report_body(c)


@scenario("PUT", "/reports/{report_id}")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return (
        c.world.a_sales,
        f"/api/v1/reports/{await _report(c)}",
        {**_report_body(c), "customer_news": "更正动态", "version": 1},
    )


@scenario("POST", "/reports/{report_id}/comments")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, f"/api/v1/reports/{await _report(c)}/comments", {"body": "建议跟进"}


@scenario("POST", "/desk/seen")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, "/api/v1/desk/seen", None


@scenario("POST", "/reports/{report_id}/read")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    report = await _report(c)
    await c.call("POST", f"/api/v1/reports/{report}/comments", c.world.vendor, {"body": "建议跟进"})
    return c.world.a_sales, f"/api/v1/reports/{report}/read", None


def _order_body(number: str) -> dict:
    return {"order_number": number, "contract_date": today().isoformat(), "lines": []}


async def _order(c: Ctx) -> int:
    body = {**_order_body("AUD-1"), "lines": [{"project_id": c.book.cooker, "quantity": 10}]}
    return (
        await c.call(
            "POST", f"/api/v1/customers/{c.book.customer_id}/orders", c.world.a_assistant, body
        )
    )["id"]


@scenario("POST", "/customers/{customer_id}/orders")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    body = {
        **_order_body("AUD-0"),
        "lines": [{"project_id": c.book.cooker, "quantity": 10, "batches": ["B1"]}],
    }
    return c.world.a_assistant, f"/api/v1/customers/{c.book.customer_id}/orders", body


@scenario("PUT", "/orders/{order_id}")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    body = {**_order_body("AUD-1"), "lines": [{"project_id": c.book.cooker, "quantity": 20}]}
    return c.world.a_assistant, f"/api/v1/orders/{await _order(c)}", body


@scenario("POST", "/orders/{order_id}/delete")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.a_assistant, f"/api/v1/orders/{await _order(c)}/delete", {"reason": "重复录入"}


def _legacy_file() -> bytes:
    from tests.imports.sheets import filled_template, row

    return filled_template([row("深圳市星河智能控制有限公司", "nobody")])


@scenario("POST", "/imports")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, f"/api/v1/imports?agent_id={c.world.agent_a.id}", _legacy_file()


@scenario("POST", "/imports/{import_id}/commit")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    from api.imports.runner import settle

    uploaded = await c.client.post(
        f"/api/v1/imports?agent_id={c.world.agent_a.id}",
        content=_legacy_file(),
        headers={**c.world.vendor.headers, "Content-Type": "application/octet-stream"},
    )
    assert uploaded.status_code == 202, uploaded.text
    await settle()  # the dry run ends
    return c.world.vendor, f"/api/v1/imports/{uploaded.json()['id']}/commit", None


async def _announcement(c: Ctx) -> int:
    body = {"title": "审计公告", "body": "请阅读", "importance": "important"}
    return (await c.call("POST", "/api/v1/announcements", c.world.vendor, body))["id"]


@scenario("POST", "/announcements")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, "/api/v1/announcements", {"title": "审计公告", "body": "请阅读"}


@scenario("PUT", "/announcements/{announcement_id}")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return (
        c.world.vendor,
        f"/api/v1/announcements/{await _announcement(c)}",
        {"title": "审计公告（更正）", "body": "请阅读"},
    )


@scenario("POST", "/announcements/{announcement_id}/withdraw")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return (
        c.world.vendor,
        f"/api/v1/announcements/{await _announcement(c)}/withdraw",
        {"reason": "发错了"},
    )


@scenario("POST", "/announcements/{announcement_id}/acknowledge")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.a_sales, f"/api/v1/announcements/{await _announcement(c)}/acknowledge", None


async def _domain_id(c: Ctx, name: str) -> int:
    domains = await c.client.get("/api/v1/product-domains", headers=c.world.vendor.headers)
    return next(d["id"] for d in domains.json() if d["name"] == name)


@scenario("POST", "/product-domains")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, "/api/v1/product-domains", {"name": "厨房电器"}


@scenario("PATCH", "/product-domains/{domain_id}")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    url = f"/api/v1/product-domains/{await _domain_id(c, '照明')}"
    return c.world.vendor, url, {"typical_products": ["LED驱动"]}


@scenario("POST", "/product-domains/{domain_id}/move")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    url = f"/api/v1/product-domains/{await _domain_id(c, '照明')}/move"
    return c.world.vendor, url, {"position": 0}


@scenario("POST", "/product-domains/{domain_id}/deactivate")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, f"/api/v1/product-domains/{await _domain_id(c, '安防')}/deactivate", None


@scenario("POST", "/product-domains/{domain_id}/reactivate")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    url = f"/api/v1/product-domains/{await _domain_id(c, '安防')}"
    await c.call("POST", f"{url}/deactivate", c.world.vendor)
    return c.world.vendor, f"{url}/reactivate", None


@scenario("POST", "/product-domains/{domain_id}/merge")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    url = f"/api/v1/product-domains/{c.book.motor_control}/merge"
    return c.world.vendor, url, {"into_id": c.book.small_appliances}


@scenario("POST", "/mcu-models")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, "/api/v1/mcu-models", {"part_number": "CD32X1", "series": "CD32X"}


@scenario("PATCH", "/mcu-models/{model_id}")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    return c.world.vendor, f"/api/v1/mcu-models/{c.book.fan_model}", {"status": "nrnd"}


@scenario("POST", "/mcu-models/{model_id}/delete")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    body = {"part_number": "CD32X2", "series": "CD32X"}
    model = await c.call("POST", "/api/v1/mcu-models", c.world.vendor, body)
    return c.world.vendor, f"/api/v1/mcu-models/{model['id']}/delete", None


@scenario("POST", "/mcu-models/import")
async def _(c: Ctx):  # type: ignore[no-untyped-def]
    content = base64.b64encode(b"part_number,series\nCD32X3,CD32X\n").decode()
    body = {"filename": "models.csv", "content_base64": content, "dry_run": False}
    return c.world.vendor, "/api/v1/mcu-models/import", body


def _write_routes() -> set[tuple[str, str]]:
    paths = json.loads(OPENAPI.read_text("utf-8"))["paths"]
    return {(m.upper(), p) for p, ops in paths.items() for m in ops if m in WRITE_METHODS}


LOCALES = OPENAPI.parents[1] / "frontend" / "src" / "locales"


@functools.cache
def _locale_sources(lang: str) -> str:
    return "\n".join(p.read_text() for p in sorted(LOCALES.glob(f"*{lang}.ts")))


def _labelled(key: str) -> bool:
    """The audit page shows this action or object type in words, in both languages."""
    return all(f"'{key}':" in _locale_sources(lang) for lang in ("zh-CN", "en-US"))


def test_every_write_route_has_an_audit_scenario() -> None:
    missing = _write_routes() - set(SCENARIOS)
    assert not missing, f"write routes without an audit scenario: {sorted(missing)}"


@pytest.mark.parametrize("route", sorted(SCENARIOS), ids=[f"{m} {p}" for m, p in sorted(SCENARIOS)])
async def test_every_write_leaves_an_audit_row(
    client, world, factory, book, route: tuple[str, str]
) -> None:
    ctx = Ctx(client, world, factory, book)
    actor, url, body = await SCENARIOS[route](ctx)
    before = (
        await client.get("/api/v1/audit", params={"limit": 1}, headers=world.vendor.headers)
    ).json()["total"]
    headers = actor.headers if actor else {}
    if isinstance(body, bytes):  # an uploaded file
        response = await client.request(
            route[0],
            url,
            content=body,
            headers={**headers, "Content-Type": "application/octet-stream"},
        )
    else:
        response = await client.request(route[0], url, json=body, headers=headers)
    assert response.status_code < 300, f"{route}: {response.status_code} {response.text}"
    after = (
        await client.get("/api/v1/audit", params={"limit": 1}, headers=world.vendor.headers)
    ).json()["total"]
    assert after > before, f"{route[0]} {route[1]} wrote no audit row"
    rows = (
        await client.get(
            "/api/v1/audit", params={"limit": after - before}, headers=world.vendor.headers
        )
    ).json()["items"]
    unlabelled = {
        key
        for row in rows
        for key in (f"audit.action.{row['action']}", f"audit.object.{row['object_type']}")
        if not _labelled(key)
    }
    assert not unlabelled, f"the audit page has no zh-CN/en-US label for {sorted(unlabelled)}"
