"""Anonymising a person who has left: the people part (UU 27/2022: keep no more than is needed).

The employee row stays, with its unit, position and grade, so every report that counts people
(JP compliance, the gap heatmap, course reports) counts them as before; what named them goes. Their
login is made unusable and stripped of names and addresses. The shell composes this with each
app's part (portal.privacy.anonymising).
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from .models import Employee

# "00000000" is the birth date of the NIP's layout (YYYYMMDD): no real NIP starts with it, and
# validate_nip refuses it, so an anonymous NIP can never collide with one HR types in.
ANONYMOUS_NIP_PREFIX = "00000000"


def anonymous_nip(employee_id: int) -> str:
    """An 18-digit NIP that cannot be a real one and is unique per employee."""
    return f"{ANONYMOUS_NIP_PREFIX}{employee_id:010d}"


def anonymous_name(employee_id: int) -> str:
    # Stored data, not interface text: kept in the source language whatever the reader's language.
    return f"Pegawai anonim #{employee_id}"


def is_anonymised(employee: Employee) -> bool:
    return employee.nip.startswith(ANONYMOUS_NIP_PREFIX)


def employee_record_anonymise(*, employee: Employee) -> list[str]:
    """Replace the name and NIP of an employee who has left, clear the e-mail HR recorded, make their
    account unusable and scrub it, and rewrite the admin history that names them. Returns the words
    that named them (old name, NIP, e-mails, user name) for the other apps' parts to remove. Refuses
    an active employee (ValidationError): only someone who left may be anonymised. Call inside a
    transaction."""
    if employee.is_active:
        raise ValidationError(
            _("%(name)s masih aktif. Hanya pegawai yang sudah keluar (tidak aktif) yang dapat dianonimkan.")
            % {"name": employee.name},
            code="employee_active",
        )
    words = [employee.name, employee.nip, employee.email]
    employee.name, employee.nip = anonymous_name(employee.pk), anonymous_nip(employee.pk)
    employee.email = ""
    # save(), not update(): Wagtail's search index follows the new name and NIP.
    employee.save(update_fields=["name", "nip", "email"])
    employee.activation_codes.all().delete()
    if employee.user_id is not None:
        words += _account_scrub(employee.user)
    _history_rename(employee)
    return [word for word in words if word]


def _account_scrub(user) -> list[str]:
    words = [user.username, user.email, user.first_name, user.last_name]
    words += list(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.username = f"anonim-{user.pk}"
    user.first_name = user.last_name = user.email = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    return words


def _history_rename(employee: Employee) -> None:
    """Both admins log an edited object under its str() ("Name (NIP)"): relabel this employee's entries."""
    content_type = ContentType.objects.get_for_model(Employee)
    label = str(employee)
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(employee.pk)).update(label=label)
    LogEntry.objects.filter(content_type=content_type, object_id=str(employee.pk)).update(object_repr=label)
