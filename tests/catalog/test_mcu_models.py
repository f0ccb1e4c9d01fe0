"""Our MCU models: the vendor maintains them (also by CSV/xlsx import with a dry run first);
end-of-life models are not chosen for new project entries, existing records keep them."""

import base64
import io

import pytest
from openpyxl import Workbook

URL = "/api/v1/mcu-models"


def _csv(*lines: str) -> str:
    return base64.b64encode("\n".join(lines).encode("utf-8-sig")).decode()


def _xlsx(*rows: tuple) -> str:
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return base64.b64encode(out.getvalue()).decode()


async def _import(client, actor, filename: str, content: str, dry_run: bool):  # type: ignore[no-untyped-def]
    return await client.post(
        f"{URL}/import",
        json={"filename": filename, "content_base64": content, "dry_run": dry_run},
        headers=actor.headers,
    )


async def _models(client, actor) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    response = await client.get(URL, headers=actor.headers)
    return {m["part_number"]: m for m in response.json()}


async def test_vendor_creates_edits_and_removes_a_model(client, world) -> None:
    created = await client.post(
        URL,
        json={"part_number": "cd32f031k8u6", "series": "CD32F0", "core": "Cortex-M0"},
        headers=world.vendor.headers,
    )
    assert created.status_code == 201, created.text
    model = created.json()
    assert model["part_number"] == "CD32F031K8U6" and model["status"] == "active"
    twice = await client.post(
        URL, json={"part_number": "CD32F031K8U6", "series": "CD32F0"}, headers=world.vendor.headers
    )
    assert twice.status_code == 409 and twice.json()["code"] == "mcu_part_number_taken"
    edited = await client.patch(
        f"{URL}/{model['id']}", json={"status": "nrnd"}, headers=world.vendor.headers
    )
    assert edited.json()["status"] == "nrnd"
    removed = await client.post(f"{URL}/{model['id']}/delete", headers=world.vendor.headers)
    assert removed.status_code == 204
    assert "CD32F031K8U6" not in await _models(client, world.vendor)


async def test_a_model_in_use_cannot_be_removed(client, world, book) -> None:
    response = await client.post(f"{URL}/{book.cooker_model}/delete", headers=world.vendor.headers)
    assert response.status_code == 409 and response.json()["code"] == "mcu_model_in_use"


@pytest.mark.parametrize("role", ["a_admin", "a_sales", "a_fae", "a_assistant"])
async def test_only_the_vendor_writes_mcu_models(client, world, role: str) -> None:
    actor = getattr(world, role)
    model = (await _models(client, actor))["CD32F030C8T6"]
    attempts = [
        ("POST", URL, {"part_number": "X1", "series": "X"}),
        ("PATCH", f"{URL}/{model['id']}", {"status": "eol"}),
        ("POST", f"{URL}/{model['id']}/delete", None),
        ("POST", f"{URL}/import", {"filename": "a.csv", "content_base64": _csv("型号", "X1")}),
    ]
    for method, url, body in attempts:
        response = await client.request(method, url, json=body, headers=actor.headers)
        assert response.status_code == 403, f"{method} {url}: {response.status_code}"
    assert (await _models(client, world.vendor))["CD32F030C8T6"]["status"] == "active"


async def test_agents_search_and_page_the_models(client, world) -> None:
    page = await client.get(
        f"{URL}/page", params={"q": "cd32g4", "limit": 1}, headers=world.a_sales.headers
    )
    assert page.status_code == 200
    assert page.json()["total"] == 2 and len(page.json()["items"]) == 1
    eol = await client.get(f"{URL}/page", params={"status": "eol"}, headers=world.a_fae.headers)
    assert [m["part_number"] for m in eol.json()["items"]] == ["CD8051S105K4"]


async def test_import_dry_run_reports_invalid_rows_and_writes_nothing(client, world) -> None:
    before = await _models(client, world.vendor)
    content = _csv(
        "part_number,series,core,status",
        "CD32F040C8T6,CD32F0,Cortex-M0,active",
        ",CD32F0,Cortex-M0,active",
        "CD32F041C8T6,CD32F0,Cortex-M0,obsolete",
        "CD32F042C8T6,CD32F0,Cortex-M0,nrnd",
        "cd32f042c8t6,CD32F0,Cortex-M0,eol",
    )
    response = await _import(client, world.vendor, "models.csv", content, dry_run=True)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["committed"] is False and result["errors"] == 4 and result["created"] == 1
    problems = {r["row"]: [e["code"] for e in r["errors"]] for r in result["rows"]}
    assert problems == {
        2: [],
        3: ["mcu_import_missing_part_number"],
        4: ["mcu_import_invalid_status"],
        5: ["mcu_import_duplicate_in_file"],
        6: ["mcu_import_duplicate_in_file"],
    }
    assert all(e["message"] for r in result["rows"] for e in r["errors"])
    assert await _models(client, world.vendor) == before

    commit = await _import(client, world.vendor, "models.csv", content, dry_run=False)
    assert commit.status_code == 422 and commit.json()["code"] == "mcu_import_has_errors"
    assert await _models(client, world.vendor) == before


async def test_import_commit_upserts_by_part_number(client, world) -> None:
    content = _xlsx(
        ("型号", "系列", "内核", "状态"),
        ("CD32F050C8T6", "CD32F0", "Cortex-M0", "active"),
        ("CD32F030K6T6", "", "", "EOL"),  # existing: only the status changes
        ("CD32F103C8T6", "CD32F1", "Cortex-M3", "active"),  # existing, the same
    )
    preview = (await _import(client, world.vendor, "型号.xlsx", content, dry_run=True)).json()
    assert [r["action"] for r in preview["rows"]] == ["create", "update", "unchanged"]
    assert "CD32F050C8T6" not in await _models(client, world.vendor)

    response = await _import(client, world.vendor, "型号.xlsx", content, dry_run=False)
    assert response.status_code == 200, response.text
    assert response.json()["committed"] is True
    assert (response.json()["created"], response.json()["updated"]) == (1, 1)
    models = await _models(client, world.a_sales)
    assert models["CD32F050C8T6"]["series"] == "CD32F0"
    assert models["CD32F030K6T6"]["status"] == "eol"
    assert models["CD32F030K6T6"]["series"] == "CD32F0"  # empty cells keep the values


async def test_an_unreadable_file_is_refused(client, world) -> None:
    bad = base64.b64encode(b"not a workbook").decode()
    response = await _import(client, world.vendor, "models.xlsx", bad, dry_run=True)
    assert response.status_code == 422 and response.json()["code"] == "mcu_import_unreadable"
    no_column = await _import(client, world.vendor, "m.csv", _csv("series", "CD32F0"), True)
    assert no_column.json()["code"] == "mcu_import_missing_columns"
    # One field past the csv module's limit (128 KB) is a damaged file, not a server error.
    huge = base64.b64encode(b"part_number\n" + b"x" * 200_000 + b"\n").decode()
    response = await _import(client, world.vendor, "m.csv", huge, dry_run=True)
    assert response.status_code == 422 and response.json()["code"] == "mcu_import_unreadable"


def _entry(book, **fields) -> dict:  # type: ignore[no-untyped-def]
    return {
        "stage": "lead",
        "product_domain_id": book.small_appliances,
        "annual_volume": 0,
        **fields,
    }


async def test_eol_model_is_refused_for_new_project_entries(client, world, book) -> None:
    await client.patch(
        f"{URL}/{book.fan_model}", json={"status": "eol"}, headers=world.vendor.headers
    )
    report_url = f"/api/v1/customers/{book.customer_id}/reports"
    new_project = _entry(book, new_project={"name": "新风扇"}, mcu_model_id=book.fan_model)
    refused = await client.post(
        report_url,
        json={"customer_news": "新项目", "entries": [new_project]},
        headers=world.a_sales.headers,
    )
    assert refused.status_code == 422 and refused.json()["code"] == "mcu_model_eol"
    switched = _entry(book, project_id=book.draft, mcu_model_id=book.fan_model)
    refused_too = await client.post(
        report_url,
        json={"customer_news": "换型", "entries": [switched]},
        headers=world.a_sales.headers,
    )
    assert refused_too.status_code == 422  # an existing project cannot newly choose it either

    kept = _entry(book, project_id=book.fan, mcu_model_id=book.fan_model, stage="mass_production")
    response = await client.post(
        report_url,
        json={"customer_news": "风扇量产", "entries": [kept]},
        headers=world.a_sales.headers,
    )
    assert response.status_code == 201, response.text  # the project keeps its model
    project = await client.get(f"/api/v1/projects/{book.fan}", headers=world.a_sales.headers)
    assert project.json()["mcu_model"]["id"] == book.fan_model
