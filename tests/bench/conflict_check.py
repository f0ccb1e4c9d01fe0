"""Benchmark: the registration conflict check against 100,000 customers (SPEC §5, issue 3).

`make bench` runs it on a fresh SQLite file and, when PostgreSQL answers, on a fresh PostgreSQL
database. It prints the time to build the data and p50/p95/max of `find_candidates` for names
that exist, near-duplicates and new names. It measures; it asserts nothing.
"""

import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal

from sqlalchemy import insert, select

CUSTOMERS = int(os.environ.get("BENCH_CUSTOMERS", "100000"))
QUERIES = 200
REGIONS = [
    "深圳市",
    "广州市",
    "东莞市",
    "佛山市",
    "上海市",
    "苏州市",
    "杭州市",
    "宁波市",
    "成都市",
    "厦门市",
]
SYLLABLES = (
    "宏图锐进星辰美达恒通海川华测博远天府金鼎联合新光鑫达"
    "汇顶格力创维朗科英飞腾讯云亿华立信德铭泰安瑞丰盛嘉禾晶"
)
INDUSTRY = ["电子", "科技", "智能", "电器", "照明", "电机", "医疗", "汽车电子", "仪器", "家电"]
FORMS = ["有限公司", "股份有限公司", "有限责任公司", "集团有限公司"]


def company(rng: random.Random) -> str:
    core = "".join(rng.sample(SYLLABLES, rng.choice((2, 2, 3, 4))))
    return f"{rng.choice(REGIONS)}{core}{rng.choice(INDUSTRY)}{rng.choice(FORMS)}"


async def build(url: str, names: list[str]) -> float:
    from api.catalog.models import ProductDomain
    from api.customers.models import Customer, CustomerStatus
    from api.db import create_engine
    from api.identity.matching import normalise
    from api.identity.models import CustomerNameGram
    from tests.conftest import migrate

    engine = create_engine(url)
    await migrate(engine)
    started = time.perf_counter()
    async with engine.begin() as conn:
        domain_id = (await conn.execute(select(ProductDomain.id).limit(1))).scalar()
        customers, grams = [], []
        for index, name in enumerate(names, start=1):
            normalised = normalise(name)
            customers.append(
                {
                    "id": index,
                    "name": name,
                    "name_key": normalised.full,
                    "name_core": normalised.core,
                    "province": "广东省",
                    "city": "深圳市",
                    "product_domain_id": domain_id,
                    "annual_mcu_usage_wan": Decimal(10),
                    "mcus_in_use": [],
                    "purchaser": "",
                    "factory": "",
                    "registered_capital": "",
                    "major_events": "",
                    "industry_position": "",
                    "status": CustomerStatus.PROTECTED.value,
                    "protection_mode": "period",
                }
            )
            grams.extend(
                {"customer_id": index, "gram": g} for g in normalised.grams or {normalised.core}
            )
        for chunk in range(0, len(customers), 5000):
            await conn.execute(insert(Customer.__table__), customers[chunk : chunk + 5000])  # type: ignore[attr-defined]
        for chunk in range(0, len(grams), 20000):
            await conn.execute(insert(CustomerNameGram.__table__), grams[chunk : chunk + 20000])  # type: ignore[attr-defined]
    await engine.dispose()
    return time.perf_counter() - started


async def measure(url: str, queries: list[str]) -> list[float]:
    from sqlalchemy.ext.asyncio import async_sessionmaker

    from api.db import create_engine
    from api.identity.matching import normalise
    from api.identity.service import find_candidates

    engine = create_engine(url)
    timings = []
    async with async_sessionmaker(engine)() as session:
        for name in queries:
            started = time.perf_counter()
            await find_candidates(session, normalise(name))
            timings.append((time.perf_counter() - started) * 1000)
            await session.rollback()
    await engine.dispose()
    return timings


def report(label: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    p50, worst = statistics.median(ordered), ordered[-1]
    print(f"  {label:<28} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   max {worst:7.1f} ms")


async def bench(kind: str, url: str) -> None:
    rng = random.Random(20261127)
    names = list(dict.fromkeys(company(rng) for _ in range(int(CUSTOMERS * 1.2))))[:CUSTOMERS]
    print(f"\n{kind}: {len(names):,} customers")
    print(f"  build (normalise + insert)   {await build(url, names):7.1f} s")
    existing = rng.sample(names, QUERIES)
    variants = [
        n.replace("有限公司", "").replace("市", "") + "（分公司）"
        for n in rng.sample(names, QUERIES)
    ]
    fresh = [company(random.Random(i)) + "新" for i in range(QUERIES)]
    for label, queries in (
        ("existing names", existing),
        ("written another way", variants),
        ("new names", fresh),
    ):
        report(label, await measure(url, queries))


async def main() -> None:
    from tests.conftest import create_database, drop_database

    with tempfile.TemporaryDirectory() as tmp:
        await bench("SQLite", f"sqlite+aiosqlite:///{tmp}/bench.db")
    server = os.environ.get(
        "TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    )
    try:
        url = await create_database(server)
    except Exception as error:  # PostgreSQL not reachable: SQLite only
        print(f"\nPostgreSQL not reachable ({error.__class__.__name__}): skipped", file=sys.stderr)
        return
    try:
        await bench("PostgreSQL", url)
    finally:
        await drop_database(url)


if __name__ == "__main__":
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 40)
    asyncio.run(main())
