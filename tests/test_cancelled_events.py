"""A cancelled event stays listed, so people who planned to come learn it will not take place: its page, the
event list, search engines and the API all say it is cancelled."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from events.models import EventPage
from tests.factories import add_event, events_index


def structured_data(html):
    [data] = [json.loads(script.string) for script in html.find_all("script", type="application/ld+json")]
    return data


@pytest.mark.django_db
def test_a_cancelled_event_says_so_on_its_page_and_to_search_engines(client):
    cancelled = add_event(title="Gaat niet door", cancelled=True)
    confirmed = add_event(title="Gaat door")

    page = BeautifulSoup(client.get(cancelled.url).content, "html.parser")
    notice = page.find(class_="notice--cancelled")
    assert notice is not None
    assert notice.find_parent("main")
    assert structured_data(page)["eventStatus"] == "https://schema.org/EventCancelled"

    page = BeautifulSoup(client.get(confirmed.url).content, "html.parser")
    assert page.find(class_="notice--cancelled") is None
    assert structured_data(page)["eventStatus"] == "https://schema.org/EventScheduled"


@pytest.mark.django_db
def test_a_cancelled_event_stays_in_the_list_marked_in_its_heading(client):
    add_event(title="Gaat niet door", cancelled=True)
    listing = BeautifulSoup(client.get(events_index().url).content, "html.parser")

    headings = {
        heading.a.get_text(): heading for heading in listing.select("#upcoming-events ~ .event-list .event__title")
    }
    assert headings["Gaat niet door"].find(class_="event__cancelled")
    others = [heading for title, heading in headings.items() if title != "Gaat niet door"]
    assert others
    assert not any(heading.find(class_="event__cancelled") for heading in others)


@pytest.mark.django_db
def test_the_api_tells_whether_an_event_is_cancelled(client):
    cancelled = add_event(title="Gaat niet door", cancelled=True)
    confirmed = EventPage.objects.get(locale__language_code="nl", slug="ghent-workshop")

    assert client.get(f"/api/v2/pages/{cancelled.id}/").json()["cancelled"] is True
    assert client.get(f"/api/v2/pages/{confirmed.id}/").json()["cancelled"] is False
    listing = client.get("/api/v2/pages/", {"type": "events.EventPage", "fields": "cancelled", "limit": 50}).json()
    assert {item["title"]: item["cancelled"] for item in listing["items"]}["Gaat niet door"] is True


def rich_text(text):
    """The Draftail editor's form value for one paragraph."""
    block = {"key": "a", "text": text, "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
    return json.dumps({"blocks": [block], "entityMap": {}})


@pytest.mark.django_db
def test_an_editor_previewing_a_new_cancelled_event_sees_what_visitors_will(admin_client):
    index = events_index()
    preview = reverse("wagtailadmin_pages:preview_on_add", args=("events", "eventpage", index.id))
    form = {
        "title": "Nieuwe bijeenkomst",
        "slug": "nieuwe-bijeenkomst",
        "kind": "meeting",
        "cancelled": "on",
        "start": "2030-07-01 19:00",
        "end": "2030-07-01 21:00",
        "city": "Gent",
        "venue": "",
        "intro": rich_text("Tekst."),
        "body-count": "0",
    }
    assert admin_client.post(preview, form).json() == {"is_valid": True, "is_available": True}
    page = BeautifulSoup(admin_client.get(preview).content, "html.parser")
    assert page.find(class_="notice--cancelled")
    assert page.find("a", href=f"{index.url}nieuwe-bijeenkomst/ical/")
