"""The one source of "now", so tests can move time instead of sleeping."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")


def _system_now() -> datetime:
    return datetime.now(UTC)


_now: Callable[[], datetime] = _system_now


def now() -> datetime:
    return _now()


def set_clock(source: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests); None restores the system clock."""
    global _now
    _now = source or _system_now


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` calendar months later (clamped to the month's last day)."""
    import calendar

    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def today() -> date:
    """Today's date where the users are (China Standard Time, UTC+8)."""
    return now().astimezone(CHINA).date()
