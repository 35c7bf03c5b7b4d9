"""Odd search input is answered calmly, never with a 500."""

import json

import pytest

from search.models import SearchPage
from utsopi_site.api.endpoints import MAX_SEARCH_LENGTH

ENDPOINTS = ["pages", "images", "documents"]


def assert_json_400(response, reason):
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert reason in json.loads(response.content)["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_unknown_search_operator_is_a_400_naming_the_allowed_ones(client, endpoint):
    for query in ({"search": "a", "search_operator": "xor"}, {"search_operator": "xor"}):
        assert_json_400(client.get(f"/api/v2/{endpoint}/", query), "search_operator must be 'and' or 'or'")


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("operator", ["and", "or"])
def test_the_documented_search_operators_work(client, endpoint, operator):
    response = client.get(f"/api/v2/{endpoint}/", {"search": "a b", "search_operator": operator})
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_nul_byte_in_an_api_search_is_a_400(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"search": "a\x00b"})
    assert_json_400(response, "search cannot contain a NUL character")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/api/v2/pages/?type=%00", "/api/v2/pages/?locale=%00", "/api/v2/pages/?order=%00", "/api/v2/site/?locale=%00"],
)
def test_a_nul_byte_in_any_api_parameter_is_a_400(client, url):
    assert_json_400(client.get(url), "cannot contain a NUL character")


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_over_long_api_search_is_a_400_naming_the_limit(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"search": "word " * 2000})
    assert_json_400(response, f"search cannot be longer than {MAX_SEARCH_LENGTH} characters")


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_search_of_the_documented_maximum_length_is_answered(client, endpoint):
    response = client.get(
        f"/api/v2/{endpoint}/", {"search": ("a " * MAX_SEARCH_LENGTH)[:MAX_SEARCH_LENGTH], "search_operator": "and"}
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_openapi_document_declares_the_search_limits(client):
    document = client.get("/api/v2/openapi.json").json()
    for path in ("/pages/", "/images/", "/documents/"):
        parameters = {
            parameter["name"]: parameter["schema"] for parameter in document["paths"][path]["get"]["parameters"]
        }
        assert parameters["search"]["maxLength"] == MAX_SEARCH_LENGTH, path
        assert parameters["search_operator"]["enum"] == ["and", "or"], path


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["a\x00b", "\x00", "\x00" * 5000])
def test_the_search_page_answers_a_nul_byte_with_a_normal_page(client, query):
    search_page = SearchPage.objects.get(locale__language_code="nl")
    response = client.get(search_page.url, {"q": query})
    assert response.status_code == 200
    assert response.context["page"] == search_page
