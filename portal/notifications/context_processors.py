"""The bell in the header: the unread count of the logged-in user, counted only if shown."""

from django.utils.functional import SimpleLazyObject, cached_property

from .selectors import unread_count


class Bell:
    """Counts lazily and once: a page that never renders the header (or renders it twice) pays
    one query at most, and an anonymous visitor none."""

    def __init__(self, user) -> None:
        self._user = user

    @cached_property
    def unread(self) -> int:
        return unread_count(user=self._user)


def _bell_for(request) -> Bell | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    # Kept on the request, so every template rendered for it shares the one count.
    bell = getattr(request, "_notification_bell", None)
    if bell is None:
        bell = request._notification_bell = Bell(user)
    return bell


def notification_bell(request) -> dict:
    """`notification_bell`: false for a visitor, else `.unread`. Not even the user is loaded until
    a template asks (a PDF or an e-mail rendered with the request does not)."""
    return {"notification_bell": SimpleLazyObject(lambda: _bell_for(request))}
