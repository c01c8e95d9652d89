from django.urls import path

from . import views

urlpatterns = [
    path("survei-kepuasan/", views.skm_index_view, name="skm_index"),
    path("tim/survei-kepuasan/", views.skm_unit_view, name="skm_unit"),
    path("survei-kepuasan/<slug:code>/", views.skm_form_view, name="skm_form"),
    path("survei-kepuasan/<slug:code>/terima-kasih/", views.skm_thanks_view, name="skm_thanks"),
]
