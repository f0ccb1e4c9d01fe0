"""The people list (人员) as a file: accounts, never their passwords or tokens."""

from api.exporting import Column, Sheet
from api.users.schemas import UserPublic

USERS: Sheet[UserPublic] = Sheet(
    "people",
    [
        Column("用户名", "Username", lambda u: u.username),
        Column("姓名", "Name", lambda u: u.display_name),
        Column("角色", "Role", lambda u: u.role),
        Column("代理商", "Agent", lambda u: u.agent and u.agent.name),
        Column("邮箱", "Email", lambda u: u.email),
        Column("电话", "Phone", lambda u: u.phone),
        Column("启用", "Active", lambda u: u.is_active),
        Column("待首次登录改密", "Must change password", lambda u: u.must_change_password),
        Column("最近登录", "Last sign-in", lambda u: u.last_login_at),
        Column("创建时间", "Created at", lambda u: u.created_at),
    ],
)
