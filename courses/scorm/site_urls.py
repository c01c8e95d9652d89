"""The site's URL of a package's files (portal.urls includes it before Wagtail's pages)."""

from django.urls import path

from . import views

urlpatterns = [
    path("kursus/scorm/<uuid:package_id>/<path:path>", views.package_file_view, name="scorm_file"),
    path("kursus/aksi/scorm/<int:lesson_id>/", views.scorm_commit_view, name="scorm_commit"),
]
