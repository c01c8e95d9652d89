"""The admin's "Paket SCORM": trainers and HR upload a package (checked whole, refused with the reason)
and see the packages kept."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.people.access import is_hr

from .access import may_delete, may_manage
from .models import ScormPackage
from .packages import MAX_ARCHIVE_BYTES, PackageRejected
from .services import PackageInUse, package_create, package_delete, package_uses

PER_PAGE = 50


def trainers_and_hr(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not may_manage(request.user):
            return TemplateResponse(request, "people/admin/hr_only.html", {"for_trainers": True}, status=403)
        return view(request, *args, **kwargs)

    return wrapped


class UploadForm(forms.Form):
    paket = forms.FileField(
        label=gettext_lazy("Paket SCORM (.zip)"),
        help_text=gettext_lazy("SCORM 1.2 atau 2004, paling besar %(mb)s MB.") % {"mb": MAX_ARCHIVE_BYTES // 2**20},
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )

    def clean_paket(self):
        upload = self.cleaned_data["paket"]
        if upload.size > MAX_ARCHIVE_BYTES:
            raise forms.ValidationError(
                _("Paket terlalu besar: paling besar %(mb)s MB.") % {"mb": MAX_ARCHIVE_BYTES // 2**20}
            )
        return upload


@trainers_and_hr
def package_list_view(request):
    form = UploadForm()
    status = 200
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["paket"]
            try:
                package = package_create(file=upload.file, name=upload.name, by=request.user)
            except PackageRejected as refused:
                form.add_error("paket", refused.message)
            else:
                messages.success(
                    request,
                    _("Paket %(title)s (%(version)s) disimpan: %(count)s berkas.")
                    % {"title": package.title, "version": package.get_version_display(), "count": package.file_count},
                )
                return redirect("scorm_packages")
        status = 400
    page = Paginator(ScormPackage.objects.select_related("uploaded_by"), PER_PAGE).get_page(request.GET.get("p"))
    context = {"form": form, "page": page, "is_hr": is_hr(request.user)}
    return TemplateResponse(request, "scorm/admin/packages.html", context, status=status)


@trainers_and_hr
def package_delete_view(request, package_id):
    """Confirm, then delete a package no lesson and no attempt needs (HR, or the trainer who uploaded it)."""
    package = get_object_or_404(ScormPackage, pk=package_id)
    if not may_delete(request.user, package):
        return TemplateResponse(request, "people/admin/hr_only.html", {"for_trainers": True}, status=403)
    problem, status = None, 200
    if request.method == "POST":
        try:
            package_delete(package=package)
        except PackageInUse as refused:
            problem, status = refused.message, 400
        else:
            messages.success(request, _("Paket %(title)s dihapus beserta berkasnya.") % {"title": package.title})
            return redirect("scorm_packages")
    context = {"package": package, "uses": package_uses(package), "problem": problem}
    return TemplateResponse(request, "scorm/admin/package_delete.html", context, status=status)
