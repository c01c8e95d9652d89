from wagtail import hooks

from .viewsets import CompetencyViewSet


@hooks.register("register_admin_viewset")
def register_competency_dictionary():
    return CompetencyViewSet()
