"""Legacy import (SPEC §3, §11): the vendor imports an agent's customers from a spreadsheet. A dry
run first (nothing written), row by row: ready, conflict (with the candidate) or invalid (with the
reason); then a commit that re-checks and creates the ready rows in one transaction."""

import asyncio
import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from api.customers.models import Customer
from api.identity.credit_code import check_character
from api.imports.models import CustomerImport
from api.imports.runner import settle
from api.jobs import run_stalled_imports
from api.kit.clock import now, today
from api.users.models import User
from tests.imports.sheets import filled_template, row

DONE = {"checked", "committed", "failed"}
GOOD = "深圳市星河智能控制有限公司"
OTHER_GOOD = "东莞市远航电机科技有限公司"
HELD = "深圳市宏图智能科技有限公司"


async def rename(session, actor, display_name: str) -> None:
    user = await session.get(User, actor.id)
    user.display_name = display_name
    await session.commit()


@pytest.fixture
async def people(session, world):
    """A's salesperson is 韩梅梅; B's salesperson shares the name 李雷 with nobody in A."""
    await rename(session, world.a_sales, "韩梅梅")
    await rename(session, world.b_sales, "李雷")
    return world


async def upload(client, actor, agent_id: int, content: bytes):
    return await client.post(
        "/api/v1/imports",
        params={"agent_id": agent_id, "filename": "legacy.xlsx"},
        content=content,
        headers={**actor.headers, "Content-Type": "application/octet-stream"},
    )


async def finished(client, actor, import_id: int, seen: list[int] | None = None) -> dict:
    """Poll like the SPA until the pass ends; `seen` collects the progress values."""
    for _ in range(3000):
        job = (await client.get(f"/api/v1/imports/{import_id}", headers=actor.headers)).json()
        if seen is not None:
            seen.append(job["progress"])
        if job["status"] in DONE:
            return job
        await asyncio.sleep(0.01)
    raise AssertionError(f"import {import_id} did not finish: {job}")


async def dry_run(client, world, rows: list[dict]) -> dict:
    response = await upload(client, world.vendor, world.agent_a.id, filled_template(rows))
    assert response.status_code == 202, response.text
    return await finished(client, world.vendor, response.json()["id"])


async def commit(client, world, import_id: int) -> dict:
    response = await client.post(
        f"/api/v1/imports/{import_id}/commit", headers=world.vendor.headers
    )
    assert response.status_code == 202, response.text
    return await finished(client, world.vendor, import_id)


async def rows_of(client, actor, import_id: int, **params) -> list[dict]:
    response = await client.get(
        f"/api/v1/imports/{import_id}/rows",
        params={"limit": 200, **params},
        headers=actor.headers,
    )
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def customer_count(session) -> int:
    count = await session.scalar(select(func.count()).select_from(Customer))
    await session.commit()
    return int(count or 0)


async def test_dry_run_writes_no_customer(client, people, session) -> None:
    job = await dry_run(client, people, [row(GOOD, "韩梅梅"), row(OTHER_GOOD, "韩梅梅")])
    assert job["status"] == "checked"
    assert (job["row_count"], job["progress"], job["ready_count"]) == (2, 2, 2)
    assert await customer_count(session) == 0
    statuses = [r["status"] for r in await rows_of(client, people.vendor, job["id"])]
    assert statuses == ["ready", "ready"]


async def test_a_row_conflicting_with_a_held_customer_is_reported_with_the_candidate(
    client, people, factory
) -> None:
    await factory.customer(people.agent_b, people.b_sales, name=HELD)
    job = await dry_run(
        client, people, [row(GOOD, "韩梅梅"), row("宏图智能科技（深圳）有限公司", "韩梅梅")]
    )
    assert (job["ready_count"], job["conflict_count"]) == (1, 1)
    [conflict] = await rows_of(client, people.vendor, job["id"], status="conflict")
    assert conflict["row_number"] == 3
    assert conflict["candidates"][0]["name"] == HELD
    assert conflict["candidates"][0]["score"] >= 0.92


def _code(first17: str) -> str:
    return first17 + check_character(first17)


INVALID_ROWS = {
    "missing name": (row("", "韩梅梅"), "name", "missing"),
    "bad credit code checksum": (
        row(GOOD, "韩梅梅", credit_code=_code("91440300MA5F12345")[:-1] + "0"),
        "credit_code",
        "credit_code_invalid",
    ),
    "unknown province": (row(GOOD, "韩梅梅", province="火星省"), "province", "unknown_region"),
    "city not in the province": (row(GOOD, "韩梅梅", city="杭州市"), "city", "unknown_region"),
    "missing city": (row(GOOD, "韩梅梅", city=""), "city", "missing"),
    "unknown product domain": (
        row(GOOD, "韩梅梅", product_domain="星际航行"),
        "product_domain",
        "unknown_product_domain",
    ),
    "usage not a number": (
        row(GOOD, "韩梅梅", annual_mcu_usage_wan="很多"),
        "annual_mcu_usage_wan",
        "bad_number",
    ),
    "negative usage": (
        row(GOOD, "韩梅梅", annual_mcu_usage_wan=-3),
        "annual_mcu_usage_wan",
        "bad_number",
    ),
    "unmatched salesperson": (row(GOOD, "王小明"), "contact", "contact_not_found"),
    "missing salesperson": (row(GOOD, ""), "contact", "missing"),
    "protection date not a date": (
        row(GOOD, "韩梅梅", protection_until="下个月"),
        "protection_until",
        "bad_date",
    ),
    "protection date in the past": (
        row(GOOD, "韩梅梅", protection_until="2020-01-31"),
        "protection_until",
        "date_not_future",
    ),
}


@pytest.mark.parametrize("case", sorted(INVALID_ROWS))
async def test_an_invalid_row_says_which_column_and_why(client, people, case: str) -> None:
    values, column, code = INVALID_ROWS[case]
    job = await dry_run(client, people, [values])
    assert job["invalid_count"] == 1
    [result] = await rows_of(client, people.vendor, job["id"])
    assert result["status"] == "invalid"
    assert {"field": column, "code": code} in [
        {"field": r["field"], "code": r["code"]} for r in result["reasons"]
    ], result["reasons"]


async def test_a_company_twice_in_the_file_is_invalid_the_second_time(client, people) -> None:
    code = _code("91440300MA5F12345")
    job = await dry_run(
        client,
        people,
        [
            row(GOOD, "韩梅梅", credit_code=code),
            row("星河智能控制（深圳）有限公司", "韩梅梅"),
            row(OTHER_GOOD, "韩梅梅", credit_code=code),
        ],
    )
    results = await rows_of(client, people.vendor, job["id"])
    assert [r["status"] for r in results] == ["ready", "invalid", "invalid"]
    for result in results[1:]:
        assert result["reasons"] == [{"field": "name", "code": "duplicate_in_file", "value": "2"}]


async def test_contact_is_matched_by_exact_name_within_the_agent(
    client, people, factory, session
) -> None:
    twin = await factory.user(people.a_sales.user.role, people.agent_a)
    await rename(session, twin, "张伟")
    await rename(session, await factory.user(people.a_sales.user.role, people.agent_a), "张伟")
    job = await dry_run(
        client,
        people,
        [
            row(GOOD, " 韩梅梅 "),  # surrounding spaces are not part of a name
            row(OTHER_GOOD, "李雷"),  # B's salesperson: never matched for agent A
            row("佛山市新锐照明电器有限公司", "韩梅"),  # no prefix guessing
            row("中山市恒信电子有限公司", "张伟"),  # two of A's salespeople: ambiguous
        ],
    )
    results = await rows_of(client, people.vendor, job["id"])
    assert results[0]["status"] == "ready"
    assert [r["reasons"][0]["code"] for r in results[1:]] == [
        "contact_not_found",
        "contact_not_found",
        "contact_ambiguous",
    ]
    committed = await commit(client, people, job["id"])
    assert committed["created_count"] == 1
    [created] = await rows_of(client, people.vendor, job["id"], status="created")
    customer = await session.get(Customer, created["customer_id"])
    assert customer.contact_user_id == people.a_sales.id


async def test_a_deactivated_salesperson_is_not_matched(client, people, session) -> None:
    user = await session.get(User, people.a_sales.id)
    user.is_active = False
    await session.commit()
    job = await dry_run(client, people, [row(GOOD, "韩梅梅")])
    [result] = await rows_of(client, people.vendor, job["id"])
    assert result["reasons"][0]["code"] == "contact_not_found"


async def test_commit_creates_the_ready_rows_as_protected_customers_of_the_agent(
    client, people, factory, session
) -> None:
    await factory.customer(people.agent_b, people.b_sales, name=HELD)
    until = (today() + timedelta(days=200)).isoformat()
    job = await dry_run(
        client,
        people,
        [
            row(GOOD, "韩梅梅", protection_until=until),
            row(OTHER_GOOD, "韩梅梅", province="广东", city="东莞"),
            row(HELD, "韩梅梅"),
            row("佛山市新锐照明电器有限公司", "王小明"),
        ],
    )
    done = await commit(client, people, job["id"])
    assert done["status"] == "committed", done
    assert (done["created_count"], done["conflict_count"], done["invalid_count"]) == (2, 1, 1)
    mine = (await client.get("/api/v1/customers", headers=people.a_sales.headers)).json()["items"]
    by_name = {c["name"]: c for c in mine}
    assert set(by_name) == {GOOD, OTHER_GOOD}
    assert all(c["status"] == "protected" for c in mine)
    assert by_name[GOOD]["protection_until"].startswith(until)
    assert by_name[OTHER_GOOD]["city"] == "东莞市"
    audit = (
        await client.get(
            "/api/v1/audit",
            params={"action": "customer_import.committed"},
            headers=people.vendor.headers,
        )
    ).json()["items"]
    assert len(audit) == 1
    assert sorted(audit[0]["after"]["created_customer_ids"]) == sorted(c["id"] for c in mine)
    # the name index is written too: registering one of them again is blocked
    check = await client.get(
        "/api/v1/registrations/check", params={"name": GOOD}, headers=people.b_sales.headers
    )
    assert check.json()["blocked"] is True


REFUSED = "中山市坏数据电子有限公司"


async def _drop_trigger(session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("DROP TRIGGER IF EXISTS refuse_customer ON customer"))
        await session.execute(text("DROP FUNCTION IF EXISTS refuse_customer()"))
    else:
        await session.execute(text("DROP TRIGGER IF EXISTS refuse_customer"))
    await session.commit()


@pytest.fixture
async def refusing_database(session):
    """A database trigger that refuses one customer name: a failure in the middle of the write."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(
            text(
                "CREATE FUNCTION refuse_customer() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.name = '{REFUSED}' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
                "RETURN NEW; END $$ LANGUAGE plpgsql"
            )
        )
        await session.execute(
            text(
                "CREATE TRIGGER refuse_customer BEFORE INSERT ON customer "
                "FOR EACH ROW EXECUTE FUNCTION refuse_customer()"
            )
        )
    else:
        await session.execute(
            text(
                "CREATE TRIGGER refuse_customer BEFORE INSERT ON customer "
                f"WHEN NEW.name = '{REFUSED}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            )
        )
    await session.commit()
    yield
    await _drop_trigger(session)


async def test_a_commit_that_fails_midway_creates_nothing(
    client, people, session, refusing_database
) -> None:
    job = await dry_run(
        client, people, [row(GOOD, "韩梅梅"), row(REFUSED, "韩梅梅"), row(OTHER_GOOD, "韩梅梅")]
    )
    assert job["ready_count"] == 3
    failed = await commit(client, people, job["id"])
    assert failed["status"] == "failed" and "refused by the test" in failed["error"]
    assert failed["created_count"] == 0
    assert await customer_count(session) == 0
    assert [r["status"] for r in await rows_of(client, people.vendor, job["id"])] == ["ready"] * 3
    await _drop_trigger(session)
    again = await commit(client, people, job["id"])  # a failed commit may be tried again
    assert again["status"] == "committed" and again["created_count"] == 3
    assert await customer_count(session) == 3


async def test_commit_rechecks_conflicts(client, people, factory, session) -> None:
    job = await dry_run(client, people, [row(GOOD, "韩梅梅"), row(OTHER_GOOD, "韩梅梅")])
    assert job["ready_count"] == 2
    await factory.customer(people.agent_b, people.b_sales, name=OTHER_GOOD)  # meanwhile, B
    done = await commit(client, people, job["id"])
    assert (done["created_count"], done["conflict_count"]) == (1, 1)
    [conflict] = await rows_of(client, people.vendor, job["id"], status="conflict")
    assert conflict["candidates"][0]["name"] == OTHER_GOOD
    assert await customer_count(session) == 2  # B's and the one created


async def test_other_agents_cannot_see_or_commit_someone_elses_import(client, people) -> None:
    job = await dry_run(client, people, [row(GOOD, "韩梅梅")])
    url = f"/api/v1/imports/{job['id']}"
    for outsider in (people.b_admin, people.b_sales, people.a_sales, people.a_fae):
        assert (await client.get(url, headers=outsider.headers)).status_code == 404
        assert (await client.get(f"{url}/rows", headers=outsider.headers)).status_code == 404
        commit = await client.post(f"{url}/commit", headers=outsider.headers)
        assert commit.status_code == 404
        listed = await client.get("/api/v1/imports", headers=outsider.headers)
        assert listed.json()["total"] == 0
    # A's master account follows its agent's import, but the commit is the vendor's
    assert (await client.get(url, headers=people.a_admin.headers)).status_code == 200
    assert (await client.post(f"{url}/commit", headers=people.a_admin.headers)).status_code == 403


async def test_only_the_vendor_uploads_an_import(client, people) -> None:
    content = filled_template([row(GOOD, "韩梅梅")])
    response = await upload(client, people.a_admin, people.agent_a.id, content)
    assert response.status_code == 403


async def test_the_template_downloads_and_a_filled_template_imports(client, people) -> None:
    response = await client.get("/api/v1/imports/template", headers=people.a_admin.headers)
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    data, instructions = workbook.worksheets
    header = [c.value for c in data[1]]
    assert header[0] == "客户名称 / Customer name" and "联系业务员 / Contact salesperson" in header
    assert data.max_row == 1  # the example row lives on the instructions sheet
    example = [c.value for c in instructions[instructions.max_row]]
    # the example row, with the demo's salesperson name, imports as is (aliases included)
    contact = header.index("联系业务员 / Contact salesperson")
    data.append([*example[:contact], "韩梅梅", *example[contact + 1 :]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    uploaded = await upload(client, people.vendor, people.agent_a.id, buffer.getvalue())
    job = await finished(client, people.vendor, uploaded.json()["id"])
    assert job["ready_count"] == 1, await rows_of(client, people.vendor, job["id"])
    assert (await commit(client, people, job["id"]))["created_count"] == 1
    found = await client.get(
        "/api/v1/registrations/check",
        params={"name": "Shenzhen Example Smart Control Co., Ltd."},
        headers=people.vendor.headers,
    )
    assert found.json()["blocked"] is True  # its English name came with it


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"name,city\nfoo,bar\n", "import_not_xlsx"),
        (b"", "import_not_xlsx"),
    ],
)
async def test_a_file_that_is_not_an_xlsx_is_refused(client, people, content, code) -> None:
    response = await upload(client, people.vendor, people.agent_a.id, content)
    assert response.status_code == 422 and response.json()["code"] == code


async def test_a_sheet_without_the_required_columns_is_refused(client, people) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["客户名称", "城市"])
    workbook.active.append([GOOD, "深圳市"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = await upload(client, people.vendor, people.agent_a.id, buffer.getvalue())
    assert response.status_code == 422 and response.json()["code"] == "import_missing_columns"
    assert "省份" in response.json()["detail"]


async def test_progress_reaches_the_total_for_a_few_thousand_rows(client, people) -> None:
    rows = [row(f"测试{i:04d}号精密机械有限公司", "韩梅梅") for i in range(2000)]
    response = await upload(client, people.vendor, people.agent_a.id, filled_template(rows))
    assert response.json()["row_count"] == 2000
    seen: list[int] = []
    job = await finished(client, people.vendor, response.json()["id"], seen)
    assert job["progress"] == job["row_count"] == 2000
    assert seen == sorted(seen)  # the bar only moves forward
    assert job["ready_count"] + job["invalid_count"] + job["conflict_count"] == 2000


async def test_a_stalled_dry_run_is_resumed_by_the_scheduled_jobs(client, people, session) -> None:
    job = await dry_run(client, people, [row(GOOD, "韩梅梅")])
    stored = await session.get(CustomerImport, job["id"])
    stored.status, stored.progress = "checking", 0
    stored.heartbeat_at = now() - timedelta(minutes=10)  # its server died
    await session.commit()
    assert await run_stalled_imports() == 1
    await settle()  # the resumed pass runs in the background
    resumed = await client.get(f"/api/v1/imports/{job['id']}", headers=people.vendor.headers)
    assert resumed.json()["status"] == "checked" and resumed.json()["progress"] == 1


async def test_a_company_registered_between_the_recheck_and_the_write_is_still_caught(
    client, people, factory, session
) -> None:
    from api.imports import runner

    job = await dry_run(client, people, [row(GOOD, "韩梅梅"), row(OTHER_GOOD, "韩梅梅")])
    stored = await session.get(CustomerImport, job["id"])
    stored.status, stored.committed_by_id = "committing", people.vendor.id
    await session.commit()
    status, since = await runner.check_pass(job["id"])  # the commit's re-check: both ready
    assert status == "committing"
    # B registers one of them after the re-check, before the write
    await factory.customer(people.agent_b, people.b_sales, name="星河智能控制（深圳）有限公司")
    await runner.write_ready(job["id"], since)
    done = (await client.get(f"/api/v1/imports/{job['id']}", headers=people.vendor.headers)).json()
    assert (done["status"], done["created_count"], done["conflict_count"]) == ("committed", 1, 1)
    [conflict] = await rows_of(client, people.vendor, job["id"], status="conflict")
    assert conflict["values"]["name"] == GOOD
    assert conflict["candidates"][0]["name"] == "星河智能控制（深圳）有限公司"


async def test_a_ready_row_whose_salesperson_left_before_the_commit_is_invalid_not_written(
    client, people, session
) -> None:
    job = await dry_run(client, people, [row(GOOD, "韩梅梅")])
    assert job["ready_count"] == 1
    user = await session.get(User, people.a_sales.id)
    user.is_active = False
    await session.commit()
    done = await commit(client, people, job["id"])
    assert (done["status"], done["created_count"], done["invalid_count"]) == ("committed", 0, 1)
    [result] = await rows_of(client, people.vendor, job["id"])
    assert result["reasons"][0]["code"] == "contact_not_found"
    assert await customer_count(session) == 0


async def test_the_commit_checks_every_row_again_when_many_customers_changed_since_the_upload(
    client, people, factory, session, monkeypatch
) -> None:
    from api.imports import runner

    job = await dry_run(client, people, [row(GOOD, "韩梅梅")])
    stored = await session.get(CustomerImport, job["id"])
    stored.status, stored.committed_by_id = "committing", people.vendor.id
    await session.commit()
    await factory.customer(people.agent_b, people.b_sales, name="广州市无关电子有限公司")
    # One changed customer: the write compares the ready rows with it alone.
    assert await runner._changes_since_upload(job["id"]) == stored.created_at
    monkeypatch.setattr(runner, "LATE_CHECK_LIMIT", 0)
    # More changes than the limit: a full pass re-checks every row first.
    assert await runner._changes_since_upload(job["id"]) is None
