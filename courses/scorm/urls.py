"""Admin URLs of the SCORM packages (registered by wagtail_hooks)."""

from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin_views.package_list_view, name="scorm_packages"),
    path("<uuid:package_id>/hapus/", admin_views.package_delete_view, name="scorm_package_delete"),
]
