"""On PostgreSQL search understands each language: other word forms, missing accents and one typo still
find the page, in the visitor's language, and the search page and the API give the same pages in the same order."""

import pytest
from django.db import connection
from wagtail.models import Locale

from home.models import HomePage
from search.models import SearchPage
from tests.factories import ContentPageFactory
from tests.test_new_language import add_language_and_translate_home

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="language analysis needs PostgreSQL"),
]


def page_titles(client, language_code, query):
    search_page = SearchPage.objects.get(locale__language_code=language_code)
    response = client.get(search_page.url, {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]], response


def api_titles(client, language_code, query):
    response = client.get("/api/v2/pages/", {"search": query, "locale": language_code, "limit": 10})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    ("language_code", "query", "expected_title"),
    [
        ("nl", "vrijwilligers", "Word vrijwilliger"),  # plural of the title's singular
        ("nl", "persconferenties", "Geschiedenis van UTSOPI"),  # plural of a timeline entry's singular
        ("nl", "belgie", "Missie & Visie"),  # België
        ("nl", "vrijwiliger", "Word vrijwilliger"),  # one letter missing
        ("fr", "formations", "Demander une formation"),
        ("fr", "decriminalisation", "L’histoire d’UTSOPI"),  # noqa: RUF001 (décriminalisation, without its accent)
        ("fr", "benevole", "Devenir bénévole"),
        ("fr", "histoir", "L’histoire d’UTSOPI"),  # noqa: RUF001 (French typography)
        ("en", "volunteers", "Volunteer with us"),
        ("en", "trainings", "Request a training"),
        ("en", "liege", "Example: monthly meeting in Liège"),  # an event's city
        ("en", "volunter", "Volunteer with us"),
    ],
)
def test_word_forms_accents_and_typos_find_the_page_on_the_page_and_in_the_api(
    client, language_code, query, expected_title
):
    on_page, _response = page_titles(client, language_code, query)
    assert expected_title in on_page[:3]
    assert api_titles(client, language_code, query) == on_page


def test_a_typo_is_answered_with_a_suggestion(client):
    _titles, response = page_titles(client, "en", "histroy")
    assert response.context["suggestion"] == "history"
    assert 'href="/en/search/?q=history"' in response.content.decode()


def test_a_title_match_ranks_above_a_body_match(client):
    home = HomePage.objects.get(locale__language_code="nl")
    ContentPageFactory(parent=home, title="Over vervoer", intro="<p>Onze fietsen staan buiten.</p>")
    ContentPageFactory(parent=home, title="Fietsen")
    titles, _response = page_titles(client, "nl", "fietsen")
    assert titles == ["Fietsen", "Over vervoer"]
    assert api_titles(client, "nl", "fietsen") == titles


def test_a_romanian_page_made_by_editors_is_found_with_the_plural(admin_client, client):
    romanian_home = add_language_and_translate_home(admin_client, "ro")
    SearchPage.objects.get(locale__language_code="nl").copy_for_translation(
        Locale.objects.get(language_code="ro")
    ).save_revision().publish()
    ContentPageFactory(
        parent=romanian_home, title="Despre noi", intro="<p>Sindicatul apără dreptul fiecărei lucrătoare.</p>"
    )
    titles, _response = page_titles(client, "ro", "sindicatele lucrătoarelor")
    assert titles == ["Despre noi"]
    assert api_titles(client, "ro", "sindicatele lucratoarelor") == titles
