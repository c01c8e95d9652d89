"""URLs of HR's assignment list, under /admin/penugasan-pelatihan/ (see wagtail_hooks)."""

from django.urls import path

from . import assignments

urlpatterns = [
    path("", assignments.assignments_view, name="appraisal_assignments"),
    path("<int:pk>/tenggat/", assignments.assignment_due_view, name="appraisal_assignment_due"),
    path("<int:pk>/batal/", assignments.assignment_cancel_view, name="appraisal_assignment_cancel"),
]
