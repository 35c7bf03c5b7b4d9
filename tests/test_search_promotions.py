"""Editors promote pages for a search in each language (Settings > Promoted search results)."""

import pytest
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.models import FaqPage
from search.models import SearchPage


@pytest.mark.django_db
def test_editors_manage_promoted_results(editor_client):
    assert editor_client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    assert editor_client.get(reverse("wagtailsearchpromotions:add")).status_code == 200


@pytest.mark.django_db
def test_a_promoted_page_shows_in_its_own_language_only(client):
    french_faq = FaqPage.objects.get(locale__language_code="fr")
    SearchPromotion.objects.create(query=Query.get("aide"), page=french_faq, description="Nos réponses.")

    french = client.get(SearchPage.objects.get(locale__language_code="fr").url, {"q": " Aide "}).content.decode()
    assert "Nos réponses." in french
    assert french_faq.url in french
    dutch = client.get(SearchPage.objects.get(locale__language_code="nl").url, {"q": "aide"}).content.decode()
    assert "Nos réponses." not in dutch
    assert list(Query.objects.values_list("query_string", flat=True)) == ["aide"]
