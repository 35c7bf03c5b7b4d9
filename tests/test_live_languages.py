"""A language whose home page is published or removed by another process (publish_scheduled, a second app
server, a shell) is offered, or no longer offered, at the very next request."""

import pytest
from wagtail.models import Locale, Page

from home.models import HomePage


def offered(client):
    """Where a Romanian visitor arriving at / is sent, and whether the 404 page and the API list Romanian."""
    location = client.get("/", HTTP_ACCEPT_LANGUAGE="ro").headers["Location"]
    not_found = client.get("/nl/does-not-exist/").content.decode()
    api = [language["code"] for language in client.get("/api/v2/site/").json()["languages"]]
    return location, 'href="/ro/"' in not_found, "ro" in api


@pytest.mark.django_db
def test_a_home_page_published_and_removed_elsewhere_is_offered_and_withdrawn_at_once(client):
    romanian = HomePage.objects.get(locale__language_code="nl").copy_for_translation(
        Locale.objects.create(language_code="ro")
    )
    assert offered(client) == ("/nl/", False, False)

    # Another process publishes it: this process receives no signal of it.
    Page.objects.filter(id=romanian.id).update(live=True)
    assert offered(client) == ("/ro/", True, True)

    Page.objects.filter(id=romanian.id).delete()
    assert offered(client) == ("/nl/", False, False)


@pytest.mark.django_db
def test_the_live_languages_cost_one_query(django_assert_num_queries):
    from home.navigation import live_language_codes

    with django_assert_num_queries(1):
        assert live_language_codes() == ["nl", "en", "fr"]
