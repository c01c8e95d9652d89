"""One door for HR's own screens in the admin: HR (and superusers) with their second factor get in;
anyone else who reached the admin (a trainer, a communications officer) gets a plain 403, with the
same page whichever screen they tried, rather than Wagtail's redirect to its dashboard. These
addresses are not for other roles, and someone who follows a shared link should be told so.

`hr_required` guards a view; `HRMenuItem` shows a menu item to HR only (the rule is `is_hr`).
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied
from wagtail.admin.menu import MenuItem

from .access import is_hr


def hr_required(view):
    """The view, for HR only; a plain 403 for anyone else."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_hr(request.user):
            return permission_denied(request, PermissionDenied())
        return view(request, *args, **kwargs)

    return wrapped


class HRMenuItem(MenuItem):
    """A menu item shown to HR only."""

    def is_shown(self, request):
        return is_hr(request.user)
