"""The notification centre: the list, marking read, and the e-mail choices. Thin: services write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from portal.rules import quiet_hours

from . import selectors, services
from .forms import EmailPreferencesForm
from .models import Notification, site_path


def _back(request) -> HttpResponseRedirect:
    """Back to the list (keeping its page and filter), or to a safe site path the form names."""
    return HttpResponseRedirect(site_path(request.POST.get("next", "")) or reverse("notifications:list"))


@login_required
@require_http_methods(["GET", "HEAD"])
def notification_list_view(request):
    only_unread = request.GET.get("belum") == "1"
    page = selectors.notifications_page(
        user=request.user, page_number=request.GET.get("halaman"), only_unread=only_unread
    )
    return TemplateResponse(
        request,
        "notifications/list.html",
        {"page": page, "notifications": page.object_list, "only_unread": only_unread},
    )


@login_required
@require_POST
def notification_open_view(request, notification_id: int):
    """Mark read, then follow the notification's link, if it is a path on this site."""
    try:
        notification = services.notification_mark_read(user=request.user, notification_id=notification_id)
    except Notification.DoesNotExist:
        raise Http404 from None
    return HttpResponseRedirect(notification.safe_url or reverse("notifications:list"))


@login_required
@require_POST
def notification_read_view(request, notification_id: int):
    try:
        services.notification_mark_read(user=request.user, notification_id=notification_id)
    except Notification.DoesNotExist:
        raise Http404 from None
    return _back(request)


@login_required
@require_POST
def notifications_read_all_view(request):
    count = services.notifications_mark_all_read(user=request.user)
    if count:
        messages.success(
            request,
            ngettext("%(count)d notifikasi ditandai dibaca.", "%(count)d notifikasi ditandai dibaca.", count)
            % {"count": count},
        )
    return _back(request)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def email_preferences_view(request):
    if request.method == "POST":
        form = EmailPreferencesForm(request.POST)
        if form.is_valid():
            services.email_preferences_save(user=request.user, choices=form.choices())
            messages.success(request, _("Pengaturan e-mail disimpan."))
            return redirect("notifications:preferences")
    else:
        form = EmailPreferencesForm(initial=selectors.email_preferences_for(user=request.user))
    quiet_start, quiet_end = quiet_hours()
    context = {"form": form, "quiet_start": quiet_start, "quiet_end": quiet_end}
    return TemplateResponse(request, "notifications/preferences.html", context)
