"""The resource pool (资源池) as a file: its public fields only, like the list."""

from api.exporting import Column, Sheet
from api.pool.schemas import PoolCustomer

POOL: Sheet[PoolCustomer] = Sheet(
    "pool",
    [
        Column("客户名称", "Customer", lambda c: c.name),
        Column("省份", "Province", lambda c: c.province),
        Column("城市", "City", lambda c: c.city),
        Column("产品领域", "Product domain", lambda c: c.product_domain.name),
        Column("年用量（万）", "Annual MCU usage (10k)", lambda c: c.annual_mcu_usage_wan),
        Column("进入资源池", "In the pool since", lambda c: c.released_at),
    ],
)
