"""Registrations as the caller may see them: the conflicts found at application time are told
per caller (another agent's customers without their names, unless the names match)."""

from api.authz.principal import Principal
from api.identity.disclosure import shown_records
from api.registrations.models import Registration
from api.registrations.schemas import RegistrationPublic


def public(
    principal: Principal, registration: Registration, warnings: list[str] | None = None
) -> RegistrationPublic:
    view = RegistrationPublic.model_validate(registration)
    return view.model_copy(
        update={
            "conflicts": shown_records(principal, registration.conflicts),
            "warnings": warnings or [],
        }
    )
