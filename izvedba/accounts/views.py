"""The "my account" page: the user's roles and API tokens, creating and revoking tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from izvedba.accounts.forms import TokenCreateForm
from izvedba.accounts.models import ApiToken, User
from izvedba.accounts.services import token_issue, token_revoke


class AuthenticatedHttpRequest(HttpRequest):
    user: User


@login_required
def account(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _render_account(request, TokenCreateForm())


@never_cache
@require_POST
@login_required
def token_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = TokenCreateForm(request.POST)
    if not form.is_valid():
        return _render_account(request, form, status=400)
    try:
        token, key = token_issue(user=request.user, name=form.cleaned_data["name"])
    except ValidationError as exc:
        form.add_error("name", exc)
        return _render_account(request, form, status=400)
    return render(request, "accounts/token_created.html", {"token": token, "key": key})


@require_POST
@login_required
def token_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    try:
        token = token_revoke(user=request.user, token_id=pk)
    except ApiToken.DoesNotExist:
        raise Http404 from None
    messages.success(request, _("Token %(prefix)s… revoked: it no longer opens the API.") % {"prefix": token.prefix})
    return redirect("account")


def _render_account(request: AuthenticatedHttpRequest, form: TokenCreateForm, status: int = 200) -> HttpResponse:
    user = request.user
    context = {
        "roles": user.roles.select_related("plan", "organisation", "region").order_by("role", "pk"),
        "tokens": user.api_tokens.order_by("-created_at", "-pk"),
        "form": form,
    }
    return render(request, "accounts/account.html", context, status=status)
