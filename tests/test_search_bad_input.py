"""Whatever visitors or programs type into search gets a normal answer, or a clear 400 in the API: never a 500."""

import pytest

from search.models import SearchPage

ODD_QUERIES = [
    "",
    "a",
    "x" * 10_000,
    "' OR 1=1; DROP TABLE wagtailcore_page; --",
    '"',
    '"unterminated',
    "\\",
    "%",
    "_",
    "100% _sure_",
    "nul\x00byte",
    "\x00",
    "🙂🏳️‍🌈",
    "sekswerk работа عمل",
    "עבודת מין",
    "مرحبا بكم",
    "a & b | !c <-> d:*",
    "(((",
    " - ",
    "OR AND NOT",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_are_answered_normally(client, query):
    search_page = SearchPage.objects.get(locale__language_code="fr")
    assert client.get(search_page.url, {"q": query}).status_code == 200
    # The API refuses what no database can search (a NUL) or what is over its documented 200 characters.
    refused = "\x00" in query or len(query) > 200
    for params in ({"search": query, "locale": "fr"}, {"search": query}):
        response = client.get("/api/v2/pages/", params)
        assert response.status_code == (400 if refused else 200), response.content
        assert ("message" if refused else "items") in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"search": "travail", "locale": "xx"}, "unknown locale"),
        ({"search": "travail", "locale": "fr", "search_operator": "xor"}, "search_operator"),
    ],
)
def test_the_api_explains_what_it_cannot_search(client, params, message):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    assert message in response.json()["message"]


@pytest.mark.django_db
def test_a_page_number_that_is_not_one_is_the_first_page(client):
    search_page = SearchPage.objects.get(locale__language_code="nl")
    assert client.get(search_page.url, {"q": "sekswerk", "page": "not-a-number"}).status_code == 200
