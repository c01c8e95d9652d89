from django.urls import path

from . import views

urlpatterns = [
    path("akun/data-saya/", views.my_data_view, name="my_data"),
    path("akun/data-saya/unduh.json", views.my_data_download_view, name="my_data_download"),
]
