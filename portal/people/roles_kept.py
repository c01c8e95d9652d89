"""A user's roles (group names), kept in the cache (issue #15): every page asks for them (the
menu, the access rules), and they change only when HR gives or takes a role.

Every change of group membership, from either side (`user.groups`, `group.user_set`, the admin's
form), and every group renamed or deleted bumps one version, at once and again when its transaction
commits; a kept set of roles is used only under the version it was read with. A role taken away therefore applies
from the next request, as before, whatever the interleaving. A bump lost while Redis was unreachable is
made again when it answers (`portal.cache.replay_lost`); `SECONDS` bounds a change made in SQL and a
process that ended before Redis came back.
"""

from portal.cache import kept_under, version_bump

VERSION_KEY = "kompeten:roles:version"
SECONDS = 600


def _key(user_id) -> str:
    return f"kompeten:roles:{user_id}"


def roles_kept(user_id: int, read) -> frozenset[str]:
    """The user's roles, from the cache or from `read()` (then kept)."""
    return kept_under(VERSION_KEY, _key(user_id), lambda: frozenset(read()), SECONDS)


def keys_ahead(user_id) -> list[str]:
    """What `roles_kept` reads, for `portal.reads_ahead`."""
    return [VERSION_KEY, _key(user_id)]


def roles_changed(**kwargs) -> None:
    """Receiver of every change of membership or of a group: every kept set is old, now (for this
    transaction's own reads) and again after commit (a request that read in between kept the old)."""
    version_bump(VERSION_KEY)


def connect() -> None:
    """From PeopleConfig.ready."""
    from django.contrib.auth.models import Group
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .models import User

    m2m_changed.connect(roles_changed, sender=User.groups.through, dispatch_uid="kompeten-roles-membership")
    post_save.connect(roles_changed, sender=Group, dispatch_uid="kompeten-roles-group-saved")
    post_delete.connect(roles_changed, sender=Group, dispatch_uid="kompeten-roles-group-deleted")
