"""HR's log of the xAPI statements: what was sent to the LRS, what waits, what failed and why."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from portal.people.admin_access import hr_required

from . import selectors
from .models import Statement
from .services import lrs_configured, statements_resend

PER_PAGE = 50


@hr_required
def statement_log_view(request):
    status = request.GET.get("status") or None
    if status not in (None, *Statement.Status.values):
        status = None
    page = Paginator(selectors.statement_log(status=status), PER_PAGE).get_page(request.GET.get("p"))
    context = {
        "page": page,
        "status": status,
        "statuses": Statement.Status.choices,
        "counts": selectors.statement_counts(),
        "configured": lrs_configured(),
        "endpoint": settings.XAPI_LRS_ENDPOINT,
    }
    return TemplateResponse(request, "xapi/admin/log.html", context)


@hr_required
@require_POST
def statements_resend_view(request):
    count = statements_resend(statement_ids=selectors.failed_ids())
    if count:
        messages.success(
            request,
            ngettext("%(count)s pernyataan dikirim ulang.", "%(count)s pernyataan dikirim ulang.", count)
            % {"count": count},
        )
    else:
        messages.info(request, _("Tidak ada pernyataan yang gagal."))
    return redirect("xapi_log")
