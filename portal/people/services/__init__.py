"""Writes of the people app: creating accounts and seeding roles here; claiming a record at
sign-up in `claims`; ending access (deactivation, unlinking an account) in `access_end`."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.notifications.services import email_enqueue

from .. import roles
from ..models import Employee, User
from .access_end import employee_account_unlink, employee_deactivate, employee_reactivate, user_sessions_end
from .claims import (
    activation_code_issue,
    claim_failed_notify,
    claim_proof_holds,
    employee_claim,
)

__all__ = [
    "account_create_for_employee",
    "activation_code_issue",
    "claim_failed_notify",
    "claim_proof_holds",
    "employee_account_unlink",
    "employee_claim",
    "employee_deactivate",
    "employee_reactivate",
    "roles_sync",
    "user_sessions_end",
]


@transaction.atomic
def account_create_for_employee(*, employee: Employee, email: str) -> User:
    """HR opens an account for an employee: username = NIP, e-mail trusted, and a welcome
    e-mail with a link to choose a password (sent by a task after commit)."""
    from allauth.account.forms import default_token_generator
    from allauth.account.models import EmailAddress
    from allauth.account.utils import user_pk_to_url_str

    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    if employee.user_id is not None:
        raise ValidationError(_("Pegawai ini sudah memiliki akun."), code="nip_claimed")
    email = User.objects.normalize_email(email).lower()
    if EmailAddress.objects.filter(email__iexact=email).exists() or User.objects.filter(email__iexact=email).exists():
        raise ValidationError(_("Alamat e-mail ini sudah dipakai akun lain."), code="email_taken")
    user = User(username=employee.nip, email=email, first_name=employee.name[:150])
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    employee.user = user
    employee.save(update_fields=["user"])
    user.groups.add(Group.objects.get(name=roles.PEGAWAI))

    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    context = {"employee": employee, "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path}
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _("Akun Kompeten Anda telah dibuat"),
        body=render_to_string("people/email/welcome_message.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email],
    )
    message.attach_alternative(render_to_string("people/email/welcome_message.html", context), "text/html")
    email_enqueue(message=message)
    return user


def roles_sync(*, apps=None) -> None:
    """Create the role groups and give each the permissions listed in `roles`.

    Image and document permissions are granted on the root collection, which is how Wagtail
    checks them. A data migration passes its historical `apps`.
    """
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    collection_model = apps.get_model("wagtailcore", "Collection")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = collection_model.objects.filter(depth=1).first()
    for name, perms in roles.ROLE_PERMISSIONS.items():
        group, _created = group_model.objects.get_or_create(name=name)
        for dotted in perms:
            app_label, codename = dotted.split(".")
            permission = permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            if app_label in {"wagtailimages", "wagtaildocs"}:
                if root_collection is not None:
                    collection_permission_model.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
            else:
                group.permissions.add(permission)
