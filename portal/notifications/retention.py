"""Keeping notifications only as long as they are useful (UU 27/2022).

A notification is a copy of something that happened; the record itself (the assignment, the
certificate, the appraisal) lives in its app. After the retention period (a year by default) it is
deleted, read or not: an unread reminder about a deadline a year ago tells nobody anything, and
"unread" must not become a way to keep personal data for ever.
"""

import datetime

from .models import EmailPreference, Notification


def notifications_purge(*, before: datetime.datetime) -> int:
    """Delete every notification, read or unread, created before `before`. Returns how many were
    deleted. Idempotent."""
    deleted, _by_model = Notification.objects.filter(created_at__lt=before).delete()
    return deleted


def notifications_delete_for(*, user) -> int:
    """Delete every notification and e-mail choice of `user` (anonymising a person who left)."""
    deleted, _by_model = Notification.objects.filter(user=user).delete()
    EmailPreference.objects.filter(user=user).delete()
    return deleted
