"""Under /racun/: the account page, API tokens, and Django's login, logout and password views (same URL names).

The names stay un-namespaced (`login`, `logout`, `password_change`, …) because settings.LOGIN_URL and templates
use them as Django's `django.contrib.auth.urls` defines them.
"""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import URLPattern, path

from izvedba.accounts import views
from izvedba.accounts.forms import ThrottledAuthenticationForm

urlpatterns: list[URLPattern] = [
    path("", views.account, name="account"),
    path("zetoni/", views.token_create, name="token-create"),
    path("zetoni/<int:pk>/preklic/", views.token_delete, name="token-revoke"),
    path("login/", auth_views.LoginView.as_view(authentication_form=ThrottledAuthenticationForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password_change/",
        auth_views.PasswordChangeView.as_view(template_name="accounts/password_change_form.html"),
        name="password_change",
    ),
    path(
        "password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(template_name="accounts/password_reset_form.html"),
        name="password_reset",
    ),
    path(
        "password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(template_name="accounts/password_reset_confirm.html"),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
