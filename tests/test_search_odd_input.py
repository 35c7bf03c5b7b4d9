"""Odd search input is answered calmly, never with a 500."""

import json

import pytest

ENDPOINTS = ["pages", "images", "documents"]


def assert_json_400(response, reason):
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert reason in json.loads(response.content)["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_unknown_search_operator_is_a_400_naming_the_allowed_ones(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"search": "a", "search_operator": "xor"})
    assert_json_400(response, "search_operator must be 'and' or 'or'")


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("operator", ["and", "or"])
def test_the_documented_search_operators_work(client, endpoint, operator):
    response = client.get(f"/api/v2/{endpoint}/", {"search": "a b", "search_operator": operator})
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_openapi_document_declares_the_search_operators(client):
    document = client.get("/api/v2/openapi.json").json()
    for path in ("/pages/", "/images/", "/documents/"):
        parameters = {
            parameter["name"]: parameter["schema"] for parameter in document["paths"][path]["get"]["parameters"]
        }
        assert parameters["search_operator"]["enum"] == ["and", "or"], path
