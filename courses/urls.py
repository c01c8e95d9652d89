from django.urls import path

from . import views

urlpatterns = [
    path("kursus/aksi/daftar/<int:course_id>/", views.enroll_view, name="course_enroll"),
    path("kursus/aksi/selesai/<int:lesson_id>/", views.lesson_done_view, name="lesson_done"),
    path("kursus/aksi/kuis/<int:lesson_id>/", views.quiz_submit_view, name="quiz_submit"),
    path("kursus/aksi/percobaan/<int:attempt_id>/", views.attempt_detail_view, name="attempt_detail"),
    path(
        "kursus/aksi/sertifikat/<int:certificate_id>/unduh/",
        views.certificate_download_view,
        name="certificate_download",
    ),
    path("sertifikat/<str:code>/", views.certificate_verify_view, name="certificate_verify"),
]
