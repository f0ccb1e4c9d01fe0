"""The contract holds from outside (issue 11 §6): Schemathesis generates requests for every
operation of the committed OpenAPI document against the real server (this pass's database, demo
data), signed in as the vendor and as an agent's salesperson, and finds no server error, no
undocumented status code and no answer off its documented schema: each operation alone
(examples, fuzzing) and chained through the links Schemathesis infers from the document
(stateful: ids a response returns fed to the operations that take them). Fixed seed and a
bounded count of examples per operation, so a run is repeatable and short."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import drop_database, new_database
from tests.e2e.steps import DEMO_PASSWORD
from tests.server import ROOT, demo_server

CHECKS = ",".join(
    (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
    )
)
EXAMPLES_PER_OPERATION = "8"
SEED = "20261205"


@pytest.fixture
async def empty_database(tmp_path: Path) -> Iterator[str]:
    url = await new_database(str(tmp_path))
    yield url
    if url.startswith("postgresql"):
        await drop_database(url)


@pytest.mark.parametrize("username", ["vendor", "a.sales"])
def test_no_operation_answers_a_server_error_or_off_its_schema(
    username: str, empty_database: str, tmp_path: Path
) -> None:
    with demo_server(empty_database, tmp_path, JOBS_INTERVAL_MINUTES="0") as url:
        login = httpx.post(
            f"{url}/api/v1/auth/login", json={"username": username, "password": DEMO_PASSWORD}
        )
        token = login.json()["access_token"]
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "schemathesis.cli",
                "run",
                str(ROOT / "openapi" / "openapi.json"),
                f"--url={url}",
                f"--header=Authorization: Bearer {token}",
                f"--checks={CHECKS}",
                "--phases=examples,fuzzing,stateful",
                f"--max-examples={EXAMPLES_PER_OPERATION}",
                f"--seed={SEED}",
                # Signing out or changing the password would end the run's own session.
                "--exclude-path-regex=/auth/(logout|change-password)$",
                "--no-color",
            ],
            cwd=ROOT,
            env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
            capture_output=True,
            text=True,
            check=False,
        )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
