"""Admin URLs of HR's peer-round page (registered by wagtail_hooks under umpan-balik-rekan/)."""

from django.urls import path

from . import peer_admin_views

urlpatterns = [
    path("putaran/<int:pk>/", peer_admin_views.round_detail_view, name="peer_round_detail"),
    path("putaran/<int:pk>/siapkan/", peer_admin_views.round_open_view, name="peer_round_open"),
    path("putaran/<int:pk>/terbitkan/", peer_admin_views.round_publish_view, name="peer_round_publish"),
]
