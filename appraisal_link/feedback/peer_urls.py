from django.urls import path

from . import peer_views

urlpatterns = [
    path("umpan-balik/", peer_views.peer_home_view, name="peer_home"),
    path("umpan-balik/nilai/<int:task_id>/", peer_views.peer_rate_view, name="peer_rate"),
    path("umpan-balik/<int:review_id>/usulan/", peer_views.peer_propose_view, name="peer_propose"),
    path("tim/umpan-balik/", peer_views.peer_team_view, name="peer_team"),
    path("tim/umpan-balik/<int:review_id>/penilai/", peer_views.peer_raters_view, name="peer_raters"),
]
