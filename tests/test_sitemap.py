"""The sitemap lists every live page in every language, each with its translations as alternates."""

import re

import pytest
from wagtail.models import Page


@pytest.mark.django_db
def test_sitemap_lists_every_language_with_alternates(client, django_assert_max_num_queries):
    # One query per page type, whatever the number of pages.
    with django_assert_max_num_queries(20):
        xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    live = Page.objects.live().filter(depth__gt=1)
    assert len(locations) == live.count() == 57
    mission = xml[xml.index("<loc>http://localhost/fr/mission-et-vision/</loc>") :].split("</url>")[0]
    assert 'hreflang="nl" href="http://localhost/nl/missie-en-visie/"' in mission
    assert 'hreflang="en" href="http://localhost/en/mission-and-vision/"' in mission
    assert 'hreflang="x-default" href="http://localhost/nl/missie-en-visie/"' in mission


@pytest.mark.django_db
def test_unpublished_translation_is_not_in_the_sitemap(client):
    french_faq = Page.objects.get(locale__language_code="fr", url_path__endswith="/faq/")
    french_faq.unpublish()
    xml = client.get("/sitemap.xml").content.decode()
    assert "/fr/faq/" not in xml
    assert "<loc>http://localhost/nl/faq/</loc>" in xml
