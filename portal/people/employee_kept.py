"""The logged-in user's employee record (with its unit, position and supervisor), kept in the cache
(issue #15): every learner's page asks for it (`access.employee_for`), and it changes when HR edits
the register, rarely.

Every save or deletion of an employee, a unit or a position bumps one version, at once and again
when its transaction commits (`version_bump`); a kept record is used only under the version it was
read with, so an edit shows from the next request. The appraisal import, which writes employees in
bulk, bumps it itself. `SECONDS` (half an hour) bounds a change made in SQL by hand; a bump lost while
Redis was unreachable is made again when it answers (`portal.cache.replay_lost`). Pages that read the record with
annotations (the dashboard's JP) read it from the database, as before.
"""

from portal.cache import ahead_value, kept_under, version_bump

VERSION_KEY = "kompeten:employees:version"
SECONDS = 1800


def _key(user_id) -> str:
    return f"kompeten:employee-of-user:{user_id}"


def employee_kept(user_id: int, read):
    """The user's employee record (or None), from the cache or from `read()` (then kept)."""
    return kept_under(VERSION_KEY, _key(user_id), read, SECONDS)


def keys_ahead(user_id) -> list[str]:
    """What `employee_kept` reads, for `portal.reads_ahead`."""
    return [VERSION_KEY, _key(user_id)]


def pk_ahead(user_id) -> int | None:
    """The pk of the user's employee record among the reads ahead (None: no record, or not read)."""
    kept = ahead_value(_key(user_id))
    return None if kept is None or kept[1] is None else kept[1].pk


def employees_changed(**kwargs) -> None:
    """Receiver of every change of an employee, a unit or a position: every kept record is old."""
    version_bump(VERSION_KEY)


def connect() -> None:
    """From PeopleConfig.ready."""
    from django.db.models.signals import post_delete, post_save

    from .models import Employee, Position, Unit, User

    for model in (Employee, Unit, Position):
        post_save.connect(employees_changed, sender=model, dispatch_uid=f"kompeten-employees-{model.__name__}-saved")
        post_delete.connect(
            employees_changed, sender=model, dispatch_uid=f"kompeten-employees-{model.__name__}-deleted"
        )
    # A deleted account leaves its employee unclaimed (SET_NULL, an UPDATE without signals).
    post_delete.connect(employees_changed, sender=User, dispatch_uid="kompeten-employees-user-deleted")
