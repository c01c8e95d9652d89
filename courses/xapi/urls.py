"""Admin URLs of the xAPI log (registered by wagtail_hooks)."""

from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin_views.statement_log_view, name="xapi_log"),
    path("kirim-ulang/", admin_views.statements_resend_view, name="xapi_resend"),
]
