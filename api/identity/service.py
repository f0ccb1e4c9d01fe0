"""Company identity (SPEC §5): one company, whatever way an agent writes its name.

Who may already hold a company — ranked candidates with a score and a reason — and the name
index that finds them among 100,000 customers. Used by registration, the legacy import, the
customer's details and the demo data; nothing else normalises or indexes names."""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from api.customers.models import Customer
from api.db import AsyncSession
from api.identity import repository
from api.identity.credit_code import is_valid_credit_code, normalise_credit_code
from api.identity.matching import (
    CANDIDATE,
    NEAR_EXACT,
    NormalisedName,
    compare,
    fold_lookalikes,
    has_invisible,
    normalise,
)
from api.kit.errors import AppError

CREDIT_CODE_REASON = "统一社会信用代码相同"


@dataclass
class Candidate:
    customer: Customer
    score: float
    reason: str
    name_matches: bool  # the names are the same company's by themselves (>= NEAR_EXACT)

    @property
    def blocks(self) -> bool:
        """An exact or near-exact match (or the same credit code): the same company."""
        return self.score >= NEAR_EXACT


def grams_of(name: NormalisedName) -> list[str]:
    """The index entries of a name: the bigrams of its core (the core itself when shorter)."""
    return sorted(name.grams or {name.core})


def rank(
    name: NormalisedName, credit_code: str | None, customers: Iterable[Customer]
) -> list[Candidate]:
    """Score each customer against the name, best first; weak matches are left out."""
    candidates = []
    for customer in customers:
        match = compare(name, normalise(customer.name))
        same_name = match.score >= NEAR_EXACT
        if credit_code and customer.credit_code == credit_code:
            candidates.append(Candidate(customer, 1.0, CREDIT_CODE_REASON, same_name))
        elif match.score >= CANDIDATE:
            candidates.append(Candidate(customer, match.score, match.reason, same_name))
    return sorted(candidates, key=lambda c: (-c.score, c.customer.name))


async def find_candidates(
    session: AsyncSession, name: NormalisedName, credit_code: str | None = None
) -> list[Candidate]:
    """Customers held by anyone (pending, protected, or in the pool) that may be the same
    company, best first: the same credit code, or names the matcher scores >= CANDIDATE."""
    customers = await repository.held_customers_like(
        session, name.full, grams_of(name), credit_code
    )
    return rank(name, credit_code, customers)


async def lock_name(session: AsyncSession, name: NormalisedName) -> None:
    """Until commit, nobody else registers a name with the same core: two agents writing one
    company two ways cannot both pass the check."""
    await repository.lock_name_core(session, name.core)


async def index_names(session: AsyncSession, names: Iterable[tuple[int, NormalisedName]]) -> None:
    """Put new customers' names, (customer id, name) pairs, in the name index."""
    await repository.insert_grams(session, ((cid, grams_of(name)) for cid, name in names))


def clean_credit_code(raw: str | None) -> str | None:
    """The normalised code, None when empty; raises 422 credit_code_invalid when the GB 32100
    check character is wrong."""
    if raw is None or not raw.strip():
        return None
    code = normalise_credit_code(raw)
    if not is_valid_credit_code(code):
        raise AppError("credit_code_invalid", 422, value=raw.strip())
    return code


def name_text_problem(name: str) -> str | None:
    """Why a company name cannot be stored as typed, or None: characters that render as
    nothing (a way to copy a protected name unseen), or mostly symbols instead of words."""
    if has_invisible(name):
        return "company_name_invisible"
    visible = [c for c in fold_lookalikes(name) if not c.isspace()]
    wordlike = [c for c in visible if unicodedata.category(c)[0] in "LN"]
    if len(wordlike) < 2 or len(wordlike) * 2 < len(visible):
        return "company_name_symbols"
    return None


def check_name_text(name: str) -> None:
    """Raise 422 with `name_text_problem`'s reason, if any."""
    problem = name_text_problem(name)
    if problem is not None:
        raise AppError(problem, 422)
