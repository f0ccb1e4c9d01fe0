"""Days as the API accepts them in a query: within the years our data can have, so arithmetic
on a period (the previous period of a comparison, month buckets) cannot leave the calendar."""

from datetime import date
from typing import Annotated

from annotated_types import Ge, Le

FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(2099, 12, 31)

Day = Annotated[date, Ge(FIRST_DAY), Le(LAST_DAY)]
