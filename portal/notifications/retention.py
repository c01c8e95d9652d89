"""Keeping notifications only as long as they are useful (UU 27/2022).

A notification is a copy of something that happened; the record itself (the assignment, the
certificate, the appraisal) lives in its app. After the retention period (a year by default) it is
deleted, read or not: an unread reminder about a deadline a year ago tells nobody anything, and
"unread" must not become a way to keep personal data for ever.
"""

import datetime

from .models import EmailPreference, Notification
from .unread import unread_changed


def notifications_purge(*, before: datetime.datetime) -> int:
    """Delete every notification, read or unread, created before `before`. Returns how many were
    deleted. Idempotent."""
    old = Notification.objects.filter(created_at__lt=before)
    unread_of = set(old.filter(read_at__isnull=True).values_list("user_id", flat=True).distinct())
    deleted, _by_model = old.delete()
    unread_changed(unread_of)
    return deleted


def notifications_delete_for(*, user) -> int:
    """Delete every notification and e-mail choice of `user` (anonymising a person who left)."""
    deleted, _by_model = Notification.objects.filter(user=user).delete()
    unread_changed([user.pk])
    EmailPreference.objects.filter(user=user).delete()
    return deleted
