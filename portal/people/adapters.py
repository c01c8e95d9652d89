"""allauth adapter: NIP sign-up with proof, e-mail through Celery, and MFA set-up for staff after
login (the set-up asks for the password again: allauth's re-authentication is left on)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib import messages
from django.db import transaction
from django.urls import reverse

from portal.notifications.services import email_enqueue

from . import services
from .access import requires_mfa
from .context_processors import role_links
from .middleware import MFA_REQUIRED_MESSAGE


def user_display(user) -> str:
    """How allauth names a user in its messages: their name, not an internal username or NIP."""
    return user.get_full_name() or user.username


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """The account takes the NIP as its username and claims the employee with the proof the
        form carries, all or nothing (a ValidationError from the claim rolls the account back)."""
        nip = form.cleaned_data["nip"]
        with transaction.atomic():
            user = super().save_user(request, user, form, commit=False)
            user.username = nip
            user.save()
            services.employee_claim(
                nip=nip,
                user=user,
                email=form.cleaned_data["email"],
                activation_code=form.cleaned_data.get("activation_code", ""),
            )
        return user

    def send_mail(self, template_prefix, email, context):
        """Render now (the request is at hand), send from a worker after commit."""
        from django.contrib.sites.shortcuts import get_current_site

        request = context.get("request") or self.request
        full_context = {"request": request, "email": email, "current_site": get_current_site(request)}
        full_context.update(context)
        email_enqueue(message=self.render_mail(template_prefix, email, full_context))

    def get_login_redirect_url(self, request):
        from allauth.mfa.utils import is_mfa_enabled

        if requires_mfa(request.user) and not is_mfa_enabled(request.user):
            messages.warning(request, MFA_REQUIRED_MESSAGE)
            return reverse("mfa_activate_totp")
        if role_links(request).get("header_admin"):
            return reverse("wagtailadmin_home")  # staff work in the admin (a `next` still wins)
        return super().get_login_redirect_url(request)
