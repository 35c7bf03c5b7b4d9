"""A page that is not live in the language asked for sends the visitor to a language it is live in."""

import pytest
from wagtail.models import Page


@pytest.mark.django_db
def test_unpublished_french_page_redirects_to_the_visitors_next_language(client):
    Page.objects.get(locale__language_code="fr", url_path__endswith="/faq/").unpublish()
    response = client.get("/fr/faq/", HTTP_ACCEPT_LANGUAGE="fr-BE,en;q=0.8")
    assert response.status_code == 302
    assert response["Location"] == "/en/faq/?unavailable=fr"


@pytest.mark.django_db
def test_unpublished_french_page_falls_back_to_dutch_by_default(client):
    Page.objects.get(locale__language_code="fr", url_path__endswith="/faq/").unpublish()
    response = client.get("/fr/faq/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/faq/?unavailable=fr"


@pytest.mark.django_db
def test_a_language_without_a_live_site_is_not_served_dutch_text(client):
    response = client.get("/de/missie-en-visie/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 302
    assert response["Location"] == "/nl/missie-en-visie/?unavailable=de"


@pytest.mark.django_db
def test_a_page_that_exists_nowhere_is_a_404(client):
    assert client.get("/fr/nulle-part/").status_code == 404


@pytest.mark.django_db
def test_an_unknown_language_prefix_gets_a_translated_404_with_the_live_languages(client):
    response = client.get("/xx/missie-en-visie/", HTTP_ACCEPT_LANGUAGE="fr", follow=True)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    for code, home in [("nl", "/nl/"), ("fr", "/fr/"), ("en", "/en/")]:
        assert f'<a href="{home}" lang="{code}" hreflang="{code}">' in html
    assert 'hreflang="de"' not in html
