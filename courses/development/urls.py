from django.urls import path

from . import views

urlpatterns = [
    path("dasbor/pengembangan/", views.activity_list_view, name="external_list"),
    path("dasbor/pengembangan/catat/", views.activity_new_view, name="external_new"),
    path("dasbor/pengembangan/<int:pk>/bukti/", views.proof_view, name="external_proof"),
    path("tim/verifikasi-pengembangan/", views.verify_list_view, name="external_verify_list"),
    path("tim/verifikasi-pengembangan/<int:pk>/", views.verify_view, name="external_verify"),
]
