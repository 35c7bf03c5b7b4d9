"""The API never shows drafts, unpublished translations, private pages, accounts or bad-input crashes."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from home.models import ContentPage, FaqPage, HomePage

MARKER = "ZZ-private-marker-7Q"


def every_api_response(client):
    """Every listing page and every page detail the API offers, as text."""
    texts = []
    for endpoint in ("pages", "images", "documents"):
        offset = 0
        while True:
            response = client.get(f"/api/v2/{endpoint}/", {"limit": 50, "offset": offset})
            assert response.status_code == 200
            data = response.json()
            texts.append(response.content.decode())
            for item in data["items"]:
                texts.append(client.get(f"/api/v2/{endpoint}/{item['id']}/").content.decode())
            offset += 50
            if offset >= data["meta"]["total_count"]:
                break
    for locale in ("nl", "fr", "en"):
        texts.append(client.get("/api/v2/site/", {"locale": locale}).content.decode())
    texts.append(client.get("/api/v2/pages/", {"search": MARKER}).content.decode())
    return "\n".join(texts)


@pytest.mark.django_db
def test_drafts_unpublished_translations_and_private_pages_never_appear(client):
    home = HomePage.objects.get(locale__language_code="nl")

    draft = FaqPage.objects.get(locale__language_code="nl")
    draft.title = f"Draft {MARKER}"
    draft.save_revision()

    french_faq = FaqPage.objects.get(locale__language_code="fr")
    french_faq.title = f"Non publiée {MARKER}"
    french_faq.save_revision()
    french_faq.unpublish()

    private = home.add_child(instance=ContentPage(title=f"Private {MARKER}", slug="private"))
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret-pass")

    get_user_model().objects.create_user("member-account", email=f"{MARKER.lower()}@example.org", password="x" * 14)

    texts = every_api_response(client)
    assert MARKER not in texts
    assert MARKER.lower() not in texts
    assert client.get(f"/api/v2/pages/{private.id}/").status_code == 404
    assert client.get(f"/api/v2/pages/{french_faq.id}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?locale=xx",
        "/api/v2/pages/?limit=100000",
        "/api/v2/pages/?limit=-1",
        "/api/v2/pages/?offset=abc",
        "/api/v2/documents/?offset=10000000000000000000",
        "/api/v2/pages/?type=nope.Nothing",
        "/api/v2/pages/?fields=no_such_field",
        "/api/v2/pages/?order=no_such_field",
        "/api/v2/pages/?child_of=abc",
        "/api/v2/pages/?unknown_parameter=1",
        "/api/v2/pages/abc/",
        "/api/v2/images/abc/",
        "/api/v2/site/?locale=xx",
        "/api/v2/site/?colour=red",
    ],
)
def test_bad_input_gets_a_400_with_a_json_reason(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["message"]


@pytest.mark.django_db
def test_unknown_paths_and_ids_answer_json_404(client):
    for url in ("/api/v2/pages/999999/", "/api/v2/nothing-here/", "/api/v2/images/999999/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"].startswith("application/json"), url


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/site/", "/api/v2/openapi.json"])
def test_the_api_is_read_only(url):
    client = Client(enforce_csrf_checks=True)
    assert client.post(url, {}, content_type="application/json").status_code == 405
    assert client.delete(url).status_code == 405
    assert client.generic("QUERY", url).status_code == 405


@pytest.mark.django_db
def test_no_admin_api_and_no_preview_api(client):
    assert Page.objects.exists()
    assert client.get("/api/v3/pages/").status_code == 404
    assert client.get("/api/v2/users/").status_code == 404
