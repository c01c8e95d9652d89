"""Log in with the 18-digit NIP as well as the username or e-mail that allauth handles."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .models import Employee
from .nip import NIP_LENGTH, normalise_nip


class NIPBackend(ModelBackend):
    """Authenticates `username=<NIP>` against the account that claimed that NIP."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        nip = normalise_nip(username)
        if len(nip) != NIP_LENGTH or not nip.isdigit() or password is None:
            return None
        employee = Employee.objects.select_related("user").filter(nip=nip, user__isnull=False).first()
        if employee is None:
            # Spend the time of a real check, so that claimed NIPs cannot be told by timing.
            get_user_model()().set_password(password)
            return None
        user = employee.user
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
