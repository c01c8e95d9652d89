"""Admin URLs of the survey's HR screens (registered by wagtail_hooks)."""

from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin_views.report_view, name="skm_report"),
    path("laporan.pdf", admin_views.report_pdf_view, name="skm_report_pdf"),
    path("layanan/<int:pk>/", admin_views.service_point_view, name="skm_service_point"),
    path("layanan/<int:pk>/poster.pdf", admin_views.poster_view, name="skm_poster"),
    path("terapkan/", admin_views.apply_view, name="skm_apply"),
    path("saran/", admin_views.suggestions_view, name="skm_suggestions"),
    path("saran/moderasi/", admin_views.suggestions_moderate_view, name="skm_suggestions_moderate"),
]
