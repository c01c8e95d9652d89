"""Each employee's own version (issue #15): what the learner's pages show of one person (their
enrolments and progress, quiz attempts, certificates, JP from outside the portal, development plan,
gaps, assignments, their account's name) may be kept in the cache under it, because every write of
those renews it.

- A model registered with `watch` renews the version of the employee each saved or deleted row
  belongs to, at once and again when the transaction commits (`versions_renew`: a request that read
  in between kept what it read under the version it saw, which is then old).
- A write that sends no signal (an UPDATE, a bulk insert, raw SQL) calls `learners_changed` itself
  with the employees it touched; one that touches more than `MANY` bumps the version shared by all.
- Study (a lesson done, a quiz attempt: the writes a learner makes most) renews a third version, the
  employee's study version, alone (`watch(..., study=True)`). Every page is kept under it too
  (`page_versions`), except the parts that show nothing of lessons and attempts (`record_versions`:
  the dashboard's JP, plan, gaps, assignments and certificates, `portal.dashboard`), which a lesson
  done then leaves kept. Finishing a course saves its enrolment, which renews the employee's own.

Core: every app may import it; it imports no app (each app watches its own models).
"""

from collections.abc import Callable, Iterable

from django.db.models.signals import post_delete, post_save

from portal.cache import version_bump, versions_renew

ALL_KEY = "kompeten:learners:version"
MANY = 500


def _own_key(employee_id: int) -> str:
    return f"kompeten:learner:{employee_id}"


def _study_key(employee_id: int) -> str:
    return f"kompeten:learner-study:{employee_id}"


def version_keys(employee_id: int) -> tuple[str, str, str]:
    """The versions a value about this employee is kept under: everyone's, their own and their study's."""
    return (ALL_KEY, _own_key(employee_id), _study_key(employee_id))


def _shared_versions() -> tuple[str, ...]:
    from portal.page_cache import VERSION_KEY as PAGES_VERSION_KEY

    from . import employee_kept, roles_kept

    return (employee_kept.VERSION_KEY, roles_kept.VERSION_KEY, PAGES_VERSION_KEY)


def page_versions(employee_id: int) -> tuple[str, ...]:
    """The versions a learner's page about this employee is kept under: theirs, the register's
    (unit, position, supervisor), the roles' and the public pages' (the courses, lessons, settings)."""
    return (*version_keys(employee_id), *_shared_versions())


def record_versions(employee_id: int) -> tuple[str, ...]:
    """`page_versions` but the study version: for a part that shows nothing of lessons done or quiz
    attempts (a finished course is a saved enrolment, and renews the employee's own version)."""
    return (ALL_KEY, _own_key(employee_id), *_shared_versions())


def learners_changed(employee_ids: Iterable[int | None], *, study: bool = False) -> None:
    """What these employees' pages show has changed: anything kept of it is read again (with
    `study`, only what is kept under their study version: lessons done and quiz attempts)."""
    ids = {pk for pk in employee_ids if pk is not None}
    if len(ids) > MANY:
        version_bump(ALL_KEY)
    elif ids:
        versions_renew((_study_key if study else _own_key)(pk) for pk in ids)


def watch(
    model,
    employee_ids_of: Callable[[object], Iterable[int | None]],
    *,
    deletions: bool = True,
    study: bool = False,
) -> None:
    """Every row of `model` saved (and deleted, with `deletions`) renews the version of
    `employee_ids_of(row)` (the study version, with `study`). Without `deletions` the model keeps
    Django's fast cascade (one DELETE, no row read): for rows deleted only with a page or an
    employee, whose versions say so."""

    def changed(sender, instance, raw: bool = False, **kwargs) -> None:
        if not raw:
            learners_changed(employee_ids_of(instance), study=study)

    name = model._meta.label
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"kompeten-learner-{name}-saved")
    if deletions:
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"kompeten-learner-{name}-deleted")


def via(fk: str, model, field: str = "employee_id") -> Callable[[object], list[int | None]]:
    """A reader, for `watch`, of the employee behind a row's foreign key `fk` to `model` (e.g. a
    lesson's progress to its enrolment): the parent as cached on the row when it is, else one query.
    A parent already deleted (a cascade) gives none: its own deletion renewed the employee."""

    def employee_ids(row) -> list[int | None]:
        parent = row._state.fields_cache.get(fk)
        if parent is not None:
            return [getattr(parent, field)]
        parent_id = getattr(row, f"{fk}_id")
        if parent_id is None:
            return []
        return list(model._default_manager.filter(pk=parent_id).values_list(field, flat=True)[:1])

    return employee_ids


def connect() -> None:
    """From PeopleConfig.ready: an account's name shows on its employee's pages."""
    from .models import Employee, User

    def changed(sender, instance, raw: bool = False, update_fields=None, **kwargs) -> None:
        if raw or (update_fields is not None and set(update_fields) <= {"last_login", "password"}):
            return
        learners_changed(Employee.objects.filter(user_id=instance.pk).values_list("pk", flat=True)[:1])

    post_save.connect(changed, sender=User, weak=False, dispatch_uid="kompeten-learner-user-saved")
