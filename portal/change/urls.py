"""The hub's actions and surveys; the pages themselves are served by Wagtail under /perubahan/."""

from .views import events, reading, surveys

app_name = "change"
urlpatterns = [*reading.urlpatterns, *events.urlpatterns, *surveys.urlpatterns]
