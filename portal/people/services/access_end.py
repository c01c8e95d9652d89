"""Ending access at once: deactivating an employee, unlinking an account from an employee, and
the session clean-up both need.

Sessions are kept in the database (and read through a short-lived copy in the cache: cached_db),
so a user's sessions are found by the user id each one holds, and deleted through the session
store, copy and all: their next request is anonymous.
"""

import logging
from importlib import import_module

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Employee, User
from ..user_kept import users_changed

logger = logging.getLogger(__name__)


def user_sessions_end(*, user: User) -> int:
    """Delete every session of `user` (logs them out everywhere); returns how many there were."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    session_model = store.get_model_class()
    user_id = str(user.pk)
    keys = [
        session.session_key
        for session in session_model.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get(SESSION_KEY)) == user_id
    ]
    for key in keys:
        # Through the store, so that a cached_db engine forgets its cached copy too.
        store(session_key=key).delete()
    return len(keys)


@transaction.atomic
def employee_deactivate(*, employee: Employee, by: User | None) -> Employee:
    """An employee leaves (or is suspended): the record stays, their account can no longer log in,
    and every session they have ends now, so a supervisor's team view closes at once."""
    employee = Employee.objects.select_for_update(of=("self",)).select_related("user").get(pk=employee.pk)
    if employee.is_active:
        employee.is_active = False
        employee.save(update_fields=["is_active"])
    if employee.user is not None:
        User.objects.filter(pk=employee.user_id).update(is_active=False)
        users_changed([employee.user_id])
        user_sessions_end(user=employee.user)
    logger.info("employee %s deactivated by user %s", employee.pk, getattr(by, "pk", None))
    return employee


@transaction.atomic
def employee_reactivate(*, employee: Employee, by: User | None) -> Employee:
    """Undo a deactivation: the record is active again, and so is the account linked to it."""
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    if not employee.is_active:
        employee.is_active = True
        employee.save(update_fields=["is_active"])
    if employee.user_id is not None:
        User.objects.filter(pk=employee.user_id).update(is_active=True)
        users_changed([employee.user_id])
    logger.info("employee %s reactivated by user %s", employee.pk, getattr(by, "pk", None))
    return employee


@transaction.atomic
def employee_account_unlink(*, employee: Employee, by: User | None) -> User:
    """Take an account away from an employee (a wrong or hostile claim): the account is
    deactivated, loses its roles and its e-mail addresses, and is logged out everywhere; the NIP
    is free to be claimed again by its owner. Raises ValidationError if there is no account."""
    employee = Employee.objects.select_for_update(of=("self",)).select_related("user").get(pk=employee.pk)
    user = employee.user
    if user is None:
        raise ValidationError(_("Pegawai ini tidak memiliki akun."), code="no_account")
    employee.user = None
    employee.save(update_fields=["user"])
    # The old address goes to the log (the account keeps no trace of it), so BKPSDM can follow up.
    logger.warning(
        "account %s (%s) unlinked from employee %s by user %s",
        user.pk,
        user.email,
        employee.pk,
        getattr(by, "pk", None),
    )
    EmailAddress.objects.filter(user=user).delete()
    # username = NIP for a claimed account: free it for the real owner's sign-up.
    user.username = f"lepas-{user.pk}-{employee.nip}"[:150]
    user.email = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.save(update_fields=["username", "email", "is_active", "is_staff", "is_superuser"])
    user.groups.clear()
    user_sessions_end(user=user)
    return user
