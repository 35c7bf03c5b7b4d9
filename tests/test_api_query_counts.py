"""API requests cost the same number of queries whether the union has ten events or two hundred."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventIndexPage, EventPage


def add_events(count, first=0):
    index = EventIndexPage.objects.get(locale__language_code="nl")
    start = timezone.now() + datetime.timedelta(days=3)
    for number in range(first, first + count):
        index.add_child(
            instance=EventPage(
                title=f"Bijeenkomst {number}",
                slug=f"bijeenkomst-{number}",
                start=start,
                end=start + datetime.timedelta(hours=2),
                city="Brussel",
                live=True,
            )
        )


def queries_for(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?limit=50",
        "/api/v2/pages/?type=events.EventPage&limit=50&fields=start,end,city",
        "/api/v2/pages/?locale=nl&search=Bijeenkomst&limit=50",
        "/api/v2/site/?locale=nl",
    ],
)
def test_queries_do_not_grow_with_the_number_of_pages(client, url):
    add_events(10)
    with_ten = queries_for(client, url)
    add_events(190, first=10)
    assert EventPage.objects.count() >= 200
    assert queries_for(client, url) == with_ten
