async def test_health_reports_database_reachable(client) -> None:
    response = await client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


async def test_version_reports_the_build_of_the_spa_it_serves(
    client, tmp_path, monkeypatch
) -> None:
    from api.config import get_settings

    monkeypatch.setattr(get_settings(), "spa_dist_dir", tmp_path)
    (tmp_path / "version.json").write_text('{"build": "20261127-aaa"}')
    first = (await client.get("/api/v1/version")).json()
    assert first["api"] == "v1"
    assert first["build"] == "20261127-aaa"

    (tmp_path / "version.json").write_text('{"build": "20261127-bbbb"}')  # redeployed SPA
    assert (await client.get("/api/v1/version")).json()["build"] == "20261127-bbbb"


async def test_version_build_is_empty_when_the_spa_is_not_built(
    client, tmp_path, monkeypatch
) -> None:
    from api.config import get_settings

    monkeypatch.setattr(get_settings(), "spa_dist_dir", tmp_path / "missing")
    response = await client.get("/api/v1/version")
    assert response.status_code == 200
    assert response.json()["build"] == ""
