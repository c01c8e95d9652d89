"""HR's list of every record of learning outside the portal (read only): who, what, how many JP,
verified or not. Records are written by employees on the site and by HR's attendance import."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ExternalActivity


class ExternalActivityViewSet(ModelViewSet):
    model = ExternalActivity
    name = "pengembangan-luar"
    icon = "date"
    menu_label = _("Pengembangan di luar portal")
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "title",
        Column("employee", label=_("Pegawai")),
        "organiser",
        "ends_on",
        "jp",
        "status",
        "source",
    ]
    list_filter = ["status", "source", "kind"]
    search_fields = ["title", "organiser"]
    # HR may only read (its group has the view permission alone); a superuser's edit is the reason.
    form_fields = ["rejection_reason"]
    inspect_view_fields = [
        "employee",
        "kind",
        "title",
        "organiser",
        "starts_on",
        "ends_on",
        "jp",
        "minutes",
        "certificate_number",
        "certificate_date",
        "status",
        "source",
        "decided_by",
        "decided_at",
        "rejection_reason",
        "created_at",
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=ExternalActivity.objects.select_related("employee"), **kwargs)
