"""Admin URLs of the HR reports and assignment page (registered by wagtail_hooks)."""

from django.urls import path

from .. import assign_views
from . import history_views, views

urlpatterns = [
    path("laporan/kesenjangan/", views.heatmap_view, name="appraisal_heatmap"),
    path(
        "laporan/kesenjangan/<int:unit_id>/<int:competency_id>/", views.heatmap_cell_view, name="appraisal_heatmap_cell"
    ),
    path("laporan/jp/", views.jp_view, name="appraisal_jp"),
    path("laporan/penutupan/", views.closure_view, name="appraisal_closure"),
    path("laporan/riwayat-diklat/", history_views.training_history_view, name="appraisal_training_history"),
    path("penugasan/", assign_views.assign_view, name="appraisal_assign"),
]
