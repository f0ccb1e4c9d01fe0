"""The app as a real server: migrated, seeded with the demo data, uvicorn in its own process.
The browser tests and the contract run drive it over real HTTP."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def demo_server(database_url: str, workdir: Path, **settings: str) -> Iterator[str]:
    """Serve the demo data from `database_url` (an empty database); yields the base URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEMO_MODE": "true",
        "PUBLIC_BASE_URL": url,
        "SECRET_KEY": "served-" + "x" * 40,
        "LOG_LEVEL": "WARNING",
        **settings,
    }
    for step in (["migrate"], ["seed-demo"]):
        subprocess.run([sys.executable, "-m", "api.cli", *step], cwd=ROOT, env=env, check=True)
    log_file = workdir / "server.log"
    with log_file.open("w") as log:
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
                raise RuntimeError(f"server did not start; see {log_file}")
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)
