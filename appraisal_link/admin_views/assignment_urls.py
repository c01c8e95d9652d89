"""URLs of HR's assignments, under /admin/penugasan-pelatihan/ (see wagtail_hooks)."""

from django.urls import path

from . import assignments, course_assign

urlpatterns = [
    path("", assignments.assignments_view, name="appraisal_assignments"),
    path("<int:pk>/tenggat/", assignments.assignment_due_view, name="appraisal_assignment_due"),
    path("<int:pk>/batal/", assignments.assignment_cancel_view, name="appraisal_assignment_cancel"),
    path("kursus/<int:page_id>/", course_assign.course_assign_view, name="appraisal_course_assign"),
]
