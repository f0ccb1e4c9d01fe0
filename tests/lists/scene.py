"""What the list cases act on: the app, the two agents' world, a customer with projects (made
once, on demand), and the ids the list's URL takes, filled in by whoever makes its rows."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import Actor, Factory, World
from tests.orders.conftest import Book, make_book

# Company names far apart, so that no registration conflicts with another.
COMPANIES = [
    *("宏图", "星辰", "海川", "青松", "瑞丰", "蓝鲸", "金桥", "云帆", "紫荆", "银杏"),
    *("长风", "白鹭", "翠湖", "飞鸿", "锦程", "晨曦", "远航", "朗月", "嘉禾", "鼎盛"),
]


@dataclass
class Scene:
    client: httpx.AsyncClient
    factory: Factory
    world: World
    session: AsyncSession
    ids: dict[str, Any] = field(default_factory=dict)  # the URL's {names}
    _book: Book | None = None

    async def book(self) -> Book:
        """A's protected customer 美达 with three projects (see tests/orders/conftest.py)."""
        if self._book is None:
            self._book = await make_book(self.client, self.factory, self.world)
        return self._book

    async def post(self, actor: Actor, url: str, body: dict[str, Any]) -> dict[str, Any]:
        response = await self.client.post(f"/api/v1{url}", json=body, headers=actor.headers)
        assert response.status_code in (200, 201), response.text
        answer: dict[str, Any] = response.json()
        return answer


# Adds `count` rows to a list, numbered from `first` (their names differ by the number).
AddRows = Callable[[Scene, int, int], Awaitable[None]]
