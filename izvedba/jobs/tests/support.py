"""Users for the jobs tests: the requester, someone else, an administrator."""

from __future__ import annotations

from izvedba.accounts.models import RoleAssignment, User

PASSWORD = "pw"


def make_user(username: str, *, admin: bool = False) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD)
    if admin:
        RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.ADMINISTRATOR)
    return user
