"""Translators see which translations fall behind their Dutch source, per language."""

import pytest

from home.models import MissionPage
from home.translation_report import stale_translations


@pytest.mark.django_db
def test_freshly_loaded_translations_are_up_to_date():
    assert stale_translations() == []


@pytest.mark.django_db
def test_changing_the_source_lists_its_translations_per_language(admin_client):
    mission = MissionPage.objects.get(locale__language_code="nl")
    mission.title = "Missie en visie"
    mission.save_revision().publish()

    stale = stale_translations()
    assert sorted(item.translated_page.locale.language_code for item in stale) == ["en", "fr"]
    assert [item.translated_page.title for item in stale_translations("fr")] == ["Mission & vision"]

    response = admin_client.get("/admin/reports/translations-to-update/?language=fr")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mission &amp; vision" in html
    assert "Mission &amp; Vision" not in html


@pytest.mark.django_db
def test_synchronising_clears_the_report():
    from wagtail_localize.models import TranslationSource

    mission = MissionPage.objects.get(locale__language_code="nl")
    mission.save_revision().publish()
    TranslationSource.update_or_create_from_instance(mission)
    assert stale_translations() == []
