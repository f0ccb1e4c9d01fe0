"""Rows of the follow-up lists: reports on 美达 (each with a new project, a question and the
vendor's comment), a project's history, a report's entries, comments and earlier versions.
Each adds `count` rows numbered from `first`."""

from datetime import timedelta
from typing import Any

from api.authz.roles import Role
from api.kit.clock import today
from tests.lists.scene import Scene


def _new_entry(domain: int, name: str, **extra: Any) -> dict[str, Any]:
    return {
        "stage": "lead",
        "product_domain_id": domain,
        "annual_volume": 200000,
        "new_project": {"name": name, "product": "IH电饭煲"},
        **extra,
    }


async def reports(scene: Scene, first: int, count: int) -> None:
    """a.sales's reports on 美达, one a day back from today, each with a new project and an
    open question, each commented on by the vendor."""
    book = await scene.book()
    scene.ids["customer_id"] = book.customer_id
    world = scene.world
    for n in range(first, first + count):
        body = {
            "customer_news": "客户新品规划顺利",
            "report_date": (today() - timedelta(days=n)).isoformat(),
            "entries": [_new_entry(book.small_appliances, f"项目{n}", open_questions=f"样片{n}？")],
        }
        report = await scene.post(world.a_sales, f"/customers/{book.customer_id}/reports", body)
        await scene.post(world.vendor, f"/reports/{report['id']}/comments", {"body": "好"})


async def reports_across_customers(scene: Scene, first: int, count: int) -> None:
    """Reports, each on a new customer of a.sales, with a question, commented on by a new
    member of the vendor's staff (unread for a.sales)."""
    world = scene.world
    domain = await scene.factory.domain_id()
    for n in range(first, first + count):
        customer = await scene.factory.customer(world.agent_a, world.a_sales)
        body = {
            "customer_news": "客户新品规划顺利",
            "entries": [_new_entry(domain, f"项目{n}", open_questions=f"样片{n}？")],
        }
        report = await scene.post(world.a_sales, f"/customers/{customer.id}/reports", body)
        staff = await scene.factory.user(Role.VENDOR)
        await scene.post(staff, f"/reports/{report['id']}/comments", {"body": "好"})


async def project_history(scene: Scene, first: int, count: int) -> None:
    """Reports with an entry on 美达's cooker project (its history), by a.sales and a.admin in
    turn, naming one MCU model or the other."""
    book = await scene.book()
    scene.ids["project_id"] = book.cooker
    world = scene.world
    for n in range(first, first + count):
        entry = {
            "project_id": book.cooker,
            "stage": "mass_production",
            "product_domain_id": book.small_appliances,
            "mcu_model_id": (book.cooker_model, book.fan_model)[n % 2],
            "annual_volume": 120000 + n,
        }
        body = {"customer_news": f"出货稳定{n}", "entries": [entry]}
        author = (world.a_sales, world.a_admin)[n % 2]
        await scene.post(author, f"/customers/{book.customer_id}/reports", body)


async def entries_and_comments(scene: Scene, first: int, count: int) -> None:
    """A new report on 美达 with as many entries as rows so far and `count` more, and a comment
    on each entry by a member of the vendor's staff of its own."""
    book = await scene.book()
    world = scene.world
    rows = first + count
    entries = [_new_entry(book.small_appliances, f"项目{rows}-{n}") for n in range(rows)]
    body = {"customer_news": "客户新品规划顺利", "entries": entries}
    report = await scene.post(world.a_sales, f"/customers/{book.customer_id}/reports", body)
    scene.ids["report_id"] = report["id"]
    for entry in report["entries"]:
        staff = await scene.factory.user(Role.VENDOR)
        comment = {"body": "请跟进", "entry_id": entry["id"]}
        await scene.post(staff, f"/reports/{report['id']}/comments", comment)


async def revisions(scene: Scene, first: int, count: int) -> None:
    """Edits of a.sales's report on 美达, by a.sales and a.admin in turn: each keeps the
    version it replaced."""
    book = await scene.book()
    world = scene.world
    entry = _new_entry(book.small_appliances, "初稿项目")
    if "report_id" not in scene.ids:
        body = {"customer_news": "初稿", "entries": [entry]}
        report = await scene.post(world.a_sales, f"/customers/{book.customer_id}/reports", body)
        scene.ids["report_id"] = report["id"]
    url = f"/api/v1/reports/{scene.ids['report_id']}"
    for n in range(first, first + count):
        editor = (world.a_sales, world.a_admin)[n % 2]
        current = (await scene.client.get(url, headers=editor.headers)).json()
        project = current["entries"][0]["project"]["id"]
        kept = [{**entry, "new_project": None, "project_id": project}]
        body = {"customer_news": f"修改{n}", "entries": kept, "version": current["version"]}
        edited = await scene.client.put(url, json=body, headers=editor.headers)
        assert edited.status_code == 200, edited.text
