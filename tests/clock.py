"""The one frozen "now" of the backend suite: every test starts at NOW (time ticking from there),
for our code and every library alike (time-machine patches the standard clock), so no test
depends on the day it runs. Dates in tests are written relative to NOW."""

from datetime import UTC, date, datetime, time, timedelta

from api.kit.clock import CHINA

# A Monday, 10:00 in China: mid-month, mid-quarter, far from any day or month boundary.
NOW = datetime(2027, 5, 17, 2, 0, tzinfo=UTC)


def china_time(day: date, hour: int = 0, minute: int = 0) -> datetime:
    """That wall-clock time in China, as an aware datetime."""
    return datetime.combine(day, time(hour, minute), CHINA)


def days_ago(days: int) -> datetime:
    return NOW - timedelta(days=days)
