"""Reads of the notifications app: the bell, the list and the e-mail choices."""

from django.core.paginator import Page, Paginator

from .models import EmailPreference, Kind, Notification
from .unread import unread_kept


def unread_count(*, user) -> int:
    """How many of `user`'s notifications are unread: kept in the cache until they change (see
    `unread`), else one query on the (user, read_at) index."""
    return unread_kept(user.pk, lambda: Notification.objects.filter(user=user, read_at__isnull=True).count())


def notifications_for(*, user, limit: int = 50, only_unread: bool = False) -> list[Notification]:
    """`user`'s newest notifications, at most `limit`, in one query."""
    queryset = Notification.objects.filter(user=user)
    if only_unread:
        queryset = queryset.filter(read_at__isnull=True)
    return list(queryset.order_by("-created_at", "-id")[:limit])


def notifications_page(*, user, page_number, per_page: int = 20, only_unread: bool = False) -> Page:
    """One page of `user`'s notifications, newest first: two queries (count and rows), however many.

    A page number that is not a number or out of range gives the nearest page, never an error.
    """
    queryset = Notification.objects.filter(user=user).order_by("-created_at", "-id")
    if only_unread:
        queryset = queryset.filter(read_at__isnull=True)
    return Paginator(queryset, per_page).get_page(page_number)


def email_preferences_for(*, user) -> dict[str, bool]:
    """Whether `user` wants e-mail, for every kind in `Kind` order: on unless turned off."""
    off = set(EmailPreference.objects.filter(user=user, email=False).values_list("kind", flat=True))
    return {kind: kind not in off for kind in Kind.values}
