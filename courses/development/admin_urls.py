"""Admin URLs of HR's attendance import (registered by wagtail_hooks under pengembangan-luar-portal/)."""

from django.urls import path

from . import admin_views, plan_admin_views

urlpatterns = [
    path("impor/", admin_views.attendance_import_view, name="external_attendance_import"),
    path("impor/templat/", admin_views.attendance_template_view, name="external_attendance_template"),
]

urlpatterns += [
    path("rencana/", plan_admin_views.plans_view, name="development_plans"),
    path("kebutuhan/", plan_admin_views.needs_view, name="development_needs"),
]
