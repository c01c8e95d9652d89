from django.urls import path

from . import unit_views, views

urlpatterns = [
    path("survei-kepuasan/", views.skm_index_view, name="skm_index"),
    path("tim/survei-kepuasan/", views.skm_unit_view, name="skm_unit"),
    path("tim/survei-kepuasan/layanan/baru/", unit_views.unit_point_new_view, name="skm_unit_point_new"),
    path("tim/survei-kepuasan/layanan/<int:pk>/", unit_views.unit_point_view, name="skm_unit_point"),
    path(
        "tim/survei-kepuasan/layanan/<int:pk>/populasi/",
        unit_views.unit_point_population_view,
        name="skm_unit_population",
    ),
    path("survei-kepuasan/<slug:code>/", views.skm_form_view, name="skm_form"),
    path("survei-kepuasan/<slug:code>/terima-kasih/", views.skm_thanks_view, name="skm_thanks"),
]
