"""The dashboard's part of the change hub, kept in the cache per employee (issue #15): the pending
must-reads, the next events and the open pulse surveys cost three targeting queries, and change
only when a page, a survey or the employee's own answers do.

A kept part is used only under the versions it was read with:
- the public pages' version (`portal.page_cache`), bumped by any page saved, published or moved
  (an article, an event, their targets);
- the surveys' version, bumped by any pulse survey saved or deleted;
- the employee's own version, renewed by each of their confirmations, registrations (and
  cancellations) and survey answers, at once and again when the transaction commits. It is not the
  learner's version (`portal.people.learner_kept`), on purpose: a lesson done renews that one, and
  the part would then be read again (four queries) on the dashboard after every step of learning;
and under the key's own facts: the employee's unit, its parent and position (the targeting rule's
inputs, read with the employee on every request) and today's date (what is overdue).

Time moves the rest: a part lives until the first shown event starts, a shown survey closes or a
survey opens, and never more than `SECONDS`.

The hub page's own material (`hub_pages`) is kept the same way, but once for everyone who sees the
same (unit, unit above, position, HR or not): nothing personal is in it, the reader's confirmations
and seats are read on each request.
"""

import datetime

from django.utils import timezone

from portal.cache import kept_under, version_bump, versions_renew
from portal.page_cache import VERSION_KEY as PAGES_VERSION_KEY

SECONDS = 1800
HUB_SECONDS = 300
SURVEYS_VERSION_KEY = "kompeten:change:surveys:version"


def _employee_version_key(employee_id: int) -> str:
    return f"kompeten:change:employee:{employee_id}"


def dashboard_part(*, employee) -> dict:
    """`must_reads`, `events` and `surveys` of the dashboard for `employee`, from the cache or read
    (three queries, four when read: the next survey to open sets how long it is kept)."""
    unit = employee.unit
    key = (
        f"kompeten:change:dashboard:{employee.pk}:{employee.unit_id}:{unit.parent_id if unit else ''}:"
        f"{employee.position_id}:{timezone.localdate().isoformat()}"
    )
    return kept_under(dashboard_versions(employee.pk), key, lambda: _read(employee), seconds_left)


def dashboard_versions(employee_id: int) -> tuple[str, ...]:
    """The versions a part is kept under; whatever is built from a part is kept under them too."""
    return (PAGES_VERSION_KEY, SURVEYS_VERSION_KEY, _employee_version_key(employee_id))


def _read(employee) -> dict:
    from .selectors import hub, surveys

    now = timezone.now()
    return {
        "must_reads": hub.must_read_items_for_dashboard(employee=employee),
        "events": hub.upcoming_events_for(employee=employee),
        "surveys": surveys.open_surveys_for(employee=employee, now=now),
        "until": _next_change(now),
    }


def _next_change(now: datetime.datetime) -> datetime.datetime | None:
    """When the next survey opens, if one is planned."""
    from .models import PulseSurvey

    return PulseSurvey.objects.filter(opens_at__gt=now).order_by("opens_at").values_list("opens_at", flat=True).first()


def seconds_left(part: dict) -> int:
    """How long `part` stays true: until a shown event starts, a shown survey closes or the next one
    opens; `SECONDS` at most, one second at least."""
    moments = [event.starts_at for event in part["events"]] + [survey.closes_at for survey in part["surveys"]]
    if part["until"] is not None:
        moments.append(part["until"])
    left = min((moment - timezone.now()).total_seconds() for moment in moments) if moments else SECONDS
    return max(1, min(SECONDS, int(left)))


def hub_pages(*, hub, employee, hr: bool, read) -> dict:
    """The hub's pages with their audience (`read()`), kept for everyone who sees the same: the same
    unit, unit above and position (or no employee record), HR or not, on the same day (what is
    overdue), under the public pages' version; until the first event shown starts, `HUB_SECONDS`
    at most."""
    unit = employee.unit if employee is not None else None
    who = f"{employee.unit_id}:{unit.parent_id if unit else ''}:{employee.position_id}" if employee else "-"
    key = f"kompeten:change:hub:{hub.pk}:{who}:{int(hr)}:{timezone.localdate().isoformat()}"
    return kept_under(PAGES_VERSION_KEY, key, read, _hub_seconds)


def _hub_seconds(pages: dict) -> int:
    starts = [event.starts_at for event in pages["events"]]
    left = min((moment - timezone.now()).total_seconds() for moment in starts) if starts else HUB_SECONDS
    return max(1, min(HUB_SECONDS, int(left)))


def employee_changed(employee_ids) -> None:
    """These employees' parts are read again: at once and again after commit (a page that read in
    between kept its part under the version it saw, which is then old)."""
    versions_renew(_employee_version_key(pk) for pk in employee_ids)


def _answer_changed(sender, instance, **kwargs) -> None:
    employee_changed([instance.employee_id])


def _survey_changed(**kwargs) -> None:
    version_bump(SURVEYS_VERSION_KEY)


def connect() -> None:
    """From ChangeConfig.ready: every confirmation, registration and survey answer, saved or deleted
    (one by one or by a cascade), renews its employee's version; every survey saved or deleted bumps
    the surveys' version."""
    from django.db.models.signals import post_delete, post_save

    from .models import Acknowledgement, EventRegistration, PulseSurvey, SurveyParticipation

    signals = {"saved": post_save, "deleted": post_delete}
    for model in (Acknowledgement, EventRegistration, SurveyParticipation):
        for name, signal in signals.items():
            signal.connect(_answer_changed, sender=model, dispatch_uid=f"change-kept-{model.__name__}-{name}")
    for name, signal in signals.items():
        signal.connect(_survey_changed, sender=PulseSurvey, dispatch_uid=f"change-kept-survey-{name}")
