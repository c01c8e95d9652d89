"""The roles of DESIGN.md, kept as Django groups."""

from django.utils.translation import gettext_lazy as _

PEGAWAI = "pegawai"
ATASAN = "atasan"
PELATIH = "pelatih"
HR = "hr"
KOMUNIKASI = "komunikasi"

ROLE_LABELS = {
    PEGAWAI: _("Pegawai"),
    ATASAN: _("Atasan"),
    PELATIH: _("Pelatih / Widyaiswara"),
    HR: _("BKPSDM (SDM)"),
    KOMUNIKASI: _("Komunikasi perubahan"),
}
ALL_ROLES = tuple(ROLE_LABELS)

# Permissions each role holds, as "app_label.codename". Later apps add theirs with a migration.
ROLE_PERMISSIONS = {
    PEGAWAI: [],
    ATASAN: [],
    PELATIH: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    HR: [
        "wagtailadmin.access_admin",
        "people.add_unit",
        "people.change_unit",
        "people.delete_unit",
        "people.view_unit",
        "people.add_position",
        "people.change_position",
        "people.delete_position",
        "people.view_position",
        "people.add_employee",
        "people.change_employee",
        "people.delete_employee",
        "people.view_employee",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    # Communications staff write the change hub's material; HR publishes it (see change/0002).
    KOMUNIKASI: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
}
