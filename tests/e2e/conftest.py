"""Browser tests: the real app (built SPA, SQLite with demo data) in a uvicorn process, driven by
the system Chromium. They run in their own pytest process (sync Playwright and pytest-asyncio
do not share an event loop)."""

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEMO_PASSWORD = "demo-Password-1"


def _requirement(ok: bool, why: str) -> None:
    """Missing browser or SPA: a failure under REQUIRE_E2E=1 (CI), a skip on a laptop."""
    if ok:
        return
    if os.environ.get("REQUIRE_E2E") == "1":
        pytest.fail(why, pytrace=False)
    pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def served_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built SPA for the server: a test may deploy "another build" into it."""
    _requirement((ROOT / "frontend/dist/index.html").is_file(), "SPA not built (make frontend)")
    dist = tmp_path_factory.mktemp("spa") / "dist"
    shutil.copytree(ROOT / "frontend/dist", dist)
    return dist


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory, served_dist: Path) -> Iterator[str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    workdir = tmp_path_factory.mktemp("e2e")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{workdir / 'e2e.db'}",
        "DEMO_MODE": "true",
        "PUBLIC_BASE_URL": url,
        "SECRET_KEY": "e2e-" + "x" * 40,
        "LOG_LEVEL": "WARNING",
        "SPA_DIST_DIR": str(served_dist),
    }
    for step in (["migrate"], ["seed-demo"]):
        subprocess.run([sys.executable, "-m", "api.cli", *step], cwd=ROOT, env=env, check=True)
    log = (workdir / "server.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail(f"server did not start; see {workdir / 'server.log'}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    _requirement(
        shutil.which(CHROMIUM) is not None or Path(CHROMIUM).is_file(), f"{CHROMIUM} missing"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        base_url=base_url, locale="zh-CN", viewport={"width": 1280, "height": 800}
    )
    from playwright.sync_api import expect

    # One time budget for actions and assertions: a loaded CI machine answers in seconds, not ms.
    context.set_default_timeout(10_000)
    expect.set_options(timeout=10_000)
    page = context.new_page()
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        out = ROOT / "var" / "e2e-failures"
        out.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
