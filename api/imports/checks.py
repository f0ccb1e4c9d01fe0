"""What one row of a legacy import would do: invalid (and why), a conflict with a company
someone already holds (and with whom), or ready to create. Pure checks; the runner adds the
database through the import's repository."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from api.catalog.regions import provinces
from api.customers import lifecycle
from api.customers.models import Customer
from api.db import AsyncSession
from api.identity.credit_code import is_valid_credit_code, normalise_credit_code
from api.identity.matching import NEAR_EXACT, NormalisedName, compare, normalise
from api.identity.models import AliasKind
from api.identity.service import name_text_problem
from api.imports import repository
from api.kit.clock import CHINA
from api.rules.models import Rules

MAX_USAGE_WAN = Decimal(10_000_000)  # as for a registration
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


@dataclass(frozen=True)
class Lookups:
    """The catalog and the agent's people, read once per pass."""

    agent_id: int
    domains: dict[str, int]  # name (Chinese, or English in lower case) -> active domain id
    sales: dict[str, list[int]]  # display name -> ids of the agent's active salespeople
    today: date


@dataclass
class Checked:
    fields: dict[str, Any] = field(default_factory=dict)
    reasons: list[dict[str, str]] = field(default_factory=list)
    name: NormalisedName | None = None

    def refuse(self, column: str, code: str, value: str = "") -> None:
        self.reasons.append({"field": column, "code": code, "value": value})


async def load_lookups(session: AsyncSession, agent_id: int, today: date) -> Lookups:
    domains: dict[str, int] = {}
    for domain in await repository.active_domains(session):
        assert domain.id is not None
        domains[domain.name] = domain.id
        if domain.name_en:
            domains.setdefault(domain.name_en.lower(), domain.id)
    sales: dict[str, list[int]] = {}
    for user in await repository.active_sales(session, agent_id):
        assert user.id is not None
        sales.setdefault(user.display_name.strip(), []).append(user.id)
    return Lookups(agent_id, domains, sales, today)


def _region(checked: Checked, province: str, city: str) -> None:
    """Province and city from the national list; the short form (广东, 深圳) is accepted when it
    names exactly one place."""
    if not province:
        checked.refuse("province", "missing")
        return
    if not city:
        checked.refuse("city", "missing")
        return
    matches = [p for p in provinces() if p.name == province] or [
        p for p in provinces() if len(province) >= 2 and p.name.startswith(province)
    ]
    if len(matches) != 1:
        checked.refuse("province", "unknown_region", province)
        return
    cities = matches[0].cities
    found = [c for c in cities if c == city] or [
        c for c in cities if len(city) >= 2 and c.startswith(city)
    ]
    if len(found) != 1:
        checked.refuse("city", "unknown_region", city)
        return
    checked.fields["province"], checked.fields["city"] = matches[0].name, found[0]


def _usage(checked: Checked, text: str) -> None:
    if not text:
        checked.refuse("annual_mcu_usage_wan", "missing")
        return
    try:
        usage = Decimal(text.replace(",", ""))
    except InvalidOperation:
        usage = Decimal("NaN")
    if not usage.is_finite() or usage < 0 or usage > MAX_USAGE_WAN:
        checked.refuse("annual_mcu_usage_wan", "bad_number", text)
        return
    checked.fields["annual_mcu_usage_wan"] = usage.quantize(Decimal("0.01"))


def _protection_until(checked: Checked, text: str, today: date) -> None:
    if not text:
        checked.fields["protection_until"] = None
        return
    match = _DATE.match(text.strip())
    try:
        until = date(*(int(g) for g in match.groups())) if match else None
    except ValueError:
        until = None
    if until is None:
        checked.refuse("protection_until", "bad_date", text)
    elif until <= today:
        checked.refuse("protection_until", "date_not_future", text)
    else:
        checked.fields["protection_until"] = datetime.combine(until, time(23, 59), CHINA)


_ALIAS_COLUMNS = (
    ("english_name", AliasKind.ENGLISH),
    ("short_name", AliasKind.SHORT),
    ("former_names", AliasKind.FORMER),
)
_SEPARATORS = re.compile(r"[;；]")


def _aliases(checked: Checked, values: dict[str, str]) -> None:
    """The other names the row gives (several former names separated by ；), each a usable
    company name."""
    found: list[tuple[AliasKind, str]] = []
    for column, kind in _ALIAS_COLUMNS:
        texts = values.get(column, "").strip()
        parts = _SEPARATORS.split(texts) if kind is AliasKind.FORMER else [texts]
        for text in (t.strip() for t in parts):
            if not text:
                continue
            problem = "too_long" if len(text) > 200 else name_text_problem(text)
            if problem is not None:
                checked.refuse(column, problem, text[:50])
            else:
                found.append((kind, text))
    checked.fields["aliases"] = found


def validate(values: dict[str, str], lookups: Lookups, duplicate_of: int | None) -> Checked:
    """Every reason the row cannot be imported (all of them, not only the first)."""
    checked = Checked()
    name = values.get("name", "").strip()
    if not name:
        checked.refuse("name", "missing")
    elif len(name) > 200:
        checked.refuse("name", "too_long", name[:50])
    elif (problem := name_text_problem(name)) is not None:
        checked.refuse("name", problem, name[:50])
    else:
        checked.name = normalise(name)
        checked.fields["name"] = name
        if duplicate_of is not None:
            checked.refuse("name", "duplicate_in_file", str(duplicate_of))
    _aliases(checked, values)
    raw_code = values.get("credit_code", "")
    code = normalise_credit_code(raw_code) if raw_code.strip() else None
    if code is not None and not is_valid_credit_code(code):
        checked.refuse("credit_code", "credit_code_invalid", raw_code)
    checked.fields["credit_code"] = code
    _region(checked, values.get("province", "").strip(), values.get("city", "").strip())
    domain = values.get("product_domain", "").strip()
    domain_id = lookups.domains.get(domain) or lookups.domains.get(domain.lower())
    if not domain:
        checked.refuse("product_domain", "missing")
    elif domain_id is None:
        checked.refuse("product_domain", "unknown_product_domain", domain)
    checked.fields["product_domain_id"] = domain_id
    _usage(checked, values.get("annual_mcu_usage_wan", "").strip())
    contact = values.get("contact", "").strip()
    # SPEC §3: the legacy name match, exact and within the agent only — never guessed.
    contact_ids = lookups.sales.get(contact, [])
    if not contact:
        checked.refuse("contact", "missing")
    elif not contact_ids:
        checked.refuse("contact", "contact_not_found", contact)
    elif len(contact_ids) > 1:
        checked.refuse("contact", "contact_ambiguous", contact)
    else:
        checked.fields["contact_user_id"] = contact_ids[0]
    _protection_until(checked, values.get("protection_until", ""), lookups.today)
    return checked


def duplicates(rows: list[tuple[int, dict[str, str]]]) -> dict[int, int]:
    """Row number -> the earlier row it repeats: the same normalised name, the same credit code,
    or a name the matcher would block (same core, near-exact)."""
    seen_full: dict[str, int] = {}
    seen_code: dict[str, int] = {}
    by_core: dict[str, list[tuple[int, NormalisedName]]] = {}
    repeated: dict[int, int] = {}
    for number, values in rows:
        name = values.get("name", "").strip()
        raw_code = values.get("credit_code", "").strip()
        code = normalise_credit_code(raw_code) if raw_code else ""
        normalised = normalise(name) if name else None
        earlier = seen_code.get(code) if code else None
        if normalised is not None and earlier is None:
            earlier = seen_full.get(normalised.full)
            if earlier is None:
                earlier = next(
                    (
                        n
                        for n, other in by_core.get(normalised.core, [])
                        if compare(normalised, other).score >= NEAR_EXACT
                    ),
                    None,
                )
        if earlier is not None:
            repeated[number] = earlier
            continue
        if code:
            seen_code[code] = number
        if normalised is not None:
            seen_full.setdefault(normalised.full, number)
            by_core.setdefault(normalised.core, []).append((number, normalised))
    return repeated


def new_customer(checked: Checked, agent_id: int, rules: Rules) -> Customer:
    """A protected customer of the agent, protected per the rules unless the file says until."""
    assert checked.name is not None
    customer = Customer(
        name=checked.fields["name"],
        name_key=checked.name.full,
        name_core=checked.name.core,
        credit_code=checked.fields["credit_code"],
        province=checked.fields["province"],
        city=checked.fields["city"],
        product_domain_id=checked.fields["product_domain_id"],
        annual_mcu_usage_wan=checked.fields["annual_mcu_usage_wan"],
    )
    return lifecycle.imported(
        customer,
        agent_id=agent_id,
        contact_user_id=checked.fields["contact_user_id"],
        rules=rules,
        until=checked.fields["protection_until"],
    )
