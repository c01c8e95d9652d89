"""Writes of learning outside the portal: recording an activity, and its verification or rejection
by the employee's supervisor or HR. Only a verified activity counts toward JP (see courses.ledger)
and closes gaps (through the competency app's services)."""

import datetime
import uuid
from collections.abc import Iterable
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from competency.services import development_completion_apply
from portal import stored_text
from portal.notifications.models import Kind
from portal.notifications.services import Draft, notify_many

from .. import kinds
from ..folding import folded
from ..models import ExternalActivity

MAX_JP = 500


def _jp(*, jp: int | None, minutes: int | None) -> int:
    if jp is None and minutes is None:
        raise ValidationError(_("Isi jumlah JP atau jumlah jam."), code="jp_missing")
    value = jp if jp is not None else kinds.jp_from_minutes(minutes)
    if not 1 <= value <= MAX_JP:
        raise ValidationError(
            _("JP harus antara 1 dan %(max)s (satu JP = 45 menit).") % {"max": MAX_JP}, code="jp_range"
        )
    return value


def _check(*, kind: str, starts_on: datetime.date, ends_on: datetime.date, today) -> None:
    if kind not in kinds.CODES:
        raise ValidationError(_("Bentuk pengembangan tidak dikenal."), code="kind")
    if ends_on < starts_on:
        raise ValidationError(_("Tanggal selesai tidak boleh sebelum tanggal mulai."), code="dates")
    if ends_on > today:
        raise ValidationError(_("Catat kegiatan setelah selesai: tanggal selesai masih di masa depan."), code="future")


def duplicate_of(*, employee_id: int, title: str, organiser: str, starts_on, ends_on) -> ExternalActivity | None:
    """The employee's record of the same activity that is not rejected, if any."""
    return (
        ExternalActivity.objects.exclude(status=ExternalActivity.Status.REJECTED)
        .filter(
            employee_id=employee_id,
            title_key=folded(title),
            organiser_key=folded(organiser),
            starts_on=starts_on,
            ends_on=ends_on,
        )
        .first()
    )


def activity_record(
    *,
    employee,
    kind: str,
    title: str,
    organiser: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    jp: int | None = None,
    minutes: int | None = None,
    competency_ids: Iterable[int] = (),
    proof=None,
    plan_item=None,
    certificate_number: str = "",
    certificate_date: datetime.date | None = None,
    today=None,
) -> ExternalActivity:
    """An employee's record of an activity, waiting for their supervisor (told once) or HR."""
    today = today or timezone.localdate()
    _check(kind=kind, starts_on=starts_on, ends_on=ends_on, today=today)
    if certificate_date is not None and not starts_on <= certificate_date <= today:
        raise ValidationError(
            _("Tanggal sertifikat harus di antara tanggal mulai kegiatan dan hari ini."), code="certificate_date"
        )
    if plan_item is not None and plan_item.plan.employee_id != employee.pk:
        raise ValidationError(_("Kegiatan rencana ini bukan milik Anda."), code="plan_item")
    activity = ExternalActivity(
        employee=employee,
        kind=kind,
        title=title.strip(),
        organiser=organiser.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        jp=_jp(jp=jp, minutes=minutes),
        minutes=minutes,
        title_key=folded(title),
        organiser_key=folded(organiser),
        plan_item=plan_item,
        certificate_number=certificate_number.strip(),
        certificate_date=certificate_date,
    )
    if duplicate_of(employee_id=employee.pk, title=title, organiser=organiser, starts_on=starts_on, ends_on=ends_on):
        raise ValidationError(
            _("Kegiatan ini (nama, penyelenggara dan tanggal yang sama) sudah Anda catat."), code="duplicate"
        )
    try:
        with transaction.atomic():
            if proof is not None:
                # A name that says nothing of the person or of the file's own name.
                name = f"{uuid.uuid4().hex}{PurePath(proof.name).suffix.lower()}"
                activity.proof.save(name, proof, save=False)
            activity.save()
            activity.competencies.set(list(competency_ids))
            _tell_verifier(activity)
    except IntegrityError:  # the same activity recorded at the same moment (a double click)
        if activity.proof:
            activity.proof.delete(save=False)
        raise ValidationError(
            _("Kegiatan ini (nama, penyelenggara dan tanggal yang sama) sudah Anda catat."), code="duplicate"
        ) from None
    return activity


def _tell_verifier(activity: ExternalActivity) -> None:
    supervisor = activity.employee.supervisor
    if supervisor is None or not supervisor.user_id:
        return  # HR sees every record waiting in its list
    notify_many(
        drafts=[
            Draft(
                user_id=supervisor.user_id,
                kind=Kind.EXTERNAL_PENDING,
                key=f"external:{activity.pk}",
                title=stored_text.source(
                    gettext_noop("%(name)s mencatat pengembangan: %(title)s (%(jp)s JP)"),
                    name=activity.employee.name,
                    title=activity.title,
                    jp=activity.jp,
                ),
                body=stored_text.source(gettext_noop("Periksa buktinya, lalu verifikasi atau tolak dengan alasan.")),
                url=reverse("external_verify_list"),
            )
        ]
    )


def _pending_for_update(activity: ExternalActivity) -> ExternalActivity:
    locked = ExternalActivity.objects.select_for_update().select_related("employee").get(pk=activity.pk)
    if locked.status != ExternalActivity.Status.PENDING:
        raise ValidationError(_("Catatan ini sudah diputuskan."), code="decided")
    return locked


@transaction.atomic
def activity_verify(*, activity: ExternalActivity, by, now=None) -> int:
    """Verify: it counts toward JP from now on, and closes the gaps it meets in the competencies it
    names. The employee is told. Returns how many gaps closed."""
    activity = _pending_for_update(activity)
    activity.status = ExternalActivity.Status.VERIFIED
    activity.decided_by = by
    activity.decided_at = now or timezone.now()
    activity.save(update_fields=["status", "decided_by", "decided_at"])
    closed = development_completion_apply(
        employee_id=activity.employee_id,
        competency_ids=list(activity.competencies.values_list("pk", flat=True)),
        title=activity.title,
        completed_on=activity.ends_on,
    )
    notify_verified([activity])
    return closed


def notify_verified(activities: list[ExternalActivity]) -> None:
    """Tell each employee that their activity was verified and counts (once per activity)."""
    notify_many(
        drafts=[
            _draft(
                activity,
                Kind.EXTERNAL_VERIFIED,
                gettext_noop("Pengembangan diverifikasi: %(title)s (%(jp)s JP)"),
                body=stored_text.source(
                    gettext_noop("JP-nya kini dihitung untuk tahun %(year)s."), year=activity.jp_year
                ),
            )
            for activity in activities
            if activity.employee.user_id
        ]
    )


@transaction.atomic
def activity_reject(*, activity: ExternalActivity, by, reason: str, now=None) -> None:
    """Reject with a reason the employee sees; they may record the activity again with better proof."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Tulis alasan penolakan; pegawai akan membacanya."), code="reason")
    activity = _pending_for_update(activity)
    activity.status = ExternalActivity.Status.REJECTED
    activity.decided_by = by
    activity.decided_at = now or timezone.now()
    activity.rejection_reason = reason[:500]
    activity.save(update_fields=["status", "decided_by", "decided_at", "rejection_reason"])
    if activity.employee.user_id:
        draft = _draft(
            activity,
            Kind.EXTERNAL_REJECTED,
            gettext_noop("Pengembangan ditolak: %(title)s"),
            body=stored_text.source(gettext_noop("Alasan: %(reason)s"), reason=activity.rejection_reason),
        )
        notify_many(drafts=[draft])


def _draft(activity: ExternalActivity, kind: str, title: str, *, body) -> Draft:
    return Draft(
        user_id=activity.employee.user_id,
        kind=kind,
        key=f"external:{activity.pk}",
        title=stored_text.source(title, title=activity.title, jp=activity.jp),
        body=body,
        url=reverse("external_list"),
    )
