from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list_view, name="list"),
    path("<int:notification_id>/buka/", views.notification_open_view, name="open"),
    path("<int:notification_id>/baca/", views.notification_read_view, name="read"),
    path("baca-semua/", views.notifications_read_all_view, name="read_all"),
    path("pengaturan/", views.email_preferences_view, name="preferences"),
]
