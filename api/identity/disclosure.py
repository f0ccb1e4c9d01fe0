"""What a conflict candidate tells whom (SPEC §3, §12). Another agent's customer is named only
when the typed name is already the same company's (the caller knows that name); a fuzzy
candidate, or one found by its credit code alone, is told without its name. The vendor sees every
candidate named, with the agent holding it. Candidates are stored whole (on the registration,
on import rows) and told per caller when read."""

from typing import Any

from api.authz.principal import Principal
from api.customers.models import CustomerStatus
from api.identity.matching import NEAR_EXACT
from api.identity.schemas import ConflictCandidate
from api.identity.service import Candidate

ANOTHER_AGENTS_CUSTOMER = "（其他代理商的客户，名称不公开）"
SIMILAR_TO_ANOTHER_AGENTS = "与其他代理商的客户相似，原厂将审核"


def _status_text(status: CustomerStatus, protection_until: str | None) -> str:
    if status is CustomerStatus.RELEASED:
        return "资源池客户，可从资源池申请"
    if status is CustomerStatus.PENDING:
        return "已有报备申请，审批中"
    return f"已报备，保护至 {protection_until or '—'}"


def stored(candidate: Candidate) -> dict[str, Any]:
    """The whole candidate, as kept with a registration or an import row."""
    customer = candidate.customer
    until = customer.protection_until.strftime("%Y-%m") if customer.protection_until else None
    return {
        "name": customer.name,
        "score": round(candidate.score, 3),
        "reason": candidate.reason,
        "status": customer.status.value,
        "status_text": _status_text(customer.status, until),
        "pool_customer_id": customer.id if customer.status is CustomerStatus.RELEASED else None,
        "customer_id": customer.id,
        "holder_agent_id": customer.agent_id,
        "name_matches": candidate.name_matches,
    }


def _may_name(principal: Principal, record: dict[str, Any]) -> bool:
    return (
        principal.is_vendor
        or record.get("status") == CustomerStatus.RELEASED.value  # the pool is public
        or (
            record.get("holder_agent_id") is not None
            and record.get("holder_agent_id") == principal.agent_id
        )
        or bool(record.get("name_matches"))
    )


def shown_to(principal: Principal, record: dict[str, Any]) -> ConflictCandidate:
    """A stored candidate as `principal` may see it."""
    named = _may_name(principal, record)
    blocks = record["score"] >= NEAR_EXACT
    return ConflictCandidate(
        name=record["name"] if named else ANOTHER_AGENTS_CUSTOMER,
        score=record["score"],
        reason=record["reason"],
        status=CustomerStatus(record["status"]),
        status_text=record["status_text"] if named or blocks else SIMILAR_TO_ANOTHER_AGENTS,
        pool_customer_id=record.get("pool_customer_id"),
        customer_id=record.get("customer_id") if principal.is_vendor else None,
        holder_agent_id=record.get("holder_agent_id") if principal.is_vendor else None,
    )


def shown(principal: Principal, candidates: list[Candidate]) -> list[ConflictCandidate]:
    return [shown_to(principal, stored(c)) for c in candidates]


def shown_records(principal: Principal, records: list[dict[str, Any]]) -> list[ConflictCandidate]:
    return [shown_to(principal, r) for r in records]
