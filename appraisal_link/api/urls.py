"""The API's URLs, included at /api/ by portal/urls.py."""

from django.urls import path

from .views import AppraisalPushView, openapi_view

urlpatterns = [
    path("penilaian/", AppraisalPushView.as_view(), name="api_appraisals"),
    path("openapi.json", openapi_view, name="api_openapi"),
]
