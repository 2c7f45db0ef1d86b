"""Users with their roles, roles on their own, and API tokens (read-only: revoking one is deleting it).

No ContentAdminMixin here: accounts are not shown on public pages, so editing them does not change the content version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest

from izvedba.accounts.forms import ThrottledAdminAuthenticationForm
from izvedba.accounts.models import ApiToken, RoleAssignment, User
from izvedba.accounts.services import role_scope_problem

if TYPE_CHECKING:  # Django's admin and form classes are generic only in django-stubs.
    RoleInlineBase = admin.TabularInline[RoleAssignment, User]
    RoleFormBase = forms.ModelForm[RoleAssignment]
    RoleAdminBase = admin.ModelAdmin[RoleAssignment]
    TokenAdminBase = admin.ModelAdmin[ApiToken]
    UserAdminBase = DjangoUserAdmin[User]
else:
    RoleInlineBase = admin.TabularInline
    RoleFormBase = forms.ModelForm
    RoleAdminBase = TokenAdminBase = admin.ModelAdmin
    UserAdminBase = DjangoUserAdmin


# The admin's own login page would otherwise let anyone guess staff passwords without the site's throttling.
admin.site.login_form = ThrottledAdminAuthenticationForm


class RoleAssignmentForm(RoleFormBase):
    """Says which scope a role needs (or does not take) instead of naming the violated database constraint.

    The message goes on the role field: a field with an error is left out of the model's constraint checks, so
    "Constraint … is violated" does not follow the useful message.
    """

    class Meta:
        model = RoleAssignment
        fields = ("user", "role", "plan", "organisation", "region")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        role = cleaned.get("role")
        if role:
            problem = role_scope_problem(
                role=role,
                plan=cleaned.get("plan"),
                organisation=cleaned.get("organisation"),
                region=cleaned.get("region"),
            )
            if problem:
                self.add_error("role", forms.ValidationError(problem, code="role_scope"))
        return cleaned


class RoleAssignmentInline(RoleInlineBase):
    model = RoleAssignment
    form = RoleAssignmentForm
    fields = ("role", "plan", "organisation", "region")
    autocomplete_fields = ("plan", "organisation", "region")
    extra = 0


@admin.register(User)
class UserAdmin(UserAdminBase):
    inlines = (RoleAssignmentInline,)
    list_display = ("username", "email", "first_name", "last_name", "is_active", "is_staff", "is_superuser")


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(RoleAdminBase):
    form = RoleAssignmentForm
    list_display = ("user", "role", "plan", "organisation", "region", "created_at")
    list_filter = ("role", "plan")
    list_select_related = ("user", "plan", "organisation", "region")
    search_fields = ("user__username", "user__email", "organisation__acronym", "organisation__name", "plan__title")
    autocomplete_fields = ("user", "plan", "organisation", "region")


@admin.register(ApiToken)
class ApiTokenAdmin(TokenAdminBase):
    """Tokens are created by their users (or `create_user --token`); here they can only be looked at and revoked."""

    fields = ("user", "name", "prefix", "created_at", "last_used_at")
    readonly_fields = fields
    list_display = ("prefix", "user", "name", "created_at", "last_used_at")
    list_select_related = ("user",)
    search_fields = ("user__username", "name", "prefix")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False
