"""Peer (360°) feedback: HR opens a round for some units, each supervisor picks 3–5 colleagues to
rate each of their people, the colleagues rate the seven BerAKHLAK values, and once HR publishes the
round the results reach the employee and their supervisor. Anonymity: a result shows only from
MIN_RATERS answers, comments come without names in shuffled order, and a ballot keeps nothing that
leads back to its rater (HR sees completion counts only). A value most raters put below expectation
opens a gap through the same weak-area mapping as appraisals (source "rekan")."""

import datetime
import random
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from competency.models import Gap
from competency.services import observed_gaps_open
from portal import stored_text
from portal.notifications.models import Kind
from portal.notifications.services import Draft, notify_many
from portal.people.models import Employee

from ..models import Rating
from ..services.observed_gaps import ObservedGaps
from .berakhlak import VALUES
from .models import PeerBallot, PeerRater, PeerReview, PeerRound

MIN_RATERS, MAX_RATERS = 3, 5
COMMENT_MAX = 1000
VALUE_CODES = tuple(code for code, _label, _behaviours in VALUES)
DEADLINE_DAYS = 2  # raters who have not answered are reminded this many days before the round closes


def _participants(round_: PeerRound):
    units = list(round_.units.values_list("pk", flat=True))
    return Employee.objects.filter(Q(unit_id__in=units) | Q(unit__parent_id__in=units), is_active=True)


@transaction.atomic
def peer_round_open(*, round_: PeerRound) -> int:
    """Enrol every active employee of the round's units (and their direct sub-units); idempotent.
    Returns how many were added."""
    existing = set(round_.reviews.values_list("employee_id", flat=True))
    new = [PeerReview(round=round_, employee_id=pk) for pk in _participants(round_).values_list("pk", flat=True)]
    new = [review for review in new if review.employee_id not in existing]
    PeerReview.objects.bulk_create(new, ignore_conflicts=True)
    _announce(round_)
    return len(new)


def _announce(round_: PeerRound) -> None:
    """Tell the round's people that they may propose raters, and their supervisors that they pick
    them; once each per round, so enrolling again tells only those who joined since."""
    people = round_.reviews.filter(employee__user__isnull=False).values_list(
        "employee__user_id", "employee__supervisor__user_id"
    )
    closes = stored_text.date(round_.closes_on)
    drafts = []
    for user_id, supervisor_user_id in people:
        drafts.append(
            Draft(
                user_id=user_id,
                kind=Kind.PEER_ROUND_OPENED,
                key=f"peer-round:{round_.pk}",
                title=stored_text.source(gettext_noop("Putaran umpan balik rekan %(round)s dibuka"), round=round_.name),
                body=stored_text.source(
                    gettext_noop("Anda boleh mengusulkan rekan penilai kepada atasan sampai %(date)s."), date=closes
                ),
                url=reverse("peer_home"),
            )
        )
        if supervisor_user_id:
            drafts.append(
                Draft(
                    user_id=supervisor_user_id,
                    kind=Kind.PEER_ROUND_OPENED,
                    key=f"peer-round-team:{round_.pk}",
                    title=stored_text.source(
                        gettext_noop("Pilih rekan penilai untuk tim Anda (putaran %(round)s)"), round=round_.name
                    ),
                    body=stored_text.source(gettext_noop("Putaran ditutup %(date)s."), date=closes),
                    url=reverse("peer_team"),
                )
            )
    notify_many(drafts=drafts)


def colleagues_in(*, unit_id: int):
    """The colleagues a supervisor may pick for someone of this unit: its active people (the view
    leaves out the employee themselves)."""
    return Employee.objects.filter(unit_id=unit_id, is_active=True).select_related("position").order_by("name")


@transaction.atomic
def peer_raters_set(*, review: PeerReview, rater_ids: list[int], today=None) -> list[PeerRater]:
    """The supervisor's choice of raters (3–5 colleagues, not the employee): those who have not
    answered yet are replaced, those who have are kept; each new rater is invited once."""
    today = today or timezone.localdate()
    if not review.round.is_open(today):
        raise ValidationError(_("Putaran ini tidak sedang dibuka."), code="round_closed")
    ids = list(dict.fromkeys(int(pk) for pk in rater_ids))
    if review.employee_id in ids:
        raise ValidationError(_("Seseorang tidak dapat menilai dirinya sendiri."), code="self")
    answered = set(review.raters.filter(answered_at__isnull=False).values_list("rater_id", flat=True))
    chosen = set(ids) | answered
    if not MIN_RATERS <= len(chosen) <= MAX_RATERS:
        raise ValidationError(
            _("Pilih %(min)s sampai %(max)s rekan penilai.") % {"min": MIN_RATERS, "max": MAX_RATERS}, code="count"
        )
    found = set(Employee.objects.filter(pk__in=ids, is_active=True).values_list("pk", flat=True))
    if found != set(ids):
        raise ValidationError(_("Ada penilai yang tidak dikenal atau tidak aktif."), code="unknown")
    review.raters.filter(answered_at__isnull=True).exclude(rater_id__in=ids).delete()
    have = set(review.raters.values_list("rater_id", flat=True))
    PeerRater.objects.bulk_create([PeerRater(review=review, rater_id=pk) for pk in ids if pk not in have])
    raters = list(review.raters.select_related("rater"))
    _invite(review, [rater for rater in raters if rater.answered_at is None])
    return raters


@transaction.atomic
def peer_raters_propose(*, review: PeerReview, colleague_ids: list[int], today=None) -> list[int]:
    """The employee's own proposal of colleagues to rate them (none to MAX_RATERS, from their unit);
    the supervisor sees it beside the choice, which stays theirs. Told to the supervisor once per
    review. Returns the proposed ids."""
    today = today or timezone.localdate()
    if not review.round.is_open(today):
        raise ValidationError(_("Putaran ini tidak sedang dibuka."), code="round_closed")
    ids = list(dict.fromkeys(int(pk) for pk in colleague_ids))
    if review.employee_id in ids:
        raise ValidationError(_("Seseorang tidak dapat menilai dirinya sendiri."), code="self")
    if len(ids) > MAX_RATERS:
        raise ValidationError(_("Usulkan paling banyak %(max)s rekan.") % {"max": MAX_RATERS}, code="count")
    allowed = set(colleagues_in(unit_id=review.employee.unit_id).filter(pk__in=ids).values_list("pk", flat=True))
    if allowed != set(ids):
        raise ValidationError(_("Usulkan rekan dari unit kerja Anda sendiri."), code="unknown")
    review.proposed.set(ids)
    supervisor = review.employee.supervisor
    if ids and supervisor is not None and supervisor.user_id:
        notify_many(
            drafts=[
                Draft(
                    user_id=supervisor.user_id,
                    kind=Kind.PEER_PROPOSED,
                    key=f"peer-proposal:{review.pk}",
                    title=stored_text.source(
                        gettext_noop("%(name)s mengusulkan rekan penilai (putaran %(round)s)"),
                        name=review.employee.name,
                        round=review.round.name,
                    ),
                    url=reverse("peer_team"),
                )
            ]
        )
    return ids


def _invite(review: PeerReview, raters: list[PeerRater]) -> None:
    title = stored_text.source(
        gettext_noop("Mohon nilai rekan Anda, %(name)s (putaran %(round)s)"),
        name=review.employee.name,
        round=review.round.name,
    )
    body = stored_text.source(
        gettext_noop("Jawaban Anda tanpa nama. Putaran ditutup %(date)s."),
        date=stored_text.date(review.round.closes_on),
    )
    drafts = [
        Draft(
            user_id=rater.rater.user_id,
            kind=Kind.PEER_INVITED,
            key=f"peer-rater:{rater.pk}",
            title=title,
            body=body,
            url=reverse("peer_rate", args=[rater.pk]),
        )
        for rater in raters
        if rater.rater.user_id
    ]
    notify_many(drafts=drafts)


@transaction.atomic
def peer_answer_submit(*, task: PeerRater, ratings: dict[str, str], comment: str = "", today=None) -> PeerBallot:
    """Keep one colleague's answers apart from who gave them, and mark the task answered."""
    today = today or timezone.localdate()
    task = PeerRater.objects.select_for_update().select_related("review__round").get(pk=task.pk)
    if task.answered_at is not None:
        raise ValidationError(_("Anda sudah menilai rekan ini."), code="answered")
    if not task.review.round.is_open(today):
        raise ValidationError(_("Putaran ini sudah ditutup."), code="round_closed")
    valid = {rating.value for rating in Rating}
    if set(ratings) != set(VALUE_CODES) or not set(ratings.values()) <= valid:
        raise ValidationError(_("Nilai setiap dari tujuh nilai BerAKHLAK."), code="ratings")
    ballot = PeerBallot.objects.create(review=task.review, ratings=dict(ratings), comment=comment.strip()[:COMMENT_MAX])
    task.answered_at = timezone.now()
    task.save(update_fields=["answered_at"])
    return ballot


@dataclass
class PeerResult:
    """What a published round says of one employee: per value, how many raters put it below, at,
    and above expectation; the comments in shuffled order; the values most raters put below."""

    review: PeerReview
    answers: int
    counts: dict[str, Counter]
    comments: list[str]

    @property
    def rows(self) -> list[tuple[str, str, Counter]]:
        return [(code, label, self.counts[code]) for code, label, _behaviours in VALUES]

    @property
    def weak(self) -> list[str]:
        return [code for code in VALUE_CODES if self.counts[code][Rating.BELOW] * 2 > self.answers]


def peer_results(*, reviews: list[PeerReview]) -> dict[int, PeerResult]:
    """The results of published reviews with at least MIN_RATERS answers (one query for all)."""
    ballots: dict[int, list[PeerBallot]] = {}
    published = [review.pk for review in reviews if review.round.results_published_at]
    for ballot in PeerBallot.objects.filter(review_id__in=published).only("review_id", "ratings", "comment"):
        ballots.setdefault(ballot.review_id, []).append(ballot)
    results = {}
    for review in reviews:
        found = ballots.get(review.pk, [])
        if len(found) < MIN_RATERS:
            continue
        counts = {code: Counter(ballot.ratings.get(code) for ballot in found) for code in VALUE_CODES}
        comments = [ballot.comment for ballot in found if ballot.comment]
        random.SystemRandom().shuffle(comments)
        results[review.pk] = PeerResult(review, len(found), counts, comments)
    return results


@transaction.atomic
def peer_round_publish(*, round_: PeerRound) -> dict[str, int]:
    """Publish a closed round: results reach each employee and their supervisor (notified once), and
    values most raters put below expectation open gaps. Idempotent."""
    if round_.results_published_at is None:
        round_.results_published_at = timezone.now()
        round_.save(update_fields=["results_published_at"])
    reviews = list(round_.reviews.select_related("round", "employee__supervisor"))
    results = peer_results(reviews=reviews)
    opened = _open_gaps(round_, list(results.values()))
    _tell_results(round_, list(results.values()))
    return {"results": len(results), "opened": opened}


def _open_gaps(round_: PeerRound, results: list[PeerResult]) -> int:
    weak = [result for result in results if result.weak]
    planner = ObservedGaps(employees=[result.review.employee for result in weak], areas=VALUE_CODES)
    labels = {code: label for code, label, _behaviours in VALUES}
    gaps = []
    for result in weak:
        for code in result.weak:
            with translation.override(settings.LANGUAGE_CODE):
                value = stored_text.source(str(labels[code]))
            reason = stored_text.source(
                gettext_noop("umpan balik rekan, putaran %(round)s: %(value)s di bawah ekspektasi"),
                round=round_.name,
                value=value,
            )
            origin = f"rekan:{round_.name}:{code}"
            gaps += planner.gaps(result.review.employee, code, source=Gap.Source.PEER, origin=origin, reason=reason)
    existing = set(
        Gap.objects.filter(source=Gap.Source.PEER, origin__startswith=f"rekan:{round_.name}:").values_list(
            "employee_id", "competency_id", "origin"
        )
    )
    return observed_gaps_open(
        gaps=[gap for gap in gaps if (gap.employee_id, gap.competency_id, gap.origin) not in existing]
    )


def _tell_results(round_: PeerRound, results: list[PeerResult]) -> None:
    drafts = []
    for result in results:
        employee = result.review.employee
        title = stored_text.source(gettext_noop("Hasil umpan balik rekan putaran %(round)s"), round=round_.name)
        if employee.user_id:
            drafts.append(
                Draft(
                    user_id=employee.user_id,
                    kind=Kind.PEER_RESULTS,
                    key=f"peer-results:{result.review.pk}",
                    title=title,
                    url=reverse("peer_home"),
                )
            )
        supervisor = employee.supervisor
        if supervisor is not None and supervisor.user_id:
            about = stored_text.source(
                gettext_noop("Hasil umpan balik rekan untuk %(name)s (putaran %(round)s)"),
                name=employee.name,
                round=round_.name,
            )
            drafts.append(
                Draft(
                    user_id=supervisor.user_id,
                    kind=Kind.PEER_RESULTS,
                    key=f"peer-results-supervisor:{result.review.pk}",
                    title=about,
                    url=reverse("team_member", args=[employee.pk]),
                )
            )
    notify_many(drafts=drafts)


def peer_deadline_reminders(*, today=None) -> int:
    """Remind the raters who have not answered, DEADLINE_DAYS before their round closes; once each."""
    today = today or timezone.localdate()
    pending = PeerRater.objects.filter(
        answered_at__isnull=True,
        review__round__closes_on=today + datetime.timedelta(days=DEADLINE_DAYS),
        review__round__results_published_at__isnull=True,
        rater__user__isnull=False,
    ).select_related("review__employee", "review__round", "rater")
    drafts = [
        Draft(
            user_id=task.rater.user_id,
            kind=Kind.PEER_DEADLINE,
            key=f"peer-deadline:{task.pk}",
            title=stored_text.source(
                gettext_noop("Penilaian untuk %(name)s ditutup %(date)s"),
                name=task.review.employee.name,
                date=stored_text.date(task.review.round.closes_on),
            ),
            url=reverse("peer_rate", args=[task.pk]),
        )
        for task in pending
    ]
    return len(notify_many(drafts=drafts))


def published_reviews_of(*, employee) -> list[PeerReview]:
    """The employee's reviews of published rounds, newest first, each with `.result` (None under the
    minimum of answers); two queries."""
    reviews = list(
        PeerReview.objects.filter(employee=employee, round__results_published_at__isnull=False)
        .select_related("round")
        .order_by("-round__opens_on")
    )
    results = peer_results(reviews=reviews)
    for review in reviews:
        review.result = results.get(review.pk)
    return reviews
