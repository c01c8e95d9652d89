"""The Wagtail Site, and so every link in Wagtail's e-mails and every page's full URL, follows the
portal's public address (WAGTAILADMIN_BASE_URL), not the placeholder localhost:80."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from portal.pages.models import HomePage
from portal.pages.sites import base_url_host, default_site_follow_base_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://kompeten.pangkalpinangkota.go.id", ("kompeten.pangkalpinangkota.go.id", 443)),
        ("http://10.0.0.5:8080/", ("10.0.0.5", 8080)),
        ("kompeten.example", None),
        ("", None),
    ],
)
def test_the_host_and_port_of_the_base_url(settings, url, host):
    settings.WAGTAILADMIN_BASE_URL = url
    assert base_url_host() == host


def test_after_migrate_the_site_and_page_urls_use_the_public_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kompeten.pangkalpinangkota.go.id"
    Site.objects.update(hostname="localhost", port=80)

    call_command("migrate", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("kompeten.pangkalpinangkota.go.id", 443)
    assert HomePage.objects.get().full_url == "https://kompeten.pangkalpinangkota.go.id/"
    assert default_site_follow_base_url() is None  # already there: nothing to write
