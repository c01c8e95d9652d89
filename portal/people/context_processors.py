"""What the header shows by role: the way into the admin for staff, the team for supervisors."""

from django.urls import reverse

from . import roles
from .access import user_roles

ADMIN_ROLES = frozenset({roles.PELATIH, roles.HR, roles.KOMUNIKASI})


def role_links(request) -> dict:
    """`header_admin` for the roles that work in the admin (trainers, HR, communications, superusers),
    `header_team` for supervisors. The roles are read once per request (cached on the user)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    mine = user_roles(user)
    return {
        "header_admin": reverse("wagtailadmin_home") if user.is_superuser or mine & ADMIN_ROLES else "",
        "header_team": roles.ATASAN in mine,
    }
