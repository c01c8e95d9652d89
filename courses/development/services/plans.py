"""Writes of the yearly development plan: the employee drafts it (items for their gaps or their own
goals: portal courses or activities outside it, a quarter and JP each), submits it when it reaches the
year's JP target, and their direct supervisor approves it or asks for changes with a note. An approved
plan is reopened only by the employee, and then needs approval again. Each step is told once."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from competency.models import Competency, Gap
from portal import rules, stored_text
from portal.notifications.models import Kind
from portal.notifications.services import Draft, notify_many

from .. import kinds
from ..models import DevelopmentPlan, PlanItem


def plan_for(*, employee, year: int) -> DevelopmentPlan:
    """The employee's plan for the year, created as a draft the first time it is asked for."""
    plan, _created = DevelopmentPlan.objects.get_or_create(employee=employee, year=year)
    return plan


def _editable(plan: DevelopmentPlan) -> DevelopmentPlan:
    locked = DevelopmentPlan.objects.select_for_update().get(pk=plan.pk)
    if not locked.editable:
        raise ValidationError(
            _("Rencana ini sedang diajukan atau sudah disetujui; buka lagi untuk mengubahnya."), code="locked"
        )
    return locked


@transaction.atomic
def plan_item_add(
    *,
    plan: DevelopmentPlan,
    quarter: int,
    jp: int | None = None,
    gap: Gap | None = None,
    competency: Competency | None = None,
    goal: str = "",
    course=None,
    activity_kind: str = "",
    activity_title: str = "",
) -> PlanItem:
    """Add one intended activity: a live portal course (its JP are the course's) or an activity
    outside the portal (kind, title and JP), for an open gap of the employee or their own goal."""
    plan = _editable(plan)
    activity_title = activity_title.strip()
    if (course is None) == (not activity_title):
        raise ValidationError(_("Pilih satu kursus portal atau tulis satu kegiatan di luar portal."), code="what")
    if course is not None and not course.live:
        raise ValidationError(_("Kursus ini belum terbit."), code="course")
    if activity_title and activity_kind not in kinds.CODES:
        raise ValidationError(_("Pilih bentuk kegiatan di luar portal."), code="kind")
    if gap is not None:
        if gap.employee_id != plan.employee_id or gap.status != Gap.Status.OPEN:
            raise ValidationError(_("Kesenjangan ini bukan milik Anda atau sudah tertutup."), code="gap")
        competency = gap.competency
    if gap is None and competency is None and not goal.strip():
        raise ValidationError(_("Pilih kesenjangan atau kompetensi, atau tulis tujuan Anda."), code="goal")
    jp = course.jp if course is not None else jp
    if not jp or not 1 <= jp <= 500:
        raise ValidationError(_("JP harus antara 1 dan 500."), code="jp")
    if quarter not in (1, 2, 3, 4):
        raise ValidationError(_("Triwulan harus 1 sampai 4."), code="quarter")
    item = PlanItem(
        plan=plan,
        gap=gap,
        competency=competency,
        goal=goal.strip()[:200],
        course=course,
        activity_kind=activity_kind if activity_title else "",
        activity_title=activity_title[:200],
        quarter=quarter,
        jp=jp,
    )
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def plan_item_remove(*, plan: DevelopmentPlan, item_id: int) -> None:
    plan = _editable(plan)
    deleted, _rows = PlanItem.objects.filter(plan=plan, pk=item_id).delete()
    if not deleted:
        raise ValidationError(_("Kegiatan ini tidak ada di rencana Anda."), code="item")


@transaction.atomic
def plan_submit(*, plan: DevelopmentPlan, now=None) -> DevelopmentPlan:
    """Send the plan to the direct supervisor (told once per submission). It must reach the year's
    JP target (portal.rules)."""
    plan = _editable(plan)
    planned = plan.items.aggregate(total=Sum("jp"))["total"] or 0
    target = rules.jp_target()
    if planned < target:
        raise ValidationError(
            _("Rencana baru berisi %(planned)s JP; rencanakan paling sedikit %(target)s JP sebelum mengajukan.")
            % {"planned": planned, "target": target},
            code="below_target",
        )
    plan.status = DevelopmentPlan.Status.SUBMITTED
    plan.submissions += 1
    plan.submitted_at = now or timezone.now()
    plan.save(update_fields=["status", "submissions", "submitted_at", "updated_at"])
    employee = plan.employee
    supervisor = employee.supervisor
    if supervisor is not None and supervisor.user_id:
        _tell(
            supervisor.user_id,
            Kind.PLAN_SUBMITTED,
            f"plan:{plan.pk}:{plan.submissions}",
            stored_text.source(
                gettext_noop("%(name)s mengajukan rencana pengembangan %(year)s (%(jp)s JP)"),
                name=employee.name,
                year=plan.year,
                jp=planned,
            ),
            reverse("plan_review", args=[plan.pk]),
        )
    return plan


def _decide(plan: DevelopmentPlan, by, now) -> DevelopmentPlan:
    locked = DevelopmentPlan.objects.select_for_update().select_related("employee").get(pk=plan.pk)
    if locked.status != DevelopmentPlan.Status.SUBMITTED:
        raise ValidationError(_("Rencana ini tidak sedang menunggu keputusan."), code="not_submitted")
    locked.decided_by = by
    locked.decided_at = now or timezone.now()
    return locked


@transaction.atomic
def plan_approve(*, plan: DevelopmentPlan, by, note: str = "", now=None) -> DevelopmentPlan:
    plan = _decide(plan, by, now)
    plan.status = DevelopmentPlan.Status.APPROVED
    plan.supervisor_note = note.strip()[:500]
    plan.save(update_fields=["status", "decided_by", "decided_at", "supervisor_note", "updated_at"])
    if plan.employee.user_id:
        _tell(
            plan.employee.user_id,
            Kind.PLAN_APPROVED,
            f"plan:{plan.pk}:{plan.submissions}",
            stored_text.source(gettext_noop("Rencana pengembangan %(year)s Anda disetujui"), year=plan.year),
            reverse("plan_mine"),
        )
    return plan


@transaction.atomic
def plan_request_changes(*, plan: DevelopmentPlan, by, note: str, now=None) -> DevelopmentPlan:
    note = note.strip()
    if not note:
        raise ValidationError(_("Tulis apa yang perlu diperbaiki; pegawai akan membacanya."), code="note")
    plan = _decide(plan, by, now)
    plan.status = DevelopmentPlan.Status.CHANGES
    plan.supervisor_note = note[:500]
    plan.save(update_fields=["status", "decided_by", "decided_at", "supervisor_note", "updated_at"])
    if plan.employee.user_id:
        _tell(
            plan.employee.user_id,
            Kind.PLAN_CHANGES,
            f"plan:{plan.pk}:{plan.submissions}",
            stored_text.source(gettext_noop("Rencana pengembangan %(year)s perlu diperbaiki"), year=plan.year),
            reverse("plan_mine"),
            body=stored_text.source(gettext_noop("Catatan atasan: %(note)s"), note=plan.supervisor_note),
        )
    return plan


@transaction.atomic
def plan_reopen(*, plan: DevelopmentPlan) -> DevelopmentPlan:
    """The employee changes an approved (or submitted) plan: it becomes a draft and needs approval again."""
    plan = DevelopmentPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status in (DevelopmentPlan.Status.SUBMITTED, DevelopmentPlan.Status.APPROVED):
        plan.status = DevelopmentPlan.Status.DRAFT
        plan.save(update_fields=["status", "updated_at"])
    return plan


def _tell(user_id: int, kind: str, key: str, title, url: str, *, body="") -> None:
    notify_many(drafts=[Draft(user_id=user_id, kind=kind, key=key, title=title, body=body, url=url)])
