"""The shell's own data: only the mark that `seed_demo` made this database."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoDatabase(models.Model):
    """Marks a database that `seed_demo` filled (its accounts share a public password).

    `seed_demo` runs again only on a database that carries this mark or has no people at all, so
    it can never add the demo accounts to a real register by accident. One row at most.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("basis data demo")
        verbose_name_plural = _("basis data demo")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="demo_database_single_row")]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


from .outbox.models import QueuedTask  # noqa: E402, F401 - the outbox's model belongs to this app
