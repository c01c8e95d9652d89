"""Who may play a SCORM package: trainers and HR (who choose packages for lessons), and a learner
enrolled in a course that has a live lesson playing it."""

from portal.people.access import employee_for, has_role, is_hr, mfa_setup_pending
from portal.people.roles import PELATIH


def may_manage(user) -> bool:
    """HR, and trainers, once they have their second factor (as everywhere in the admin)."""
    return is_hr(user) or (has_role(user, PELATIH) and not mfa_setup_pending(user))


def may_delete(user, package) -> bool:
    """HR, and the trainer who uploaded the package."""
    return is_hr(user) or (may_manage(user) and package.uploaded_by_id == user.pk)


def may_play(user, package) -> bool:
    if may_manage(user):
        return True
    employee = employee_for(user)
    if employee is None:
        return False
    from courses.models import CoursePage, Enrollment, LessonPage

    lessons = LessonPage.objects.live().filter(scorm_package=package)
    paths = {lesson.path[: -LessonPage.steplen] for lesson in lessons.only("path")}
    courses = CoursePage.objects.filter(path__in=paths)
    return Enrollment.objects.filter(employee=employee, course__in=courses).exists()
