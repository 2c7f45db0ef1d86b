"""Django permissions from roles: an administrator (role) may do everything, in the admin site too.

Authentication stays with Django's ModelBackend; this backend only answers permission questions, so an account
created with `create_user --role administrator` (is_staff, not is_superuser) can use the admin site, and loses
that the moment the role is removed.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from izvedba.accounts.access import roles_of


class RolePermissionBackend(BaseBackend):
    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return roles_of(user_obj).admin

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return roles_of(user_obj).admin
