"""A person's own account and employee record, for "my data" (/akun/data-saya/, UU 27/2022 art. 7).

Composed by the shell with the other apps' parts; every value is JSON-serialisable.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from .models import Employee
from .roles import ROLE_LABELS


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def account_data_for(*, user) -> dict:
    """The login: user name, names, e-mail addresses, roles, second factors (three queries)."""
    groups = list(user.groups.values_list("name", flat=True))
    emails = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    factors = Authenticator.objects.filter(user=user).order_by("type")
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary} for address in emails
        ],
        "roles": [str(ROLE_LABELS.get(name, name)) for name in sorted(groups)],
        "second_factors": [str(factor.get_type_display()) for factor in factors],
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
    }


def personal_data_for(*, employee: Employee) -> dict:
    """The employee record: NIP, name, the e-mail HR recorded, grade, unit, position, direct
    supervisor's name, status. No query when unit, position and supervisor were selected with it (as
    `employee_for` does)."""
    return {
        "nip": employee.nip,
        "name": employee.name,
        "email": employee.email,
        "grade": employee.grade,
        "unit": employee.unit.name,
        "position": employee.position.name,
        "supervisor": employee.supervisor.name if employee.supervisor_id else None,
        "active": employee.is_active,
    }
