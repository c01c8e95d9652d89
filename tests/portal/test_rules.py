"""The numbers HR may change live in one place, Wagtail's settings (Settings → Aturan portal): the
yearly JP target, the quiet hours and the public survey's thresholds. Changing them in the admin
changes every page that uses them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from portal import rules
from portal.pages.models import PortalSettings

pytestmark = pytest.mark.django_db


def edit_url(client) -> str:
    """The settings' edit page (Wagtail redirects the generic address to the row's own)."""
    response = client.get(reverse("wagtailsettings:edit", args=["pages", "portalsettings"]), follow=True)
    return response.redirect_chain[-1][0] if response.redirect_chain else response.request["PATH_INFO"]


def test_defaults_follow_the_regulation():
    assert rules.jp_target() == 20 and rules.quiet_hours() == (21, 7)
    assert PortalSettings.load().jp_target_per_year == 20


def test_hr_changes_the_jp_target_in_the_admin_and_every_page_follows(client, hr_with_mfa, pegawai):
    client.force_login(hr_with_mfa)
    url = edit_url(client)
    page = client.get(url)
    assert page.status_code == 200 and "Target JP per tahun" in page.content.decode()
    form = {"jp_target_per_year": 24, "quiet_start": 22, "quiet_end": 6}
    response = client.post(url, form | {"skm_weak_below": "3.25", "skm_officer_min_responses": 12})
    assert response.status_code == 302, response.content.decode()[:500]
    assert rules.jp_target() == 24 and rules.quiet_hours() == (22, 6)
    assert (rules.skm_weak_below(), rules.skm_officer_min_responses()) == (Decimal("3.25"), 12)

    assert "Mencapai 24 JP" in client.get(reverse("appraisal_jp")).content.decode()
    client.force_login(pegawai)
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "/ 24 JP" in dashboard and "paling sedikit 24 JP" in dashboard


def test_a_target_out_of_range_is_refused(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    url = edit_url(client)
    response = client.post(url, {"jp_target_per_year": 0, "quiet_start": 21, "quiet_end": 7})
    assert response.status_code == 200  # the form again, with the error
    assert PortalSettings.load().jp_target_per_year == 20


def test_only_hr_may_change_them(client, pelatih_with_mfa):
    client.force_login(pelatih_with_mfa)
    url = f"/admin/settings/pages/portalsettings/{PortalSettings.load().pk}/"
    assert client.post(url, {"jp_target_per_year": 5, "quiet_start": 21, "quiet_end": 7}).status_code in (302, 403)
    assert PortalSettings.load().jp_target_per_year == 20


def test_reading_the_rules_writes_nothing_and_keeps_every_kept_page():
    """The settings row is created by HR's first save, never by a read: a read that created it would
    bump the public pages' version and every kept page would be built again (a catalog built while
    the rules' cache entry had lapsed was thrown away at once)."""
    from django.core.cache import cache

    from portal.page_cache import VERSION_KEY

    cache.delete(rules.CACHE_KEY)
    version = cache.get(VERSION_KEY)
    assert rules.jp_target() == 20 and rules.skm_officer_min_responses() == 10
    assert not PortalSettings.objects.exists()
    assert cache.get(VERSION_KEY) == version

    PortalSettings.objects.create(jp_target_per_year=24)
    assert rules.jp_target() == 24  # the save dropped the cached values
    cache.delete(rules.CACHE_KEY)
    assert rules.jp_target() == 24
