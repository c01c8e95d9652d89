"""The search form of the audit trail: by actor, subject, data, action and date range."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from .models import AuditAction, AuditEntry
from .rules import audit_rules


def what_choices():
    """The data keys the registered views record, with their labels (sorted by key)."""
    labels = {rule.what: rule.label for rule in audit_rules().values()}
    return [(what, f"{labels[what]} ({what})") for what in sorted(labels)]


class AuditEntryFilterSet(WagtailFilterSet):
    actor = django_filters.CharFilter(label=_("Pelaku (nama pengguna/NIP atau nama)"), method="filter_actor")
    subject = django_filters.CharFilter(label=_("Pegawai yang datanya dibuka (NIP atau nama)"), method="filter_subject")
    what = django_filters.ChoiceFilter(label=_("Data"), choices=what_choices)
    action = django_filters.ChoiceFilter(label=_("Tindakan"), choices=AuditAction.choices)
    created_at = django_filters.DateFromToRangeFilter(label=_("Tanggal"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditEntry
        fields = []

    def filter_actor(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        # The label kept at the time ("Nama (username)") still finds a user who has since gone.
        return queryset.filter(Q(actor__username=value) | Q(actor_label__icontains=value))

    def filter_subject(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(subject_employee__nip=value) | Q(subject_label__icontains=value))
