"""Who is e-mailed a notification: one rule, applied when a notification is written and again when
its e-mail leaves (the person may have been deactivated, lost their address or turned the kind off
while the e-mail waited for the morning).

The rule: an active user with an e-mail address who has not turned e-mail off for the kind.
`emailable` applies it to a set of users in one query; `emailable_sql` is the same rule inside the
PostgreSQL statement that notifies a whole city at once (portal.notifications.bulk); a test compares
the two on the same data.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from .models import EmailPreference


def emailable(*, user_ids: Iterable[int], kind: str) -> set[int]:
    """Those of `user_ids` to e-mail about `kind` (one query)."""
    turned_off = EmailPreference.objects.filter(user_id=OuterRef("pk"), kind=kind, email=False)
    users = get_user_model().objects.filter(pk__in=set(user_ids), is_active=True).exclude(email="")
    return set(users.exclude(Exists(turned_off)).values_list("pk", flat=True))


def emailable_sql(*, user: str) -> str:
    """The rule as an SQL condition on the user table's alias `user`; one parameter: the kind."""
    from django.db import connection

    preferences = connection.ops.quote_name(EmailPreference._meta.db_table)
    # Only the caller's alias and the model's own table name go into the text; the kind is a parameter.
    return (
        f"{user}.is_active AND {user}.email <> '' AND NOT EXISTS ("  # noqa: S608
        f"SELECT 1 FROM {preferences} p WHERE p.user_id = {user}.id AND p.kind = %s AND NOT p.email)"
    )
