"""Extension applications with the customer's follow-up evidence beside them."""

from datetime import timedelta

from api.customers.protection import is_followup_overdue
from api.db import AsyncSession
from api.extensions.models import Extension
from api.extensions.schemas import ExtensionPublic, FollowupEvidence
from api.kit.clock import now, today
from api.reports.service import report_counts_since
from api.rules.service import current_rules

EVIDENCE_DAYS = 90


async def with_evidence(
    session: AsyncSession, extensions: list[Extension]
) -> list[ExtensionPublic]:
    rules, at = await current_rules(session), now()
    counts = await report_counts_since(
        session, [e.customer_id for e in extensions], today() - timedelta(days=EVIDENCE_DAYS)
    )
    return [
        ExtensionPublic.model_validate(e).model_copy(
            update={
                "evidence": FollowupEvidence(
                    reports_last_90_days=counts.get(e.customer_id, 0),
                    last_report_at=e.customer.last_report_at,
                    followup_overdue=is_followup_overdue(e.customer, rules, at),
                )
            }
        )
        for e in extensions
    ]
