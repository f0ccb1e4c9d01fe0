"""Protection periods (保护期, SPEC §6) and follow-up duty (SPEC §7) as pure rules: how long a
protection lasts and what a customer's dates mean today. The lifecycle applies them."""

from datetime import datetime, time, timedelta

from api.customers.models import Customer, CustomerStatus, ProtectionMode
from api.kit.clock import CHINA, add_months
from api.rules.models import Rules


def new_customer_period_end(rules: Rules, at: datetime) -> datetime:
    """Rule 1: a newly approved customer is protected for `protection_new_months` (3)."""
    return add_months(at, rules.protection_new_months)


def development_period_end(rules: Rules, at: datetime) -> datetime:
    """Rule 2: a project in 研发/小批 protects for `protection_development_months` (6) from now."""
    return add_months(at, rules.protection_development_months)


def next_review(rules: Rules, at: datetime) -> datetime:
    """Rule 3: a mass-production (量产) customer is reviewed every `review_interval_months`."""
    return add_months(at, rules.review_interval_months)


def days_left(customer: Customer, at: datetime) -> int | None:
    if (
        customer.status is not CustomerStatus.PROTECTED
        or customer.protection_mode is not ProtectionMode.PERIOD
    ):
        return None
    if customer.protection_until is None:
        return None
    return (customer.protection_until - at).days


def is_near_expiry(customer: Customer, rules: Rules, at: datetime) -> bool:
    """Shown red on the home page: protection ends within `near_expiry_days` (15)."""
    left = days_left(customer, at)
    return left is not None and left < rules.near_expiry_days


def followup_since(customer: Customer) -> datetime | None:
    """Since when the customer waits for a report: the latest report, else the approval."""
    if customer.last_report_at is not None:
        return datetime.combine(customer.last_report_at, time(), CHINA)
    return customer.approved_at


def is_followup_overdue(customer: Customer, rules: Rules, at: datetime) -> bool:
    """SPEC §7: each protected customer gets a report at least every `followup_interval_days`."""
    since = followup_since(customer)
    if customer.status is not CustomerStatus.PROTECTED or since is None:
        return False
    return at - since > timedelta(days=rules.followup_interval_days)


def near_expiry_cutoff(rules: Rules, at: datetime) -> datetime:
    return at + timedelta(days=rules.near_expiry_days)
