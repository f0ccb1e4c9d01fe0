from typing import Annotated

from fastapi import Depends, Query, Request, Response, status

from api.auth.schemas import Credentials
from api.authz.principal import CurrentPrincipal, PendingPrincipal
from api.authz.roles import Role
from api.authz.routers import pending_router, protected_router
from api.db import AsyncSession, Session
from api.exporting import DOWNLOADS, answer_page
from api.kit.errors import error_responses
from api.kit.export import ExportFormat
from api.kit.ids import RowId
from api.kit.pagination import Page, PageParams, page_params
from api.users import exports, repository, service
from api.users.schemas import ProfileUpdate, UserCreate, UserCreated, UserPublic, UserUpdate

router = protected_router("users")
me_router = pending_router("me")

ERRORS = error_responses(403, 404, 409)


@me_router.get("/me")
async def read_me(session: Session, principal: PendingPrincipal) -> UserPublic:
    """The signed-in user, with role and agent."""
    return UserPublic.model_validate(
        await repository.get_visible(session, principal, principal.user_id)
    )


@me_router.patch("/me", responses=ERRORS)
async def update_me(
    body: ProfileUpdate, session: Session, principal: PendingPrincipal
) -> UserPublic:
    """Change one's own display name, email or phone."""
    await service.update_profile(session, principal, body)
    return await read_me(session, principal)


@router.get("/users", response_model=Page[UserPublic], responses=DOWNLOADS)
async def list_users(
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    search: Annotated[str | None, Query(max_length=100)] = None,
    role: Role | None = None,
    agent_id: RowId | None = None,
    is_active: bool | None = None,
    sort: Annotated[
        str | None, Query(max_length=30, description="e.g. username, -created_at")
    ] = None,
    format: ExportFormat = "json",
) -> Page[UserPublic] | Response:
    """People the caller may see, searchable and paged; or all of them as .xlsx or CSV."""

    async def fetch(db: AsyncSession, page: PageParams) -> Page[UserPublic]:
        users, total = await repository.list_users(
            db,
            principal,
            page,
            search=search,
            role=role,
            agent_id=agent_id,
            is_active=is_active,
            sort=sort,
        )
        return Page(items=[UserPublic.model_validate(u) for u in users], total=total)

    return await answer_page(request, session, page, format, exports.USERS, fetch)


@router.post("/users", status_code=status.HTTP_201_CREATED, responses=ERRORS)
async def create_user(
    body: UserCreate, session: Session, principal: CurrentPrincipal
) -> UserCreated:
    """Create an account; the one-time password and link are shown only in this answer."""
    user, credentials = await service.create_user(session, principal, body)
    return UserCreated(user=UserPublic.model_validate(user), credentials=credentials)


@router.get("/users/{user_id}", responses=ERRORS)
async def read_user(user_id: RowId, session: Session, principal: CurrentPrincipal) -> UserPublic:
    """One account the caller may see."""
    return UserPublic.model_validate(await repository.get_visible(session, principal, user_id))


@router.patch("/users/{user_id}", responses=ERRORS)
async def update_user(
    user_id: RowId, body: UserUpdate, session: Session, principal: CurrentPrincipal
) -> UserPublic:
    """Edit an account the caller manages."""
    return UserPublic.model_validate(await service.update_user(session, principal, user_id, body))


@router.post("/users/{user_id}/deactivate", responses=ERRORS)
async def deactivate_user(
    user_id: RowId, session: Session, principal: CurrentPrincipal
) -> UserPublic:
    """Deactivate an account: it can no longer sign in."""
    return UserPublic.model_validate(await service.set_active(session, principal, user_id, False))


@router.post("/users/{user_id}/reactivate", responses=ERRORS)
async def reactivate_user(
    user_id: RowId, session: Session, principal: CurrentPrincipal
) -> UserPublic:
    """Reactivate a deactivated account."""
    return UserPublic.model_validate(await service.set_active(session, principal, user_id, True))


@router.post("/users/{user_id}/reset-password", responses=ERRORS)
async def reset_password(
    user_id: RowId, session: Session, principal: CurrentPrincipal
) -> Credentials:
    """Issue new one-time credentials; shown only in this answer."""
    return await service.reset_password(session, principal, user_id)
