"""The one source of "now", and the one place for calendar arithmetic.

Tests freeze time for our code and every library at once (time-machine patches the standard
clock), so nothing here is test-specific."""

from datetime import UTC, date, datetime, timedelta, timezone
from typing import TypeVar

from dateutil.relativedelta import relativedelta

CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")

DayT = TypeVar("DayT", date, datetime)


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """Today's date where the users are (China Standard Time, UTC+8)."""
    return now().astimezone(CHINA).date()


def china_minute(moment: datetime) -> str:
    """A moment as the users read it: 'YYYY-MM-DD HH:MM' in China Standard Time."""
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def add_months(moment: DayT, months: int) -> DayT:
    """The same day `months` calendar months later (clamped to the month's last day)."""
    return moment + relativedelta(months=months)


def month_key(day: date) -> str:
    """The calendar month of `day` as 'YYYY-MM'."""
    return f"{day.year}-{day.month:02d}"


def shift_month(month: str, by: int) -> str:
    """'YYYY-MM' moved by `by` months."""
    return month_key(add_months(date(int(month[:4]), int(month[5:7]), 1), by))
