"""The national administrative division list down to city level (shipped data)."""

import json
from functools import cache
from importlib import resources

from pydantic import BaseModel


class Province(BaseModel):
    code: str
    name: str
    cities: list[str]


@cache
def provinces() -> tuple[Province, ...]:
    raw = json.loads(resources.files("api").joinpath("data/regions.json").read_text("utf-8"))
    return tuple(Province(**p) for p in raw["provinces"])


@cache
def _cities_by_province() -> dict[str, frozenset[str]]:
    return {p.name: frozenset(p.cities) for p in provinces()}


def is_known_city(province: str, city: str) -> bool:
    return city in _cities_by_province().get(province, frozenset())
