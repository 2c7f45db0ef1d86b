from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Model
from django.utils.translation import gettext_lazy as _


class ChangeQuerySet(models.QuerySet["Change"]):
    def for_object(self, obj: Model) -> ChangeQuerySet:
        content_type = ContentType.objects.get_for_model(obj)
        return self.filter(content_type=content_type, object_id=obj.pk).select_related("user")


class Change(models.Model):
    """One recorded change to a plan, measure, round or report: who, when, what, old and new values.

    `changes` maps a field name to {"old": …, "new": …} (JSON values, as shown); `action` says what kind of
    change it was; `comment` carries a reviewer's note or a reason. Rows are written only by
    izvedba.history.services.change_record, never updated.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        TRANSITION = "transition", _("status changed")
        IMPORT = "import", _("imported")
        DELETE = "delete", _("deleted")

    content_type = models.ForeignKey(ContentType, models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    object_repr = models.CharField(_("object"), max_length=300)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("user")
    )
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    objects = ChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"], name="history_change_object")]

    def __str__(self) -> str:
        return f"{self.object_repr}: {self.get_action_display()}"
