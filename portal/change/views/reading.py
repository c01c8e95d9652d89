"""The thin view behind "Saya sudah membaca dan memahami" on a must-read article."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.people.access import employee_for

from ..models import ChangeArticlePage
from ..selectors.targeting import with_audience
from ..services.reading import acknowledgement_record


def moment_text(moment) -> str:
    """A time as people here read it: "28 November 2026 pukul 09.15 WIB"."""
    local = timezone.localtime(moment)
    return _("%(date)s pukul %(time)s %(zone)s") % {
        "date": date_format(local, "j F Y"),
        "time": local.strftime("%H.%M"),
        "zone": local.tzname(),
    }


@login_required
@require_POST
def acknowledge_view(request, article_id: int):
    employee = employee_for(request.user)
    # Another unit's article, a draft or an unknown id are all the same 404: nothing is disclosed.
    article = get_object_or_404(with_audience(ChangeArticlePage.objects.live(), employee), pk=article_id)
    if employee is None:
        messages.error(
            request, _("Akun Anda belum terhubung dengan data pegawai, sehingga belum dapat mengonfirmasi bacaan.")
        )
        return redirect(article.get_url(request))
    try:
        acknowledgement, created = acknowledgement_record(employee=employee, article=article)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        when = moment_text(acknowledgement.acknowledged_at)
        if created:
            messages.success(request, _("Terima kasih, konfirmasi Anda tercatat pada %(when)s.") % {"when": when})
        else:
            messages.info(request, _("Anda sudah mengonfirmasi artikel ini pada %(when)s.") % {"when": when})
    return redirect(article.get_url(request))


urlpatterns = [
    path("perubahan/aksi/baca/<int:article_id>/", acknowledge_view, name="acknowledge"),
]
