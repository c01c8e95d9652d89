"""One door for HR's own screens in the admin: HR (and superusers) with their second factor get in;
anyone else who reached the admin (a trainer, a communications officer) gets a 403 page inside the
admin saying whose screen it is, the same whichever screen they tried, rather than Wagtail's silent
redirect to its dashboard. Someone who follows a shared link should be told so.

`hr_required` guards a view; `HRMenuItem` shows a menu item to HR only (the rule is `is_hr`).
"""

from functools import wraps

from django.template.response import TemplateResponse
from wagtail.admin.menu import MenuItem

from .access import is_hr


def hr_required(view):
    """The view, for HR only; a 403 page for anyone else."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_hr(request.user):
            return TemplateResponse(request, "people/admin/hr_only.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


class HRMenuItem(MenuItem):
    """A menu item shown to HR only."""

    def is_shown(self, request):
        return is_hr(request.user)
