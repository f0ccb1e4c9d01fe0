"""Row ids as the API accepts them in a path or a query."""

from typing import Annotated

from annotated_types import Ge, Le

# Our id columns are INTEGER (32-bit on PostgreSQL): a larger number cannot name a row, and
# would reach the driver as an overflow (a 500) instead of a 422 with a message.
MAX_ROW_ID = 2**31 - 1

RowId = Annotated[int, Ge(1), Le(MAX_ROW_ID)]
