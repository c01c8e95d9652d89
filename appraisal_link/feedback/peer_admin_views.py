"""HR's page of a peer round in the admin: how far each unit has come (counts only, never who rates
whom or who answered), enrolling the units' people, and publishing the results once it has closed."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.people.admin_access import hr_required

from .models import PeerRound
from .peer import MIN_RATERS, peer_round_open, peer_round_publish
from .peer_progress import peer_round_progress


def _can_publish(round_: PeerRound, today) -> bool:
    """Results go out only after the last day raters may answer."""
    return round_.closes_on < today


@hr_required
def round_detail_view(request, pk: int):
    round_ = get_object_or_404(PeerRound.objects.prefetch_related("units"), pk=pk)
    units, total = peer_round_progress(round_=round_)
    today = timezone.localdate()
    context = {
        "round": round_,
        "units": units,
        "total": total,
        "min_raters": MIN_RATERS,
        "is_open": round_.is_open(today),
        "can_publish": _can_publish(round_, today),
    }
    return TemplateResponse(request, "feedback/peer_admin/round.html", context)


@require_POST
@hr_required
def round_open_view(request, pk: int):
    """Enrol the units' active people (again, to add those who joined since); idempotent."""
    round_ = get_object_or_404(PeerRound, pk=pk)
    if round_.results_published_at is not None:
        messages.error(request, _("Hasil putaran ini sudah diterbitkan; peserta tidak dapat ditambah lagi."))
        return redirect("peer_round_detail", pk=round_.pk)
    added = peer_round_open(round_=round_)
    messages.success(
        request, _("%(count)s pegawai ditambahkan ke putaran %(round)s.") % {"count": added, "round": round_.name}
    )
    return redirect("peer_round_detail", pk=round_.pk)


@require_POST
@hr_required
def round_publish_view(request, pk: int):
    round_ = get_object_or_404(PeerRound, pk=pk)
    if not _can_publish(round_, timezone.localdate()):
        messages.error(
            request,
            _("Hasil baru dapat diterbitkan setelah putaran ditutup (%(date)s).")
            % {"date": formats.date_format(round_.closes_on, "j F Y")},
        )
        return redirect("peer_round_detail", pk=round_.pk)
    result = peer_round_publish(round_=round_)
    messages.success(
        request,
        _("Hasil putaran %(round)s diterbitkan: %(results)s pegawai mendapat hasil, %(opened)s kesenjangan dibuka.")
        % {"round": round_.name, "results": result["results"], "opened": result["opened"]},
    )
    return redirect("peer_round_detail", pk=round_.pk)
