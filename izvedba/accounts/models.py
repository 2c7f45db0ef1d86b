from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The project's user, custom from the first migration so roles can be added without pain."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
