from django.urls import path

from . import plan_views, views

urlpatterns = [
    path("dasbor/pengembangan/", views.activity_list_view, name="external_list"),
    path("dasbor/pengembangan/catat/", views.activity_new_view, name="external_new"),
    path("dasbor/pengembangan/<int:pk>/bukti/", views.proof_view, name="external_proof"),
    path("tim/verifikasi-pengembangan/", views.verify_list_view, name="external_verify_list"),
    path("tim/verifikasi-pengembangan/<int:pk>/", views.verify_view, name="external_verify"),
]

urlpatterns += [
    path("dasbor/rencana/", plan_views.plan_mine_view, name="plan_mine"),
    path("dasbor/rencana/kegiatan/", plan_views.plan_item_add_view, name="plan_item_add"),
    path("dasbor/rencana/kegiatan/<int:item_id>/hapus/", plan_views.plan_item_remove_view, name="plan_item_remove"),
    path("dasbor/rencana/ajukan/", plan_views.plan_submit_view, name="plan_submit"),
    path("dasbor/rencana/buka/", plan_views.plan_reopen_view, name="plan_reopen"),
    path("tim/rencana/", plan_views.plan_team_view, name="plan_team"),
    path("tim/rencana/<int:plan_id>/", plan_views.plan_review_view, name="plan_review"),
]
