"""Registration only: the competency screens live in viewsets.py and admin_views.py."""

from wagtail import hooks

from .viewsets import CompetencyViewSetGroup


@hooks.register("register_admin_viewset")
def register_competency_admin():
    return CompetencyViewSetGroup()
