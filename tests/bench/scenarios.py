"""What the bench asks the server, each request as the role that makes it (issue 13)."""

import itertools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx

from api.dataset.plan import SYLLABLES
from api.demo.password import DEMO_PASSWORD
from tests.bench.calls import API, Call, get, post

# The export scenario's file: the server under test cuts every export here (EXPORT_MAX_ROWS), so
# the vendor's customer list (20,000 rows at SCALE=1) exports exactly this many rows at any scale.
EXPORT_ROWS = 10_000


@dataclass
class Scenario:
    name: str
    role: str
    make: Callable[[int], Call]
    # Also measured under load (wrk, N connections): the requests the throughput targets name.
    load: bool = False
    # Takes a second or more: timed with httpx, every request to its end (latency.py).
    slow: bool = False
    # One numbering for every measurement of it: a write never repeats a name or order number.
    numbers: Iterator[int] = field(default_factory=itertools.count)

    def next_call(self) -> Call:
        return self.make(next(self.numbers))

    @property
    def reads(self) -> bool:
        return self.make(0).reads

    def chosen(self, only: list[str]) -> bool:
        """Kept by --only: any of the words is part of the name or the role."""
        return not only or any(word in f"{self.name} {self.role}" for word in only)


async def sign_in(http: httpx.AsyncClient, username: str) -> dict[str, str]:
    response = await http.post(
        f"{API}/auth/login", json={"username": username, "password": DEMO_PASSWORD}
    )
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


DIGITS = sorted(set(SYLLABLES))  # each character once: two numbers never spell the same name


def new_company(number: int, run: str) -> str:
    """A name nobody holds: its core spells the run and the number in syllables."""
    digits, value = [], number
    for _ in range(4):
        digits.append(DIGITS[value % len(DIGITS)])
        value //= len(DIGITS)
    return f"深圳市{run}{''.join(digits)}智能电子有限公司"


def follow_up(project: dict[str, object], number: int, run: str) -> dict[str, object]:
    """A report body as the follow-up screen sends it: customer news and one project imported
    with its current state (the manual's double-click), its progress updated."""
    model = project["mcu_model"]
    domain = project["product_domain"]
    assert isinstance(domain, dict)
    return {
        "customer_news": f"{run} 第{number}次拜访：客户确认样品测试通过，准备小批量。",
        "entries": [
            {
                "project_id": project["id"],
                "stage": project["stage"],
                "progress": f"样品测试第{number}轮通过",
                "mcu_model_id": model["id"] if isinstance(model, dict) else None,
                "product_domain_id": domain["id"],
                "annual_volume": project["annual_volume"],
                "milestone_date": project["milestone_date"],
                "milestone_text": project["milestone_text"],
                "open_questions": project["open_questions"],
            }
        ],
    }


async def scenarios(http: httpx.AsyncClient, run: str) -> list[Scenario]:
    """Every scenario, with the ids it needs read from the server as the role would see them."""
    who = {u: await sign_in(http, u) for u in ("vendor", "a.sales", "a.admin")}

    async def items(role: str, path: str, **params: object) -> list[dict[str, object]]:
        response = await get(path, who[role], limit=200, **params).send(http)
        response.raise_for_status()
        body = response.json()
        found: list[dict[str, object]] = body["items"] if isinstance(body, dict) else body
        return found

    everyone = [c["id"] for c in await items("vendor", "/customers")]
    mine = await items("a.sales", "/customers", status="protected")
    names = [str(c["name"]) for c in mine]
    # (customer id, its first project) for the customers of a.sales that have one
    projects: list[tuple[object, dict[str, object]]] = []
    for customer in mine[:40]:
        found = await items("a.sales", f"/customers/{customer['id']}/projects")
        projects += [(customer["id"], p) for p in found[:1]]
    domains = await items("vendor", "/product-domains")
    domain = domains[0]["id"] if domains else 1
    yesterday = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()

    def register(i: int) -> Call:
        body: dict[str, object] = {
            "name": new_company(i, run),
            "province": "广东省",
            "city": "深圳市",
            "product_domain_id": domain,
            "annual_mcu_usage_wan": "50",
        }
        return post("/registrations", who["a.sales"], body)

    def order(i: int) -> Call:
        customer, project = projects[i % len(projects)]
        body: dict[str, object] = {
            "order_number": f"BENCH-{run}-{i}",
            "contract_date": yesterday,
            "lines": [{"project_id": project["id"], "quantity": 5000, "batches": ["2612A01"]}],
        }
        return post(f"/customers/{customer}/orders", who["a.admin"], body)

    def report(i: int) -> Call:
        customer, project = projects[i % len(projects)]
        return post(f"/customers/{customer}/reports", who["a.sales"], follow_up(project, i, run))

    checks = [name.replace("有限公司", "") for name in random.Random(run).choices(names, k=500)]
    return [
        Scenario("bare endpoint (health)", "anyone", lambda i: get("/health"), load=True),
        Scenario("bare authenticated (/me)", "a.sales", lambda i: get("/me", who["a.sales"]), True),
        Scenario("home customer list", "vendor", lambda i: get("/customers", who["vendor"]), True),
        Scenario(
            "home customer list", "a.sales", lambda i: get("/customers", who["a.sales"]), True
        ),
        Scenario("home customer list", "a.admin", lambda i: get("/customers", who["a.admin"])),
        Scenario(
            "customer detail",
            "vendor",
            lambda i: get(f"/customers/{everyone[i % len(everyone)]}", who["vendor"]),
        ),
        Scenario(
            "customer detail",
            "a.sales",
            lambda i: get(f"/customers/{mine[i % len(mine)]['id']}", who["a.sales"]),
        ),
        Scenario(
            "conflict check",
            "a.sales",
            lambda i: get("/registrations/check", who["a.sales"], name=checks[i % len(checks)]),
        ),
        Scenario("registration create", "a.sales", register),
        Scenario(
            "report list",
            "a.sales",
            lambda i: get(f"/customers/{mine[i % len(mine)]['id']}/reports", who["a.sales"]),
        ),
        Scenario("report submit", "a.sales", report),
        Scenario("order create", "a.admin", order),
        Scenario(
            "shipments 12 months × MCU model",
            "vendor",
            lambda i: get("/stats/shipments", who["vendor"], group_by="mcu_model"),
            slow=True,
        ),
        Scenario(
            "shipments 12 months × agent",
            "vendor",
            lambda i: get("/stats/shipments", who["vendor"], group_by="agent"),
            slow=True,
        ),
        Scenario(
            "forecast 12 months", "vendor", lambda i: get("/forecast", who["vendor"]), slow=True
        ),
        Scenario("pool search", "a.sales", lambda i: get("/pool", who["a.sales"], search="科技")),
        Scenario(
            f"export {EXPORT_ROWS:,} rows (customer list, csv)",
            "vendor",
            lambda i: get("/customers", who["vendor"], format="csv"),
            slow=True,
        ),
    ]
