"""A person's own notifications and e-mail choices, for "my data" (/akun/data-saya/, UU 27/2022).

Notifications belong to the login, so a user without an employee record gets them too
(`user_data_for`); `personal_data_for` is the same for an employee, like the other apps' parts.
"""

from .models import EmailPreference, Notification


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def user_data_for(*, user) -> dict:
    """The user's notifications (newest first) and the kinds they chose not to get by e-mail (two
    queries)."""
    notifications = Notification.objects.filter(user=user).order_by("-created_at", "-pk")
    preferences = EmailPreference.objects.filter(user=user).order_by("kind")
    return {
        "notifications": [
            {
                "kind": str(row.get_kind_display()),
                "title": row.title,
                "body": row.body,
                "created_at": _iso(row.created_at),
                "read_at": _iso(row.read_at),
                "email": str(row.get_email_status_display()),
            }
            for row in notifications
        ],
        "email_preferences": [{"kind": str(row.get_kind_display()), "email": row.email} for row in preferences],
    }


def personal_data_for(*, employee) -> dict:
    """`user_data_for` the employee's account; nothing when the employee has no account."""
    if employee.user_id is None:
        return {"notifications": [], "email_preferences": []}
    return user_data_for(user=employee.user)
