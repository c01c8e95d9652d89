"""Site URLs of Open Badges 3.0 (included by portal/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "kursus/aksi/sertifikat/<int:certificate_id>/open-badge/",
        views.openbadge_download_view,
        name="openbadge_download",
    ),
    path("open-badges/penerbit/", views.issuer_profile_view, name="openbadge_issuer"),
    path("open-badges/periksa/", views.openbadge_verify_view, name="openbadge_verify"),
]
