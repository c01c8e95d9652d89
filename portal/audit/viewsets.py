"""The "Jejak audit" screen in the Wagtail admin: search and read, never add, change or delete."""

import json

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from portal.readonly_admin import ReadOnlyViewSetMixin

from .filters import AuditEntryFilterSet
from .models import AuditEntry


class AuditEntryInspectView(InspectView):
    """One entry: its time in WIB (Wagtail would print UTC here) and its detail as readable JSON."""

    def get_created_at_display_value(self):
        return formats.date_format(timezone.localtime(self.object.created_at), "j F Y H:i:s")

    def get_detail_display_value(self):
        return json.dumps(self.object.detail, ensure_ascii=False, sort_keys=True) if self.object.detail else "-"


class AuditEntryViewSet(ReadOnlyViewSetMixin, ModelViewSet):
    model = AuditEntry
    name = "jejak-audit"
    icon = "history"
    menu_label = _("Jejak audit")
    menu_order = 900
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    # Not in Wagtail's reference index: an entry is not a "usage" of the employee it names, and
    # indexing it would cost every audited page several queries.
    add_to_reference_index = False
    inspect_view_class = AuditEntryInspectView
    filterset_class = AuditEntryFilterSet
    list_per_page = 50
    list_display = [
        "created_at",  # the first column links to the entry
        Column("actor_label", label=_("Pelaku")),
        Column("get_action_display", label=_("Tindakan")),
        Column("label", label=_("Data")),
        Column("subject_label", label=_("Pegawai")),
        Column("object_ref", label=_("Objek")),
        Column("ip", label=_("Alamat IP")),
    ]
    inspect_view_fields = [
        "created_at",
        "actor_label",
        "action",
        "what",
        "label",
        "subject_label",
        "object_ref",
        "detail",
        "token",
        "ip",
        "path",
    ]
