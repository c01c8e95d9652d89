"""Claiming a record at sign-up, with proof of identity.

Knowing a NIP proves nothing (it is printed on every public certificate), so a claim also needs
one of:
- the e-mail address BKPSDM holds for the employee (Employee.email), typed at sign-up; the
  verification e-mail then goes to that address, so only its owner can finish;
- a one-time activation code HR issued for the employee (ActivationCode): only its hash is kept,
  it expires after KOMPETEN_ACTIVATION_CODE_DAYS and works once.

The sign-up form treats unknown, claimed, inactive and wrong proof alike (see
portal.people.account_forms.SignupForm), so these functions answer only yes or no.
"""

import datetime
import logging
import re
import secrets

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from portal.notifications.services import email_enqueue

from .. import roles
from ..models import ActivationCode, Employee, User
from ..nip import normalise_nip

logger = logging.getLogger(__name__)

# No 0/O, 1/I: the code is printed and typed by hand. 12 of 32 symbols: 60 bits.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


def normalise_activation_code(value: str | None) -> str:
    """Upper case, without the dashes and spaces people type between the groups."""
    return re.sub(r"[^0-9A-Za-z]", "", str(value or "")).upper()


def format_activation_code(code: str) -> str:
    """ABCD-EFGH-JKLM: how the code is printed."""
    code = normalise_activation_code(code)
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _code_hash(code: str) -> str:
    return salted_hmac("portal.people.activation_code", normalise_activation_code(code), algorithm="sha256").hexdigest()


@transaction.atomic
def activation_code_issue(*, employee: Employee, by: User | None) -> str:
    """Issue a new activation code for an employee without an account, replacing any unused one.

    Returns the code in clear, formatted for print: it is not stored, so it is shown only once.
    Raises ValidationError for an employee who already has an account or is inactive.
    """
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    if employee.user_id is not None:
        raise ValidationError(_("Pegawai ini sudah memiliki akun."), code="claimed")
    if not employee.is_active:
        raise ValidationError(
            _("Pegawai ini tidak aktif; aktifkan dulu sebelum membuat kode aktivasi."), code="inactive"
        )
    ActivationCode.objects.filter(employee=employee, used_at__isnull=True).delete()
    code = "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))
    ActivationCode.objects.create(
        employee=employee,
        code_hash=_code_hash(code),
        expires_at=timezone.now() + datetime.timedelta(days=settings.KOMPETEN_ACTIVATION_CODE_DAYS),
        created_by=by if getattr(by, "pk", None) else None,
    )
    logger.info("activation code issued for employee %s by user %s", employee.pk, getattr(by, "pk", None))
    return format_activation_code(code)


def _open_code(employee: Employee, activation_code: str) -> ActivationCode | None:
    code = normalise_activation_code(activation_code)
    if len(code) != CODE_LENGTH:
        return None
    return ActivationCode.objects.filter(
        employee=employee, code_hash=_code_hash(code), used_at__isnull=True, expires_at__gt=timezone.now()
    ).first()


def _email_matches(employee: Employee, email: str) -> bool:
    return bool(employee.email) and constant_time_compare(employee.email.lower(), (email or "").strip().lower())


def claim_proof_holds(*, nip: str, email: str, activation_code: str = "") -> bool:
    """Whether a sign-up with this NIP, e-mail and (optional) activation code may claim the record:
    the employee exists, is active, has no account, and the e-mail is the register's or the code
    is open. One answer for every way of failing."""
    employee = Employee.objects.filter(nip=normalise_nip(nip), is_active=True, user__isnull=True).first()
    if employee is None:
        return False
    return _email_matches(employee, email) or _open_code(employee, activation_code) is not None


@transaction.atomic
def employee_claim(*, nip: str, user: User, email: str, activation_code: str = "") -> Employee:
    """Link the employee with this NIP to `user`, who becomes a `pegawai`, if the proof holds;
    an activation code that served is used up. Raises ValidationError (one message for every
    reason) otherwise. The row is locked, so two sign-ups with the same NIP cannot both claim it."""
    employee = Employee.objects.select_for_update().filter(nip=normalise_nip(nip)).first()
    refused = ValidationError(_("Pendaftaran tidak dapat diproses. Hubungi BKPSDM."), code="claim_refused")
    if employee is None or not employee.is_active or employee.user_id is not None:
        raise refused
    code = _open_code(employee, activation_code)
    if code is None and not _email_matches(employee, email):
        raise refused
    if code is not None:
        code.used_at = timezone.now()
        code.save(update_fields=["used_at"])
    employee.user = user
    employee.save(update_fields=["user"])
    user.first_name = employee.name[:150]
    user.save(update_fields=["first_name"])
    user.groups.add(Group.objects.get(name=roles.PEGAWAI))
    return employee


def claim_failed_notify(*, nip: str, email: str) -> None:
    """Tell the register's address of an employee that someone tried to sign up with their NIP and
    could not prove it, so that they can warn BKPSDM. Nothing happens for an unknown NIP or an
    employee without an address in the register."""
    employee = Employee.objects.filter(nip=normalise_nip(nip)).exclude(email="").first()
    if employee is None:
        return
    context = {"employee": employee, "email": email, "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")}
    message = EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _("Percobaan pendaftaran dengan NIP Anda"),
        body=render_to_string("people/email/claim_refused_message.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[employee.email],
    )
    email_enqueue(message=message)
