"""Browser tests: the real app (built SPA, SQLite with demo data) in a uvicorn process, driven by
the system Chromium through pytest-playwright (its `browser`, `context`, `page` fixtures; the
settings below). They run in their own pytest process (sync Playwright and pytest-asyncio do not
share an event loop): `make test-e2e`, which also keeps a screenshot of each failure."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.server import ROOT, demo_server

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
TIMEOUT_MS = 10_000


def _requirement(ok: bool, why: str) -> None:
    """Missing browser or SPA: a failure under REQUIRE_E2E=1 (CI), a skip on a laptop."""
    if ok:
        return
    if os.environ.get("REQUIRE_E2E") == "1":
        pytest.fail(why, pytrace=False)
    pytest.skip(why)


@pytest.fixture(scope="session")
def served_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built SPA for the server: a test may deploy "another build" into it."""
    _requirement((ROOT / "frontend/dist/index.html").is_file(), "SPA not built (make frontend)")
    dist = tmp_path_factory.mktemp("spa") / "dist"
    shutil.copytree(ROOT / "frontend/dist", dist)
    return dist


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory, served_dist: Path) -> Iterator[str]:
    workdir = tmp_path_factory.mktemp("e2e")
    database = f"sqlite+aiosqlite:///{workdir / 'e2e.db'}"
    with demo_server(
        database, workdir, SECRET_KEY="e2e-" + "x" * 40, SPA_DIST_DIR=str(served_dist)
    ) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright launches the system Chromium (no `playwright install` here)."""
    _requirement(
        shutil.which(CHROMIUM) is not None or Path(CHROMIUM).is_file(), f"{CHROMIUM} missing"
    )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any], base_url: str) -> dict[str, Any]:
    return {
        **browser_context_args,
        "base_url": base_url,
        "locale": "zh-CN",
        "viewport": {"width": 1280, "height": 800},
    }


@pytest.fixture
def context(context: BrowserContext) -> BrowserContext:
    # One time budget for actions and assertions: a loaded CI machine answers in seconds, not ms.
    context.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    return context
