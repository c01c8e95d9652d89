"""The sitemap of the public site: live pages anyone may read, nothing behind a login.

Wagtail's generator already leaves out pages that are not live or that have a view restriction
(private content). On top of that, page types that always require a login are left out: a lesson
is served only to its enrolled learners (an anonymous visitor is sent to the login page).
"""

from wagtail.contrib.sitemaps import Sitemap

LOGIN_ONLY_PAGE_TYPES = ("courses.LessonPage",)


def _login_only_models():
    from django.apps import apps

    return [apps.get_model(label) for label in LOGIN_ONLY_PAGE_TYPES]


class PublicSitemap(Sitemap):
    """Wagtail's sitemap without the page types that require a login."""

    def items(self):
        return super().items().not_type(*_login_only_models())


SITEMAPS = {"halaman": PublicSitemap}
