"""The CMI data a package commits (courses/scorm runtime, static/js/scorm-runtime.js), checked and kept
on the server; a package that reports the lesson done completes it, once, as a reading marked done
would (and so the course, its JP and its certificate).

Only what the portal keeps is accepted: status, score, location, suspend data and session time, in
SCORM 1.2's or 2004's names and vocabularies, each within the standard's sizes. Anything else the
package sets (interactions, objectives, comments) stays in the browser."""

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ScormAttempt

STATUS_12 = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}
COMPLETION_2004 = {"completed", "incomplete", "not attempted", "unknown"}
SUCCESS_2004 = {"passed", "failed", "unknown"}
MAX_SUSPEND = {"1.2": 4096, "2004": 64000}
MAX_LOCATION = 1000
MAX_SESSION_SECONDS = 24 * 3600
# SCORM 1.2's CMITimespan (HHHH:MM:SS.SS) and SCORM 2004's ISO 8601 duration (P[nD]T[nH][nM][nS]).
TIMESPAN_12 = re.compile(r"^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$")
DURATION_2004 = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$")


class CommitRefused(Exception):
    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


@dataclass
class Committed:
    attempt: ScormAttempt
    completed_now: bool


def _seconds(value: str, version: str) -> int:
    if version == "1.2":
        match = TIMESPAN_12.match(value)
        if not match:
            raise CommitRefused(_("Waktu sesi tidak sah: %(value)s.") % {"value": value[:40]})
        hours, minutes, seconds, _fraction = match.groups()
        total = int(hours) * 3600 + int(minutes) * 60 + int(seconds)
    else:
        match = DURATION_2004.match(value)
        if not match or value in ("P", "PT"):
            raise CommitRefused(_("Waktu sesi tidak sah: %(value)s.") % {"value": value[:40]})
        years, months, days, hours, minutes, seconds = match.groups()
        total = (
            (int(years or 0) * 365 + int(months or 0) * 30 + int(days or 0)) * 86400
            + int(hours or 0) * 3600
            + int(minutes or 0) * 60
            + int(float(seconds or 0))
        )
    return min(total, MAX_SESSION_SECONDS)


def _number(value, name: str) -> float | None:
    if value in ("", None):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise CommitRefused(_("Nilai %(name)s bukan angka.") % {"name": name}) from None
    if number != number or abs(number) > 1e9:  # NaN, or absurd
        raise CommitRefused(_("Nilai %(name)s tidak sah.") % {"name": name})
    return number


def _text(data: dict, key: str, limit: int) -> str | None:
    if key not in data:
        return None
    value = data[key]
    if not isinstance(value, str):
        raise CommitRefused(_("%(name)s harus berupa teks.") % {"name": key})
    if len(value) > limit:
        raise CommitRefused(
            _("%(name)s terlalu panjang (paling banyak %(limit)s karakter).") % {"name": key, "limit": limit}
        )
    return value


def _status(data: dict, key: str, allowed: set[str]) -> str | None:
    value = _text(data, key, 20)
    if value is not None and value not in allowed:
        raise CommitRefused(_("Status %(value)s tidak dikenal.") % {"value": value})
    return value


def is_done(attempt: ScormAttempt, version: str, mastery_score: int | None) -> bool:
    if version == "1.2":
        if attempt.lesson_status not in ("completed", "passed"):
            return False
        return not (mastery_score is not None and attempt.score_raw is not None and attempt.score_raw < mastery_score)
    return attempt.completion_status == "completed" and attempt.success_status != "failed"


def scorm_commit(*, enrollment, lesson, data: dict) -> Committed:
    """Keep what the package committed (a dict of the portal's own keys: lesson_status,
    completion_status, success_status, score_raw, score_min, score_max, score_scaled, location,
    suspend_data, session_time); CommitRefused names what is wrong and nothing is kept."""
    package = lesson.scorm_package
    version = package.version
    fields = {
        "location": _text(data, "location", MAX_LOCATION),
        "suspend_data": _text(data, "suspend_data", MAX_SUSPEND[version]),
    }
    if version == "1.2":
        fields["lesson_status"] = _status(data, "lesson_status", STATUS_12)
    else:
        fields["completion_status"] = _status(data, "completion_status", COMPLETION_2004)
        fields["success_status"] = _status(data, "success_status", SUCCESS_2004)
    for name in ("score_raw", "score_min", "score_max", "score_scaled"):
        if name in data:
            fields[name] = _number(data[name], name)
    if fields.get("score_scaled") is not None and not -1 <= fields["score_scaled"] <= 1:
        raise CommitRefused(_("Nilai score_scaled harus di antara -1 dan 1."))
    session = _seconds(data["session_time"], version) if data.get("session_time") else 0
    from courses.models import LessonProgress
    from courses.services.enrollment import enrollment_complete_if_done

    with transaction.atomic():
        attempt, _created = ScormAttempt.objects.select_for_update().get_or_create(
            enrollment=enrollment, lesson=lesson, defaults={"package": package}
        )
        for name, value in fields.items():
            if value is not None or name.startswith("score_"):  # a score sent empty is cleared
                setattr(attempt, name, value)
        attempt.total_seconds = min(attempt.total_seconds + session, 2**31 - 1)
        completed_now = False
        if attempt.completed_at is None and is_done(attempt, version, package.mastery_score):
            attempt.completed_at = timezone.now()
            completed_now = True
        attempt.save()
        if completed_now:
            _progress, created = LessonProgress.objects.get_or_create(enrollment=enrollment, lesson=lesson)
            if created:
                enrollment_complete_if_done(enrollment=enrollment)
    return Committed(attempt=attempt, completed_now=completed_now)


def scorm_state(*, enrollment, lesson) -> dict:
    """What the runtime starts from: the learner's kept CMI data ("entry" is resume once they have
    been there)."""
    attempt = ScormAttempt.objects.filter(enrollment=enrollment, lesson=lesson).first()
    if attempt is None:
        return {"entry": "ab-initio"}
    return {
        "entry": "resume" if attempt.suspend_data or attempt.location else "",
        "lesson_status": attempt.lesson_status,
        "completion_status": attempt.completion_status,
        "success_status": attempt.success_status,
        "score_raw": attempt.score_raw,
        "score_min": attempt.score_min,
        "score_max": attempt.score_max,
        "score_scaled": attempt.score_scaled,
        "location": attempt.location,
        "suspend_data": attempt.suspend_data,
        "total_seconds": attempt.total_seconds,
    }
