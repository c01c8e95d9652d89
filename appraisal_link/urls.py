from django.urls import path

from . import views

urlpatterns = [
    path("kompetensi-saya/", views.my_competency_view, name="my_competency"),
    path("tim/", views.team_view, name="team"),
    path("tim/<int:employee_id>/", views.team_member_view, name="team_member"),
]
