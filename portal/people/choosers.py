"""A chooser of employees for HR's admin forms (search by name or NIP instead of a list of
thousands). HR's only: the chooser lists people, so each of its views goes through HR's door."""

from django.urls.resolvers import URLPattern
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .admin_access import hr_required
from .models import Employee


class EmployeeChooserViewSet(ChooserViewSet):
    model = Employee
    icon = "user"
    choose_one_text = _("Pilih pegawai")
    choose_another_text = _("Pilih pegawai lain")
    edit_item_text = _("Ubah pegawai")
    per_page = 20
    # Only the forms that ask for it use the chooser: other forms keep their own widgets.
    register_widget = False

    def get_urlpatterns(self):
        return [
            URLPattern(pattern.pattern, hr_required(pattern.callback), pattern.default_args, pattern.name)
            for pattern in super().get_urlpatterns()
        ]


employee_chooser = EmployeeChooserViewSet("pilih-pegawai", url_prefix="pilih-pegawai")
