"""API answers can be cached by browsers and the CDN, and change as soon as a page is published."""

import pytest

from home.models import MissionPage


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v2/pages/?locale=fr", "/api/v2/site/?locale=fr", "/api/v2/openapi.json"])
def test_get_answers_carry_cache_headers_and_answer_304(client, url):
    response = client.get(url)
    assert "max-age=" in response["Cache-Control"]
    assert response["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


@pytest.mark.django_db
def test_publishing_a_page_changes_its_etag(client):
    mission = MissionPage.objects.get(locale__language_code="fr")
    url = f"/api/v2/pages/{mission.id}/"
    before = client.get(url)["ETag"]
    mission.title = "Mission et vision"
    mission.save_revision().publish()
    response = client.get(url, HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 200
    assert response["ETag"] != before
