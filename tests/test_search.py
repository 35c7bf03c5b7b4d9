"""Search finds pages in the visitor's language only."""

import pytest

from search.models import SearchPage


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query", "expected_title", "foreign_title"),
    [
        ("nl", "Zweedse", "Missie & Visie", "Mission & Vision"),
        ("en", "Swedish", "Mission & Vision", "Missie & Visie"),
        ("fr", "suédois", "Mission & vision", "Missie & Visie"),
    ],
)
def test_search_finds_pages_of_the_current_language(client, language, query, expected_title, foreign_title):
    search_page = SearchPage.objects.get(locale__language_code=language)
    response = client.get(search_page.url, {"q": query})
    assert response.status_code == 200
    titles = [result.title for result in response.context["results"]]
    assert expected_title in titles
    assert foreign_title not in titles or foreign_title == expected_title


@pytest.mark.django_db
def test_empty_and_huge_queries_are_answered_calmly(client):
    search_page = SearchPage.objects.get(locale__language_code="nl")
    assert client.get(search_page.url).status_code == 200
    assert client.get(search_page.url, {"q": "x" * 5000, "page": "not-a-number"}).status_code == 200


@pytest.mark.django_db
def test_no_result_offers_the_main_pages(client):
    search_page = SearchPage.objects.get(locale__language_code="en")
    response = client.get(search_page.url, {"q": "qwxzvbnm"})
    html = response.content.decode()
    assert "No pages match your search" in html
    main_pages = html.split('class="search-results__main-pages"')[1].split("</ul>")[0]
    assert 'href="/en/mission-and-vision/"' in main_pages
