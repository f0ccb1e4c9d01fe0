"""The home page's to-do strip (待办, issue 12 §3): the kinds of work waiting on a person's
customers, each a filter of the home list (GET /customers?todo=…) with its count
(GET /customers/todo). The rules are here; their SQL is in the repository."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from api.authz.principal import Principal
from api.customers.protection import near_expiry_cutoff
from api.rules.models import Rules

# "Recently" for answers and decisions: a week, long enough to span a weekend and a trip.
RECENT_DAYS = 7


class TodoKind(StrEnum):
    TURNING_RED = "turning_red"  # protection ends within the warning window (a red row)
    OVERDUE = "overdue"  # no follow-up report within the interval
    UNREAD = "unread"  # vendor comments (点评) the caller has not read
    ANSWERED = "answered"  # an entry's question got its first vendor answer recently
    DECIDED = "decided"  # a registration or extension was approved or rejected recently


# The vendor's own answers and decisions are not news to the vendor, who gets no receipts.
VENDOR_KINDS = (TodoKind.TURNING_RED, TodoKind.OVERDUE)


def kinds_for(principal: Principal) -> tuple[TodoKind, ...]:
    return VENDOR_KINDS if principal.is_vendor else tuple(TodoKind)


@dataclass(frozen=True)
class Worklist:
    """What makes a customer a to-do for one person at one moment."""

    user_id: int
    near_expiry_before: datetime  # protected for a period ending before this: red
    followup_overdue_at: datetime  # now - the follow-up interval (customers.models)
    recent_since: datetime  # answers and decisions after this are news


def worklist(principal: Principal, rules: Rules, at: datetime) -> Worklist:
    return Worklist(
        user_id=principal.user_id,
        near_expiry_before=near_expiry_cutoff(rules, at),
        followup_overdue_at=at - timedelta(days=rules.followup_interval_days),
        recent_since=at - timedelta(days=RECENT_DAYS),
    )
