from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_variables

from izvedba.accounts.services import TOKEN_NAME_MAX
from izvedba.accounts.throttle import LoginThrottle

logger = logging.getLogger(__name__)


class ThrottledAuthenticationForm(AuthenticationForm):
    """The login form, refusing an attempt while its username (from this address, or at all) is locked out.

    The check comes before the password is tested, so a locked-out attempt is refused even with the right password
    and teaches a guesser nothing; wrong passwords and inactive accounts count as failures.
    """

    @sensitive_variables()
    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        if username is None or not self.cleaned_data.get("password"):
            return super().clean()
        throttle = LoginThrottle.for_attempt(self.request, username)
        minutes = throttle.wait_minutes()
        if minutes:
            logger.warning("Login refused: too many failed attempts for this account.")
            raise ValidationError(_throttled_message(minutes), code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            throttle.record_failure()
            raise
        throttle.record_success()
        return cleaned


class ThrottledAdminAuthenticationForm(ThrottledAuthenticationForm, AdminAuthenticationForm):
    """The admin site's login form, throttled the same way and with the same counts as the site's."""


def _throttled_message(minutes: int) -> str:
    return ngettext(
        "Too many failed login attempts for this account. Try again in %(minutes)d minute.",
        "Too many failed login attempts for this account. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=TOKEN_NAME_MAX,
        required=False,
        help_text=_("What the token is for, e.g. “monthly export script”, so you can tell your tokens apart."),
    )
