"""Product domains (产品领域, SPEC §8): a two-level tree the vendor maintains and everyone reads;
merging moves every record, deactivated domains stay on records but are not chosen anew."""

import pytest
from sqlalchemy import func, select

from api.catalog.models import ProductDomain
from api.catalog.repository import referencing_columns
from api.customers.models import Customer
from api.kit.clock import today
from api.models import metadata

URL = "/api/v1/product-domains"


async def _tree(client, actor, **params) -> list[dict]:  # type: ignore[no-untyped-def]
    response = await client.get(URL, params=params, headers=actor.headers)
    assert response.status_code == 200, response.text
    return response.json()


async def _create(client, actor, name: str, **extra) -> dict:  # type: ignore[no-untyped-def]
    response = await client.post(URL, json={"name": name, **extra}, headers=actor.headers)
    assert response.status_code == 201, response.text
    return response.json()


def _apply_body(domain_id: int, name: str = "深圳市宏图智能科技有限公司") -> dict:
    return {
        "name": name,
        "province": "广东省",
        "city": "深圳市",
        "product_domain_id": domain_id,
        "annual_mcu_usage_wan": 80,
    }


async def test_vendor_builds_a_two_level_tree_with_typical_products(client, world) -> None:
    kitchen = await _create(client, world.vendor, "厨房电器", typical_products=["电饭煲", "电磁炉"])
    small = next(d for d in await _tree(client, world.vendor) if d["name"] == "小家电")
    hair = await _create(
        client, world.vendor, "个护电器", parent_id=small["id"], typical_products=["吹风机"]
    )
    tree = await _tree(client, world.a_sales)
    names = [d["name"] for d in tree]
    assert names.index("个护电器") == names.index("小家电") + 1  # level 2 follows its level 1
    assert names[-1] == "厨房电器"
    assert next(d for d in tree if d["id"] == hair["id"])["parent_id"] == small["id"]
    assert kitchen["typical_products"] == ["电饭煲", "电磁炉"] and kitchen["parent_id"] is None


async def test_a_level_two_domain_cannot_have_children(client, world) -> None:
    small = next(d for d in await _tree(client, world.vendor) if d["name"] == "小家电")
    hair = await _create(client, world.vendor, "个护电器", parent_id=small["id"])
    response = await client.post(
        URL, json={"name": "吹风机类", "parent_id": hair["id"]}, headers=world.vendor.headers
    )
    assert response.status_code == 422 and response.json()["code"] == "domain_parent_not_top_level"
    moved = await client.patch(
        f"{URL}/{small['id']}", json={"parent_id": small["id"] + 1}, headers=world.vendor.headers
    )
    assert moved.json()["code"] == "domain_has_children"


async def test_vendor_renames_and_edits_typical_products(client, world) -> None:
    domain = next(d for d in await _tree(client, world.vendor) if d["name"] == "照明")
    response = await client.patch(
        f"{URL}/{domain['id']}",
        json={"name": "照明与显示", "typical_products": ["LED驱动", "显示屏"]},
        headers=world.vendor.headers,
    )
    assert response.status_code == 200, response.text
    renamed = next(d for d in await _tree(client, world.a_fae) if d["id"] == domain["id"])
    assert renamed["name"] == "照明与显示" and renamed["typical_products"] == ["LED驱动", "显示屏"]
    taken = await client.patch(
        f"{URL}/{domain['id']}", json={"name": "安防"}, headers=world.vendor.headers
    )
    assert taken.status_code == 409 and taken.json()["code"] == "domain_name_taken"


async def test_reorder_moves_a_domain_among_its_siblings(client, world) -> None:
    before = [d["name"] for d in await _tree(client, world.vendor)]
    lighting = next(d for d in await _tree(client, world.vendor) if d["name"] == "照明")
    response = await client.post(
        f"{URL}/{lighting['id']}/move", json={"position": 0}, headers=world.vendor.headers
    )
    assert response.status_code == 200, response.text
    after = [d["name"] for d in await _tree(client, world.a_admin)]
    assert after[0] == "照明"
    assert [n for n in after if n != "照明"] == [n for n in before if n != "照明"]
    down = await client.post(
        f"{URL}/{lighting['id']}/move", json={"position": 1}, headers=world.vendor.headers
    )
    assert [d["name"] for d in down.json()][:2] == [before[0], "照明"]
    orders = [d["sort_order"] for d in down.json() if d["parent_id"] is None]
    assert orders == list(range(len(orders)))


async def test_reorder_stays_among_level_two_siblings(client, world) -> None:
    small = next(d for d in await _tree(client, world.vendor) if d["name"] == "小家电")
    first = await _create(client, world.vendor, "厨房电器", parent_id=small["id"])
    second = await _create(client, world.vendor, "个护电器", parent_id=small["id"])
    await client.post(
        f"{URL}/{second['id']}/move", json={"position": 0}, headers=world.vendor.headers
    )
    children = [d["id"] for d in await _tree(client, world.vendor) if d["parent_id"] == small["id"]]
    assert children == [second["id"], first["id"]]


@pytest.mark.parametrize("role", ["a_admin", "a_sales", "a_fae", "a_assistant", "b_admin"])
async def test_only_the_vendor_writes_the_domain_catalog(client, world, role: str) -> None:
    actor = getattr(world, role)
    domain = next(d for d in await _tree(client, actor) if d["name"] == "照明")
    attempts = [
        ("POST", URL, {"name": "新领域"}),
        ("PATCH", f"{URL}/{domain['id']}", {"name": "新名字"}),
        ("POST", f"{URL}/{domain['id']}/move", {"position": 0}),
        ("POST", f"{URL}/{domain['id']}/deactivate", None),
        ("POST", f"{URL}/{domain['id']}/reactivate", None),
        ("POST", f"{URL}/{domain['id']}/merge", {"into_id": domain["id"] + 1}),
        ("GET", f"{URL}/{domain['id']}/references", None),  # counts over every agent
    ]
    for method, url, body in attempts:
        response = await client.request(method, url, json=body, headers=actor.headers)
        assert response.status_code == 403, f"{method} {url}: {response.status_code}"
    assert [d["name"] for d in await _tree(client, world.vendor)][8] == "照明"


async def test_agents_read_the_tree_with_typical_products(client, world) -> None:
    for actor in (world.a_admin, world.a_sales, world.a_fae, world.a_assistant, world.b_sales):
        tree = await _tree(client, actor)
        small = next(d for d in tree if d["name"] == "小家电")
        assert "电饭煲" in small["typical_products"]
        assert {"id", "name", "parent_id", "is_active"} <= set(small)


async def test_deactivated_domain_is_refused_for_a_new_registration_but_kept_on_a_customer(
    client, factory, world
) -> None:
    customer = await factory.customer(world.agent_a, world.a_sales)  # domain 小家电
    small = customer.product_domain_id
    response = await client.post(f"{URL}/{small}/deactivate", headers=world.vendor.headers)
    assert response.status_code == 200 and response.json()["is_active"] is False

    refused = await client.post(
        "/api/v1/registrations", json=_apply_body(small), headers=world.a_sales.headers
    )
    assert refused.status_code == 422 and refused.json()["code"] == "unknown_product_domain"
    assert small not in [d["id"] for d in await _tree(client, world.a_sales)]
    assert small in [d["id"] for d in await _tree(client, world.vendor, include_inactive=True)]

    kept = (
        await client.get(f"/api/v1/customers/{customer.id}", headers=world.a_sales.headers)
    ).json()
    assert kept["product_domain"]["id"] == small
    edited = await client.patch(
        f"/api/v1/customers/{customer.id}",
        json={"product_domain_id": small, "annual_mcu_usage_wan": 90},
        headers=world.a_sales.headers,
    )
    assert edited.status_code == 200, edited.text  # the domain it has stays on edit

    await client.post(f"{URL}/{small}/reactivate", headers=world.vendor.headers)
    again = await client.post(
        "/api/v1/registrations", json=_apply_body(small), headers=world.a_sales.headers
    )
    assert again.status_code == 201, again.text


async def test_deactivated_domain_is_refused_for_a_new_project(client, world, book) -> None:
    await client.post(f"{URL}/{book.motor_control}/deactivate", headers=world.vendor.headers)
    entry = {
        "new_project": {"name": "变频水泵"},
        "stage": "lead",
        "product_domain_id": book.motor_control,
        "annual_volume": 1000,
    }
    response = await client.post(
        f"/api/v1/customers/{book.customer_id}/reports",
        json={"customer_news": "新项目", "entries": [entry]},
        headers=world.a_sales.headers,
    )
    assert response.status_code == 422 and response.json()["code"] == "unknown_product_domain"
    existing = {**entry, "project_id": book.fan, "new_project": None, "stage": "small_batch"}
    kept = await client.post(
        f"/api/v1/customers/{book.customer_id}/reports",
        json={"customer_news": "风扇项目进展", "entries": [existing]},
        headers=world.a_sales.headers,
    )
    assert kept.status_code == 201, kept.text  # the project keeps its domain


async def test_the_other_fallback_cannot_be_deactivated_or_merged(client, world) -> None:
    other = next(d for d in await _tree(client, world.vendor) if d["is_other"])
    off = await client.post(f"{URL}/{other['id']}/deactivate", headers=world.vendor.headers)
    assert off.status_code == 409 and off.json()["code"] == "domain_other_is_fixed"
    merge = await client.post(
        f"{URL}/{other['id']}/merge",
        json={"into_id": other["id"] - 1},
        headers=world.vendor.headers,
    )
    assert merge.status_code == 409


async def test_merge_moves_every_reference_and_leaves_none_behind(
    client, session, factory, world, book
) -> None:
    motor, small = book.motor_control, book.small_appliances
    customer = await factory.customer(world.agent_a, world.a_sales, name="杭州电机科技有限公司")
    customer.product_domain_id = motor
    session.add(customer)
    await session.commit()
    order = await client.post(
        f"/api/v1/customers/{book.customer_id}/orders",
        json={
            "order_number": "SO-M-1",
            "contract_date": today().isoformat(),
            "lines": [{"project_id": book.fan, "quantity": 500}],
        },
        headers=world.a_assistant.headers,
    )
    assert order.status_code == 201, order.text
    child = await _create(client, world.vendor, "伺服", parent_id=motor)

    preview = (await client.get(f"{URL}/{motor}/references", headers=world.vendor.headers)).json()
    assert preview["counts"] == {
        "customer.product_domain_id": 1,
        "project.product_domain_id": 1,
        "report_entry.product_domain_id": 1,
        "order_line.product_domain_id": 1,
    }
    assert preview["total"] == 4 and preview["children"] == 1

    merged = await client.post(
        f"{URL}/{motor}/merge", json={"into_id": small}, headers=world.vendor.headers
    )
    assert merged.status_code == 200, merged.text
    assert merged.json()["moved"] == preview["counts"] and merged.json()["total"] == 4
    assert "无刷风扇" in merged.json()["target"]["typical_products"]

    columns = referencing_columns(ProductDomain)
    assert {f"{c.table.name}.{c.name}" for c in columns} >= set(preview["counts"])
    for column in columns:  # every foreign key to the catalog, whatever table it is in
        left = await session.scalar(select(func.count()).where(column == motor))
        assert left == 0, f"{column.table.name}.{column.name} still points at the merged domain"
    moved_customer = await session.get(Customer, customer.id, populate_existing=True)
    assert moved_customer is not None and moved_customer.product_domain_id == small
    await session.commit()  # end the read: on SQLite it holds the write lock
    tree = await _tree(client, world.vendor, include_inactive=True)
    gone = next(d for d in tree if d["id"] == motor)
    assert gone["is_active"] is False
    assert next(d for d in tree if d["id"] == child["id"])["parent_id"] == small

    audit = (
        await client.get("/api/v1/audit", params={"limit": 5}, headers=world.vendor.headers)
    ).json()["items"]
    entry = next(a for a in audit if a["action"] == "product_domain.merge")
    assert entry["after"]["moved"] == preview["counts"]


async def test_a_merged_domains_shipments_count_under_the_target_in_the_vendors_statistics(
    client, world, book
) -> None:
    for number, project in (("SO-M-1", book.fan), ("SO-M-2", book.cooker)):
        order = await client.post(
            f"/api/v1/customers/{book.customer_id}/orders",
            json={
                "order_number": number,
                "contract_date": today().isoformat(),
                "lines": [{"project_id": project, "quantity": 500}],
            },
            headers=world.a_assistant.headers,
        )
        assert order.status_code == 201, order.text
    merged = await client.post(
        f"{URL}/{book.motor_control}/merge",
        json={"into_id": book.small_appliances},
        headers=world.vendor.headers,
    )
    assert merged.status_code == 200, merged.text

    async def by_domain(actor) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
        stats = await client.get(
            "/api/v1/stats/shipments",
            params={"group_by": "product_domain", "agent_id": world.agent_a.id},
            headers=actor.headers,
        )
        return [(row["label"], row["quantity"]) for row in stats.json()["rows"]]

    # The vendor reads month totals, A's admin sums the lines the merge moved.
    assert await by_domain(world.vendor) == await by_domain(world.a_admin) == [("小家电", 1000)]


async def test_merge_refuses_itself_and_an_inactive_target(client, world) -> None:
    tree = await _tree(client, world.vendor)
    a, b = tree[0]["id"], tree[1]["id"]
    itself = await client.post(
        f"{URL}/{a}/merge", json={"into_id": a}, headers=world.vendor.headers
    )
    assert itself.status_code == 422
    await client.post(f"{URL}/{b}/deactivate", headers=world.vendor.headers)
    inactive = await client.post(
        f"{URL}/{a}/merge", json={"into_id": b}, headers=world.vendor.headers
    )
    assert inactive.status_code == 422 and inactive.json()["code"] == "domain_merge_target_inactive"


async def test_catalog_changes_do_not_leak_into_the_next_test(session) -> None:
    """The conftest restores the seeded catalog after each test (the tests above change it)."""
    names = list(
        await session.scalars(select(ProductDomain.name).order_by(ProductDomain.sort_order))
    )
    assert names[0] == "小家电" and "照明" in names and "厨房电器" not in names
    assert all(
        d.is_active and d.parent_id is None for d in await session.scalars(select(ProductDomain))
    )
    assert metadata.tables["product_domain"] is ProductDomain.__table__


async def test_demo_data_shows_both_levels_of_the_tree(client, session, world) -> None:
    from api.demo.catalog import seed_domain_tree

    await seed_domain_tree(session)
    await session.commit()
    tree = await _tree(client, world.a_sales)
    small = next(d for d in tree if d["name"] == "小家电")
    kitchen = next(d for d in tree if d["name"] == "厨房电器")
    assert kitchen["parent_id"] == small["id"] and "电磁炉" in kitchen["typical_products"]


async def test_a_filter_by_a_level_one_domain_includes_its_level_two_domains(
    client, world, factory, session
) -> None:
    small = next(d for d in await _tree(client, world.vendor) if d["name"] == "小家电")
    large = next(d for d in await _tree(client, world.vendor) if d["name"] == "大家电")
    hair = await _create(client, world.vendor, "个护电器", parent_id=small["id"])
    in_small = await factory.customer(world.agent_a, world.a_sales)
    in_hair = await factory.customer(world.agent_a, world.a_sales)
    in_large = await factory.customer(world.agent_a, world.a_sales)
    for customer, domain in ((in_hair, hair), (in_large, large)):
        customer.product_domain_id = domain["id"]
        session.add(customer)
    await session.commit()

    async def names(domain_id: int) -> set[str]:
        response = await client.get(
            "/api/v1/customers",
            params={"product_domain_id": domain_id},
            headers=world.a_admin.headers,
        )
        return {c["name"] for c in response.json()["items"]}

    assert await names(small["id"]) == {in_small.name, in_hair.name}
    assert await names(hair["id"]) == {in_hair.name}
    assert await names(large["id"]) == {in_large.name}
