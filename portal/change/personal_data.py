"""An employee's own records in the change hub, for "my data" (/akun/data-saya/, UU 27/2022 art. 7).

Composed by the shell with the other apps' parts; every value is JSON-serialisable. Survey answers
are not part of it: they are stored without the person, so they cannot be found for anyone.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.people.models import Employee

from .models import Acknowledgement, EventRegistration, SurveyParticipation


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def personal_data_for(*, employee: Employee) -> dict:
    """The employee's must-read confirmations (title, time), event registrations (title, start,
    status, attended) and survey participations (round, date), oldest first (three queries)."""
    confirmations = Acknowledgement.objects.filter(employee=employee).select_related("article")
    registrations = EventRegistration.objects.filter(employee=employee).select_related("event")
    participations = SurveyParticipation.objects.filter(employee=employee).select_related("survey")
    return {
        "must_read_confirmations": [
            {"title": row.article.title, "confirmed_at": _iso(row.acknowledged_at)}
            for row in confirmations.order_by("acknowledged_at", "pk")
        ],
        "event_registrations": [
            {
                "title": row.event.title,
                "starts_at": _iso(row.event.starts_at),
                "status": _("dibatalkan") if row.cancelled_at else _("terdaftar"),
                "registered_at": _iso(row.registered_at),
                "cancelled_at": _iso(row.cancelled_at),
                "attended": row.attended,
            }
            for row in registrations.order_by("registered_at", "pk")
        ],
        "survey_participations": [
            {"round": row.survey.title, "answered_on": _iso(timezone.localdate(row.answered_at))}
            for row in participations.order_by("answered_at", "pk")
        ],
        "survey_answers": _(
            "Jawaban survei denyut disimpan tanpa nama dan tanpa tautan ke pegawai, sehingga tidak dapat "
            "ditemukan untuk siapa pun, termasuk untuk Anda. Yang tercatat atas nama Anda hanyalah "
            "keikutsertaan di atas."
        ),
    }
