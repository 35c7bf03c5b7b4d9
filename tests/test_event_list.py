"""Visitors narrow the event list to one city with a small form that works without JavaScript; the pages of
past events keep the city, and any odd city in the address gets a clear message, never an error."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import add_event, events_index


def get(client, params=None):
    response = client.get(events_index().url, params or {})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(html, section):
    return [heading.a.get_text() for heading in html.select(f"#{section} ~ .event-list .event__title")]


@pytest.mark.django_db
def test_the_city_filter_is_a_labelled_get_form_of_the_cities_with_events(client):
    add_event(city="Charleroi", days_from_now=-30)
    form = get(client).find("form", class_="event-filter")

    assert form["method"] == "get"
    assert form["action"] == events_index().url
    select = form.find("select", attrs={"name": "city"})
    assert form.find("label", attrs={"for": select["id"]}).get_text(strip=True)
    options = [option["value"] for option in select.find_all("option")]
    assert options[0] == ""
    # Every city once, alphabetically, a past event's city too.
    assert options[1:] == ["Antwerpen", "Brussel", "Charleroi", "Gent", "Luik"]
    assert form.find("button", type="submit")
    assert not form.find_all("script")
    assert not form.find_all(style=True)


@pytest.mark.django_db
def test_choosing_a_city_shows_only_its_events_cancelled_ones_included(client):
    add_event(city="Gent", title="Extra in Gent")
    add_event(city="Gent", title="Afgelast in Gent", cancelled=True)
    add_event(city="Brussel", title="Extra in Brussel")
    html = get(client, {"city": "Gent"})

    assert sorted(titles(html, "upcoming-events")) == sorted(
        ["Voorbeeld: workshop in Gent", "Extra in Gent", "Afgelast in Gent"]
    )
    assert html.find("option", value="Gent").has_attr("selected")
    assert "Gent" in html.find(class_="event-filter__status").get_text()
    assert html.find(class_="event-filter__status").find("a", href=events_index().url)


@pytest.mark.django_db
def test_a_city_without_upcoming_events_says_so(client):
    add_event(city="Charleroi", days_from_now=-30, title="Voorbij in Charleroi")
    html = get(client, {"city": "Charleroi"})

    assert titles(html, "upcoming-events") == []
    assert "Charleroi" in html.find(class_="events-section__empty").get_text()
    assert titles(html, "past-events") == ["Voorbij in Charleroi"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "city",
    [
        "Atlantis",
        "x" * 5000,
        "Gent\x00",
        "\x00",
        "<script>alert(1)</script>",
        "Brussel' OR '1'='1",
        "%",
        "💥",
    ],
    ids=["unknown", "long", "null-after", "null", "markup", "quote", "percent", "emoji"],
)
def test_an_unknown_or_odd_city_finds_nothing_with_a_clear_message_never_an_error(client, city):
    add_event(city="Brussel", days_from_now=-30)
    response = client.get(events_index().url, {"city": city, "past": "2"})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert titles(html, "upcoming-events") == []
    assert titles(html, "past-events") == []
    notice = html.select_one("#upcoming-events ~ .notice")
    assert notice.find("a", href=events_index().url)
    assert "<script>alert(1)" not in response.content.decode()
    assert not html.find(class_="event-filter__status")


@pytest.mark.django_db
def test_bytes_that_are_no_text_in_the_address_are_no_error(client):
    for query in ["city=%FF%FE", "city=%ED%A0%80", "city=%", "city&city=Gent", "city[]=Gent"]:
        response = client.get(f"{events_index().url}?{query}")
        assert response.status_code == 200, query


@pytest.mark.django_db
def test_odd_page_numbers_of_past_events_are_no_error(client):
    for past in ["0", "-1", "abc", "9" * 400, "last", "1.5", "\x00"]:
        assert client.get(events_index().url, {"past": past, "city": "Brussel"}).status_code == 200, past


@pytest.mark.django_db
def test_pages_of_past_events_keep_the_city(client):
    for number in range(12):
        add_event(city="Brussel", days_from_now=-(number + 1), title=f"Brussel {number}")
    for number in range(3):
        add_event(city="Gent", days_from_now=-(number + 1), title=f"Gent {number}")

    first = get(client, {"city": "Brussel"})
    assert titles(first, "past-events") == [f"Brussel {number}" for number in range(10)]
    next_link = first.select_one(".pagination a[rel=next]")
    assert next_link["href"] == "?city=Brussel&past=2#past-events"

    second = get(client, {"city": "Brussel", "past": "2"})
    assert titles(second, "past-events") == ["Brussel 10", "Brussel 11"]
    assert second.select_one(".pagination a[rel=prev]")["href"] == "?city=Brussel&past=1#past-events"
    assert second.find("option", value="Brussel").has_attr("selected")

    everything = get(client, {"past": "2"})
    assert len(titles(everything, "past-events")) == 5
    assert everything.select_one(".pagination a[rel=prev]")["href"] == "?past=1#past-events"


@pytest.mark.django_db
def test_a_city_with_accents_and_spaces_survives_the_page_links(client):
    for number in range(11):
        add_event(city="Sint-Joost-ten-Node é", days_from_now=-(number + 1))
    html = get(client, {"city": "Sint-Joost-ten-Node é"})
    assert html.select_one(".pagination a[rel=next]")["href"] == ("?city=Sint-Joost-ten-Node+%C3%A9&past=2#past-events")


def list_queries(client):
    client.get(events_index().url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(events_index().url, {"city": "Brussel"}).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_list_costs_the_same_queries_with_3_or_30_events(client):
    for number in range(3):
        add_event(city="Brussel", days_from_now=number + 1)
    with_three = list_queries(client)
    for number in range(3, 30):
        add_event(city="Brussel", days_from_now=number + 1)
    assert list_queries(client) == with_three
