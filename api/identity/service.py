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
from api.identity.models import AliasKind, CustomerAlias, LinkKind
from api.kit.clock import now
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


ROMANISED = "r:"  # index entries of romanised cores, apart from the bigrams
ALIAS_LABELS = {AliasKind.ENGLISH: "英文名", AliasKind.SHORT: "简称", AliasKind.FORMER: "曾用名"}
LINK_LABELS = {LinkKind.BRANCH: "分公司", LinkKind.SUBSIDIARY: "子公司"}


def grams_of(name: NormalisedName) -> list[str]:
    """The index entries of a name: the bigrams of its core (the core itself when shorter) and
    its romanised core, so an English or pinyin name finds the Chinese one and back."""
    entries = sorted(name.grams or {name.core})
    if name.romanised:
        entries.append(ROMANISED + name.romanised[:38])
    return entries


@dataclass(frozen=True)
class KnownName:
    """One name a customer goes by: the official one (label "") or an alias."""

    text: str
    label: str


def _best(name: NormalisedName, known: list[KnownName]) -> tuple[float, str]:
    """The best score against any of a customer's names, with a reason saying which name."""
    best_score, best_reason = 0.0, ""
    for other in known:
        match = compare(name, normalise(other.text))
        if match.score > best_score:
            where = f"{other.label}“{other.text}”：" if other.label else ""
            best_score, best_reason = match.score, where + match.reason
    return best_score, best_reason


def rank(
    name: NormalisedName,
    credit_code: str | None,
    customers: Iterable[Customer],
    aliases: Iterable[CustomerAlias] = (),
    group_notes: dict[int, str] | None = None,
) -> list[Candidate]:
    """Score each customer (every name it goes by) against the name, best first; weak matches
    are left out. A customer in a group says so ("…的分公司")."""
    known: dict[int, list[KnownName]] = {}
    for alias in aliases:
        known.setdefault(alias.customer_id, []).append(
            KnownName(alias.name, ALIAS_LABELS[alias.kind])
        )
    candidates = []
    for customer in customers:
        assert customer.id is not None
        score, reason = _best(name, [KnownName(customer.name, ""), *known.get(customer.id, [])])
        same_name = score >= NEAR_EXACT
        if credit_code and customer.credit_code == credit_code:
            score, reason = 1.0, CREDIT_CODE_REASON
        elif score < CANDIDATE:
            continue
        note = (group_notes or {}).get(customer.id)
        candidates.append(
            Candidate(customer, score, f"{reason}；{note}" if note else reason, same_name)
        )
    return sorted(candidates, key=lambda c: (-c.score, c.customer.name))


async def _group_notes(session: AsyncSession, customer_ids: list[int]) -> dict[int, str]:
    """For each of these customers that the vendor linked under another: "是“X”的分公司"."""
    links = [
        link
        for link in await repository.links_touching(session, customer_ids)
        if link.child_id in customer_ids
    ]
    parents = await repository.customers_by_id(session, (link.parent_id for link in links))
    return {
        link.child_id: f"是“{parents[link.parent_id].name}”的{LINK_LABELS[link.kind]}"
        for link in links
        if link.parent_id in parents
    }


async def find_candidates(
    session: AsyncSession,
    name: NormalisedName,
    credit_code: str | None = None,
    excluding: int | None = None,
) -> list[Candidate]:
    """Customers held by anyone (pending, protected, or in the pool) that may be the same
    company, best first: the same credit code, or a name or alias the matcher scores >=
    CANDIDATE. `excluding`: a customer not to compare with (itself, when it is renamed)."""
    customers = await repository.held_customers_like(
        session, name.full, grams_of(name), credit_code, excluding
    )
    ids = [c.id for c in customers if c.id is not None]
    aliases = await repository.aliases_of(session, ids)
    return rank(name, credit_code, customers, aliases, await _group_notes(session, ids))


async def lock_name(session: AsyncSession, name: NormalisedName) -> None:
    """Until commit, nobody else registers a name with the same core: two agents writing one
    company two ways cannot both pass the check."""
    await repository.lock_name_core(session, name.core)


async def index_names(session: AsyncSession, names: Iterable[tuple[int, NormalisedName]]) -> None:
    """Put new customers' names, (customer id, name) pairs, in the name index."""
    await repository.insert_grams(session, ((cid, grams_of(name)) for cid, name in names))


async def add_new_customers_aliases(
    session: AsyncSession,
    aliases: list[tuple[int, AliasKind, str]],
    official: dict[int, NormalisedName],
    created_by_id: int | None,
) -> None:
    """Store the aliases of customers created just now (an import), and index them beside
    their official names (`official`, already indexed)."""
    if not aliases:
        return
    await repository.insert_aliases(
        session,
        [
            {"customer_id": cid, "kind": kind, "name": text, "name_key": normalise(text).full}
            | {"created_by_id": created_by_id, "created_at": now()}
            for cid, kind, text in aliases
        ],
    )
    extra: dict[int, set[str]] = {}
    for cid, _, text in aliases:
        extra.setdefault(cid, set()).update(grams_of(normalise(text)))
    await repository.insert_grams(
        session, ((cid, grams - set(grams_of(official[cid]))) for cid, grams in extra.items())
    )


async def aliases_of(session: AsyncSession, customer_id: int) -> list[CustomerAlias]:
    """The other names a customer goes by, oldest first."""
    return await repository.aliases_of(session, [customer_id])


async def reindex(session: AsyncSession, customer: Customer) -> None:
    """The customer's index entries again, from its official name and every alias."""
    assert customer.id is not None
    names = [customer.name, *(a.name for a in await repository.aliases_of(session, [customer.id]))]
    await repository.remove_grams(session, customer.id)
    entries = [gram for text in names for gram in grams_of(normalise(text))]
    await repository.insert_grams(session, [(customer.id, entries)])


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
