from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import views
from .page_routing import page_serve_view
from .people.language import language_set_view
from .sitemaps import SITEMAPS

# Neither admin keeps a login of its own: both send people through allauth (MFA, rate limits).
login_redirect = RedirectView.as_view(pattern_name="account_login", query_string=True)

urlpatterns = [
    path("healthz", views.healthz_view, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("dasbor/", views.dashboard_view, name="dashboard"),
    path("notifikasi/", include("portal.notifications.urls")),
    path("", include("portal.privacy.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("courses.urls")),
    path("", include("courses.scorm.site_urls")),
    path("", include("courses.openbadges.urls")),
    path("", include("courses.development.urls")),
    path("", include("appraisal_link.urls")),
    path("", include("appraisal_link.feedback.urls")),
    path("", include("appraisal_link.feedback.peer_urls")),
    path("", include("portal.change.urls")),
    path("i18n/setlang/", language_set_view, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/login/", login_redirect),
    path("admin/password_reset/", RedirectView.as_view(pattern_name="account_reset_password")),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/login/", login_redirect),
    path("django-admin/", admin.site.urls),
    # Wagtail's own login for private pages would be a second door without MFA or rate limits.
    path("_util/login/", login_redirect, name="frontend_login_redirect"),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("appraisal_link.api.urls")),
]

if settings.KOMPETEN_BENCH_FLOOR:
    urlpatterns.append(path("_bench/floor/", views.bench_floor_view, name="bench_floor"))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving, from the kept route when there is one (portal/page_routing.py).
urlpatterns += [
    re_path(r"^((?:[\w\-]+/)*)$", page_serve_view, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]
