"""The site's peer (360°) feedback pages: a rater's tasks and form, a supervisor's choice of raters,
an employee's results. Someone else's task or review is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from portal.people.access import employee_or_404

from ..models import Rating
from .berakhlak import VALUES
from .models import PeerRater, PeerReview
from .peer import (
    COMMENT_MAX,
    MAX_RATERS,
    MIN_RATERS,
    colleagues_in,
    peer_answer_submit,
    peer_raters_propose,
    peer_raters_set,
    peer_results,
)


def _me(request):
    return employee_or_404(request.user)


@login_required
def peer_home_view(request):
    """My rating tasks (open rounds), and my own results of published rounds."""
    me = _me(request)
    today = timezone.localdate()
    tasks = list(
        PeerRater.objects.filter(rater=me, review__round__results_published_at__isnull=True)
        .select_related("review__employee", "review__round")
        .order_by("answered_at", "review__round__closes_on")
    )
    mine = list(
        PeerReview.objects.filter(employee=me)
        .select_related("round")
        .prefetch_related("proposed")
        .order_by("-round__opens_on")
    )
    results = peer_results(reviews=mine)
    for review in mine:
        review.result = results.get(review.pk)
    proposing = [review for review in mine if review.round.is_open(today)]
    colleagues = [c for c in colleagues_in(unit_id=me.unit_id) if c.pk != me.pk] if proposing else []
    context = {
        "tasks": [task for task in tasks if task.review.round.is_open(today) or task.answered_at],
        "reviews": mine,
        "proposing": [(review, {c.pk for c in review.proposed.all()}) for review in proposing],
        "colleagues": colleagues,
        "minimum": MIN_RATERS,
        "max": MAX_RATERS,
    }
    return TemplateResponse(request, "feedback/peer/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def peer_rate_view(request, task_id: int):
    me = _me(request)
    task = get_object_or_404(
        PeerRater.objects.select_related("review__employee", "review__round"), pk=task_id, rater=me
    )
    ratings = {code: request.POST.get(code, "") for code, _label, _behaviours in VALUES}
    comment = request.POST.get("komentar", "")
    problem, status = "", 200
    if task.answered_at:
        problem = "answered"
    elif not task.review.round.is_open(timezone.localdate()):
        problem = "closed"
    elif request.method == "POST":
        try:
            peer_answer_submit(task=task, ratings=ratings, comment=comment)
        except ValidationError as error:
            problem, status = error.messages[0], 400
        else:
            messages.success(request, _("Terima kasih, penilaian Anda tersimpan tanpa nama."))
            return redirect("peer_home")
    context = {
        "task": task,
        "values": VALUES,
        "choices": [(rating.value, rating.label) for rating in (Rating.BELOW, Rating.MEETS, Rating.ABOVE)],
        "ratings": ratings,
        "comment": comment,
        "comment_max": COMMENT_MAX,
        "problem": problem,
    }
    return TemplateResponse(request, "feedback/peer/rate.html", context, status=status)


@login_required
def peer_team_view(request):
    """A supervisor's direct reports in open rounds, with the raters chosen so far."""
    me = _me(request)
    today = timezone.localdate()
    reviews = [
        review
        for review in PeerReview.objects.filter(employee__supervisor=me, round__results_published_at__isnull=True)
        .select_related("employee__unit", "round")
        .prefetch_related("raters__rater", "proposed")
        .order_by("round__closes_on", "employee__name")
        if review.round.is_open(today)
    ]
    colleagues = {}  # unit → its active people (one query per unit of the supervisor's reports)
    for review in reviews:
        if review.employee.unit_id not in colleagues:
            colleagues[review.employee.unit_id] = list(colleagues_in(unit_id=review.employee.unit_id))
    rows = [
        (
            review,
            [c for c in colleagues[review.employee.unit_id] if c.pk != review.employee_id],
            {c.pk for c in review.proposed.all()},
            {rater.rater_id: rater for rater in review.raters.all()},
        )
        for review in reviews
    ]
    context = {"rows": rows, "min": MIN_RATERS, "max": MAX_RATERS}
    return TemplateResponse(request, "feedback/peer/team.html", context)


@login_required
@require_POST
def peer_raters_view(request, review_id: int):
    me = _me(request)
    review = get_object_or_404(
        PeerReview.objects.select_related("employee", "round"), pk=review_id, employee__supervisor=me
    )
    ids = [value for value in request.POST.getlist("penilai") if value.isdigit()]
    try:
        raters = peer_raters_set(review=review, rater_ids=[int(pk) for pk in ids])
    except ValidationError as error:
        messages.error(
            request, _("%(name)s: %(problem)s") % {"name": review.employee.name, "problem": error.messages[0]}
        )
    else:
        text = ngettext(
            "%(name)s: %(count)s rekan penilai dipilih dan diundang.",
            "%(name)s: %(count)s rekan penilai dipilih dan diundang.",
            len(raters),
        )
        messages.success(request, text % {"name": review.employee.name, "count": len(raters)})
    return redirect("peer_team")


@login_required
@require_POST
def peer_propose_view(request, review_id: int):
    """The employee proposes colleagues to rate them; their supervisor decides."""
    me = _me(request)
    review = get_object_or_404(
        PeerReview.objects.select_related("employee__supervisor", "round"), pk=review_id, employee=me
    )
    ids = [int(value) for value in request.POST.getlist("usulan") if value.isdigit()]
    try:
        proposed = peer_raters_propose(review=review, colleague_ids=ids)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if proposed:
            messages.success(request, _("Usulan Anda terkirim ke atasan. Atasan yang memilih rekan penilai."))
        else:
            messages.success(request, _("Usulan rekan penilai dikosongkan."))
    return redirect("peer_home")
