"""Admin listings of records that no person writes by hand (gaps, audit entries): search, list and
inspect; add, change and delete are neither shown nor allowed, to superusers neither.

Core helper (like portal.spreadsheets): every app may import it; it imports no app.
"""

from django.urls import path
from wagtail.permission_policies import ModelPermissionPolicy


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only "view" (as the role's permissions give it); every other action is refused to everyone."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


class ReadOnlyViewSetMixin:
    """Put before ModelViewSet: index, results and inspect views only, under a view-only policy."""

    @property
    def permission_policy(self):
        return ViewOnlyPermissionPolicy(self.model)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
