"""What visitors search for is theirs: after searching on the site and in the API, the query is in no
database table and no log line, and no browser or proxy keeps the answer."""

import logging

import pytest
from django.apps import apps
from django.db import models
from django.db.models import Q

from search.models import SearchPage

QUERY = "Zwartkraaienvlucht"


def rows_holding(text):
    """Each model (every installed app) with a row whose text columns contain `text`."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        text_types = (models.CharField, models.TextField)
        text_fields = [field.name for field in model._meta.concrete_fields if isinstance(field, text_types)]
        condition = Q()
        for name in text_fields:
            condition |= Q(**{f"{name}__icontains": text})
        if text_fields and model._default_manager.filter(condition).exists():
            found.append(model._meta.label)
    return found


@pytest.mark.django_db
def test_searching_leaves_no_trace_of_the_query(client, caplog):
    caplog.set_level(logging.DEBUG)
    for language_code in ("nl", "fr", "en"):
        search_page = SearchPage.objects.get(locale__language_code=language_code)
        response = client.get(search_page.url, {"q": QUERY})
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        response = client.get("/api/v2/pages/", {"search": QUERY, "locale": language_code})
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
    assert client.get("/api/v2/pages/", {"search": QUERY, "search_operator": "xor"}).status_code == 400

    assert rows_holding(QUERY) == []
    assert QUERY.lower() not in caplog.text.lower()


@pytest.mark.django_db
def test_the_scan_finds_text_that_is_stored():
    """The check above could not fail if the scan missed tables: it finds a query Wagtail would log."""
    from wagtail.contrib.search_promotions.models import Query

    Query.get(QUERY).add_hit()
    assert "wagtailsearchpromotions.Query" in rows_holding(QUERY)
