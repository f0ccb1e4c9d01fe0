"""One request of the bench as plain data: the httpx driver sends it over HTTP, wrk replays it
under load, and the raw-SQL capture runs it in-process. Imports nothing of the app, so the
capture can load the app of another checkout (--app-root)."""

import json
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx

API = "/api/v1"


@dataclass(frozen=True)
class Call:
    method: str
    path: str  # with its query string
    headers: dict[str, str]
    body: bytes = b""

    @property
    def reads(self) -> bool:
        return self.method == "GET"

    async def send(self, http: httpx.AsyncClient) -> httpx.Response:
        return await http.request(
            self.method, self.path, headers=self.headers, content=self.body or None
        )


def get(path: str, headers: dict[str, str] | None = None, **params: object) -> Call:
    query = f"?{urlencode(params)}" if params else ""
    return Call("GET", f"{API}{path}{query}", headers or {})


def post(path: str, headers: dict[str, str], body: dict[str, object]) -> Call:
    return Call(
        "POST",
        f"{API}{path}",
        {**headers, "Content-Type": "application/json"},
        json.dumps(body, ensure_ascii=False).encode(),
    )
