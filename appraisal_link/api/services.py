"""Writes of the API: the service accounts (and their tokens) of the systems that push appraisals."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify
from rest_framework.authtoken.models import Token

from portal.people import roles

USERNAME_PREFIX = "api-"


def _free_username(name: str) -> str:
    User = get_user_model()
    base = USERNAME_PREFIX + (slugify(name)[:100] or "klien")
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


@transaction.atomic
def api_client_create(*, name: str) -> Token:
    """A service account for a system that pushes appraisals, in the hr group (the API accepts only HR),
    that cannot log in (no usable password, no e-mail); and its token."""
    user = get_user_model()(username=_free_username(name), first_name=name[:150])
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=roles.HR))
    return Token.objects.create(user=user)


@transaction.atomic
def api_client_revoke(*, user_id: int) -> bool:
    """Delete the user's token; a service account made by api_client_create is deactivated as well.
    Returns whether there was a token."""
    deleted, _by_model = Token.objects.filter(user_id=user_id).delete()
    get_user_model().objects.filter(pk=user_id, username__startswith=USERNAME_PREFIX, email="").update(is_active=False)
    return bool(deleted)
