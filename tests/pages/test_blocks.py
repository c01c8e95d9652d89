"""Block validation, without a database."""

import pytest
from django.core.exceptions import ValidationError

from portal.pages.blocks import FeatureBlock


@pytest.mark.parametrize("link", ["/kursus/", "https://pangkalpinangkota.go.id/", ""])
def test_feature_links_to_the_portal_or_the_web(link):
    FeatureBlock().clean({"title": "Kursus", "text": "Belajar", "link_url": link, "link_text": ""})


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,x", "//jahat.example/", "kursus"])
def test_feature_refuses_script_and_odd_links(link):
    with pytest.raises(ValidationError):
        FeatureBlock().clean({"title": "Kursus", "text": "Belajar", "link_url": link, "link_text": ""})
