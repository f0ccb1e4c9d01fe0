"""company name keys fold lookalikes (invisible characters, radicals, Latin tails)

Revision ID: 8d3e5f7a9b21
Revises: 7b4e2c91d0a5
Create Date: 2026-12-04 20:30:00.000000

The normalised name (name_key, name_core) and the bigram index are recomputed with the current
normaliser. If two held customers turn out to be one company (one was registered as a lookalike
of the other), the migration stops and names both: the vendor decides which to release.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op
from api.identity.matching import normalise
from api.identity.service import grams_of

revision: str = "8d3e5f7a9b21"
down_revision: str | None = "7b4e2c91d0a5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HELD = ("pending", "protected", "released")
BATCH = 2_000

customer = sa.table(
    "customer",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("name_key", sa.String),
    sa.column("name_core", sa.String),
    sa.column("status", sa.String),
)
grams = sa.table(
    "customer_name_gram", sa.column("customer_id", sa.Integer), sa.column("gram", sa.String)
)


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(customer.c.id, customer.c.name, customer.c.status)).all()
    keys = {row.id: normalise(row.name) for row in rows}
    held: dict[str, int] = {}
    for row in rows:
        if row.status not in HELD:
            continue
        other = held.setdefault(keys[row.id].full, row.id)
        if other != row.id:
            raise RuntimeError(
                f"customers {other} and {row.id} are one company once lookalikes are folded "
                f"({row.name!r}): release one of them, then migrate again"
            )
    changed = [
        {"row_id": row.id, "key": keys[row.id].full, "core": keys[row.id].core} for row in rows
    ]
    update = (
        sa.update(customer)
        .where(customer.c.id == sa.bindparam("row_id"))
        .values(name_key=sa.bindparam("key"), name_core=sa.bindparam("core"))
    )
    for start in range(0, len(changed), BATCH):
        bind.execute(update, changed[start : start + BATCH])
    bind.execute(sa.delete(grams))
    index = [{"customer_id": cid, "gram": g} for cid, name in keys.items() for g in grams_of(name)]
    for start in range(0, len(index), BATCH * 5):
        bind.execute(sa.insert(grams), index[start : start + BATCH * 5])


def downgrade() -> None:
    # The older keys were a coarser form of the same names; the new ones stay valid for it.
    pass
