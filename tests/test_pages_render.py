"""Every page of the union's site answers in Dutch, French and English, in its own language."""

import re

import pytest
from django.utils.html import escape

from tests.conftest import LANGUAGES, live_pages

MENU_PAGE_TYPES = {
    "MissionPage",
    "HistoryPage",
    "FaqPage",
    "MembershipFormPage",
    "DonatePage",
    "EventIndexPage",
    "StatementIndexPage",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_renders_in_its_language(client, language):
    pages = live_pages(language)
    assert len(pages) == 19
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f'<html lang="{language}"' in html, page.url
        assert len(re.findall(r"<h1[\s>]", html)) == 1, page.url
        assert f"<title>{escape(page.seo_title or page.title)}" in html, page.url


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_type_is_reachable_from_the_home_page_navigation(client, language):
    html = client.get(f"/{language}/").content.decode()
    for page in live_pages(language):
        if page.specific_class.__name__ in MENU_PAGE_TYPES:
            assert f'href="{page.url}"' in html, page.url


@pytest.mark.django_db
def test_french_pages_show_french_text_only(client):
    html = client.get("/fr/mission-et-vision/").content.decode()
    assert "modèle suédois" in html
    assert "Zweedse model" not in html
    assert "Swedish model" not in html


@pytest.mark.django_db
def test_unknown_page_gets_a_translated_404(client):
    response = client.get("/fr/cette-page-nexiste-pas/")
    assert response.status_code == 404
    assert '<html lang="fr"' in response.content.decode()
