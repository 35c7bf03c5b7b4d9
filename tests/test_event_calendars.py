"""Each event is a calendar file, and each language's event list a calendar feed of its upcoming events, in
Brussels time, in that language; cancelled events stay in them, marked so, and nothing private is in them."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from events.models import EventPage
from tests.factories import add_event, events_index

BRUSSELS = ZoneInfo("Europe/Brussels")
LANGUAGES = ["nl", "fr", "en"]
ADDRESS_ON_REQUEST = {"nl": "adres op aanvraag", "fr": "adresse sur demande", "en": "address on request"}
SECRET_VENUE = "Geheimstraat 7, 1000 Brussel"


def brussels(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


def next_year():
    return timezone.localdate().year + 1


def with_secret_venue(event):
    """An event given on request that still holds a venue in the database (e.g. saved before it was
    given on request, or by a script): the page and its calendars must not show it all the same."""
    EventPage.objects.filter(pk=event.pk).update(venue=SECRET_VENUE, address_on_request=True)
    return EventPage.objects.get(pk=event.pk)


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response


def parse(response):
    return Calendar.from_ical(response.content)


def feed_url(language):
    return events_index(language).url + "ical/"


def feed(client, language):
    return parse(download(client, feed_url(language)))


def by_uid(calendar):
    return {str(event["UID"]): event for event in calendar.events}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_event_page_links_to_its_own_calendar_file(client, language):
    for event in EventPage.objects.live().filter(locale__language_code=language):
        html = BeautifulSoup(client.get(event.url).content, "html.parser")
        link = html.find("a", href=f"{event.url}ical/")
        assert link is not None, event.url
        assert ".ics" in link.get_text()

        response = download(client, link["href"])
        assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
        calendar = parse(response)
        [entry] = calendar.events
        assert str(entry["SUMMARY"]) == event.title
        assert str(entry["URL"]) == event.full_url
        assert str(entry["UID"]) == str(event.translation_key)
        assert entry["STATUS"] == "CONFIRMED"
        assert entry.start == timezone.localtime(event.start, BRUSSELS)
        assert entry.end == timezone.localtime(event.end, BRUSSELS)
        assert entry["DTSTART"].params["TZID"] == "Europe/Brussels"
        assert entry["DTEND"].params["TZID"] == "Europe/Brussels"
        assert "DTSTAMP" in entry
        assert event.full_url in str(entry["DESCRIPTION"])
        assert [zone.tz_name for zone in calendar.timezones] == ["Europe/Brussels"]


@pytest.mark.django_db
def test_the_same_event_has_the_same_uid_in_every_language(client):
    uids = {language: set(by_uid(feed(client, language))) for language in LANGUAGES}
    assert uids["nl"] == uids["fr"] == uids["en"]
    assert len(uids["nl"]) == 4


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("month", "day", "offset"),
    [(7, 16, datetime.timedelta(hours=2)), (1, 14, datetime.timedelta(hours=1))],
    ids=["summer", "winter"],
)
def test_times_are_the_brussels_times_the_editor_entered_summer_and_winter(client, month, day, offset):
    year = next_year()
    event = add_event(title="Bijeenkomst op tijd", start=brussels(year, month, day, 19, 30))
    raw = download(client, f"{event.url}ical/").content.decode()
    assert f"DTSTART;TZID=Europe/Brussels:{year}{month:02}{day:02}T193000" in raw.splitlines()
    assert f"DTEND;TZID=Europe/Brussels:{year}{month:02}{day:02}T213000" in raw.splitlines()

    for calendar in (Calendar.from_ical(raw), feed(client, "nl")):
        entry = by_uid(calendar)[str(event.translation_key)]
        assert (entry.start.hour, entry.start.minute) == (19, 30)
        assert entry.start.utcoffset() == offset
        # The VTIMEZONE in the file says the same, for apps that do not know Europe/Brussels themselves.
        [zone] = calendar.timezones
        assert zone.tz_name == "Europe/Brussels"
        local = datetime.datetime(year, month, day, 19, 30, tzinfo=zone.to_tz())
        assert local.utcoffset() == offset


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_a_feed_of_its_upcoming_events_offered_on_the_event_list(client, language):
    index = events_index(language)
    html = BeautifulSoup(client.get(index.url).content, "html.parser")
    assert html.find("a", href=f"webcal://localhost{index.url}ical/")
    assert html.find("a", href=f"{index.url}ical/")

    response = download(client, f"{index.url}ical/")
    assert response["Content-Disposition"] == f'attachment; filename="utsopi-{index.slug}-{language}.ics"'
    calendar = parse(response)
    with translation.override(language):
        assert calendar.calendar_name == gettext("%(organisation)s – events") % {"organisation": "UTSOPI"}  # noqa: RUF001
    assert str(calendar["X-WR-CALNAME"]) == calendar.calendar_name
    assert str(calendar["SOURCE"]) == f"http://localhost{index.url}ical/"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Brussels"
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H" in response.content.decode().splitlines()

    events = index.upcoming_events()
    assert [str(entry["SUMMARY"]) for entry in calendar.events] == [event.title for event in events]
    assert all(str(entry["URL"]).startswith(f"http://localhost/{language}/") for entry in calendar.events)
    brussels_meeting = by_uid(calendar)[str(events.get(slug="brussels-meeting").translation_key)]
    assert str(brussels_meeting["LOCATION"]).endswith(f", {ADDRESS_ON_REQUEST[language]}")
    ghent_workshop = events.get(slug="ghent-workshop")
    assert str(by_uid(calendar)[str(ghent_workshop.translation_key)]["LOCATION"]) == (
        f"{ghent_workshop.venue}, {ghent_workshop.city}"
    )
    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/Brussels"]


@pytest.mark.django_db
def test_the_feed_holds_only_live_public_upcoming_events_of_its_own_language(client, locales):
    nl_index = events_index("nl")
    listed = add_event(title="Gepubliceerd")
    ongoing = add_event(title="Nu bezig", start=timezone.now() - datetime.timedelta(hours=1))
    ended = add_event(title="Voorbij", start=timezone.now() - datetime.timedelta(days=2))
    draft = add_event(title="Concept", live=False)
    private = add_event(title="Alleen met wachtwoord")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim")
    stray = EventPage(
        title="Verkeerde taal",
        slug="verkeerde-taal",
        locale=locales["fr"],
        start=listed.start,
        end=listed.end,
        city="Bruxelles",
    )
    nl_index.add_child(instance=stray)
    # A French translation that exists but is not published.
    unpublished = listed.copy_for_translation(locales["fr"])
    assert not unpublished.live

    titles = {str(entry["SUMMARY"]) for entry in feed(client, "nl").events}
    assert {"Gepubliceerd", "Nu bezig"} <= titles
    assert titles.isdisjoint({"Voorbij", "Concept", "Alleen met wachtwoord", "Verkeerde taal"})
    french = by_uid(feed(client, "fr"))
    assert str(listed.translation_key) not in french
    assert all(str(entry["URL"]).startswith("http://localhost/fr/") for entry in french.values())
    assert {ongoing.title, ended.title, draft.title}.isdisjoint(str(entry["SUMMARY"]) for entry in french.values())

    # The private and draft events have no calendar file for visitors either: the password form, a 404.
    password_form = client.get(f"{private.url}ical/")
    assert password_form["Content-Type"].startswith("text/html")
    assert b"BEGIN:VCALENDAR" not in password_form.content
    assert client.get(f"/nl/{nl_index.slug}/{draft.slug}/ical/").status_code == 404


@pytest.mark.django_db
def test_a_cancelled_event_stays_in_the_feed_and_its_file_marked_cancelled(client):
    cancelled = add_event(title="Gaat niet door", cancelled=True)
    confirmed = add_event(title="Gaat door")

    entries = by_uid(feed(client, "nl"))
    assert entries[str(cancelled.translation_key)]["STATUS"] == "CANCELLED"
    assert "Gaat niet door" in str(entries[str(cancelled.translation_key)]["SUMMARY"])
    assert entries[str(confirmed.translation_key)]["STATUS"] == "CONFIRMED"
    assert str(entries[str(confirmed.translation_key)]["SUMMARY"]) == "Gaat door"
    [entry] = parse(download(client, f"{cancelled.url}ical/")).events
    assert entry["STATUS"] == "CANCELLED"


@pytest.mark.django_db
def test_an_address_given_on_request_is_nowhere_not_even_a_venue_left_in_the_database(client):
    event = with_secret_venue(add_event(title="Veilige bijeenkomst", city="Brussel"))
    index = events_index("nl")

    calendar_file = download(client, f"{event.url}ical/").content.decode()
    feed_file = download(client, f"{index.url}ical/").content.decode()
    for text in (calendar_file, feed_file):
        assert "Geheimstraat" not in text
        assert "Brussel\\, adres op aanvraag" in text
    [entry] = Calendar.from_ical(calendar_file).events
    assert str(entry["LOCATION"]) == "Brussel, adres op aanvraag"

    page = client.get(event.url).content.decode()
    assert "Geheimstraat" not in page  # the page, and the JSON-LD in it
    assert "Veilige bijeenkomst" in client.get(index.url).content.decode()
    assert "Geheimstraat" not in client.get(index.url).content.decode()
    listing = client.get("/api/v2/pages/", {"type": "events.EventPage", "fields": "*", "limit": 50})
    assert listing.status_code == 200
    assert "Veilige bijeenkomst" in listing.content.decode()
    assert "Geheimstraat" not in listing.content.decode()
    assert "Geheimstraat" not in client.get(f"/api/v2/pages/{event.id}/").content.decode()


@pytest.mark.django_db
def test_the_description_is_the_introduction_as_plain_text_with_the_page_address(client):
    event = add_event(intro="<p>Samen &amp; <b>veilig</b>: koffie &lt;gratis&gt;.</p>")
    [entry] = parse(download(client, f"{event.url}ical/")).events
    assert str(entry["DESCRIPTION"]) == f"Samen & veilig: koffie <gratis>.\n\n{event.full_url}"


@pytest.mark.django_db
def test_calendars_carry_nothing_personal(client, locales):
    for text in (
        download(client, feed_url("nl")).content.decode(),
        download(client, f"{add_event().url}ical/").content.decode(),
    ):
        assert "ORGANIZER" not in text
        assert "ATTENDEE" not in text
        assert "mailto:" not in text
        assert "@utsopi.be" not in text


@pytest.mark.django_db
def test_an_unchanged_feed_is_the_same_file_so_apps_can_ask_if_it_changed(client):
    first = download(client, feed_url("nl"))
    second = download(client, feed_url("nl"))
    assert first.content == second.content
    assert client.get(feed_url("nl"), headers={"if-none-match": first["ETag"]}).status_code == 304


def feed_queries(client):
    client.get(feed_url("nl"))  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        download(client, feed_url("nl"))
    return len(queries)


@pytest.mark.django_db
def test_the_feed_costs_the_same_queries_with_3_or_30_events(client):
    for number in range(3):
        add_event(title=f"Bijeenkomst {number}")
    with_three = feed_queries(client)
    for number in range(3, 30):
        add_event(title=f"Bijeenkomst {number}")
    assert len(feed(client, "nl").events) >= 30
    assert feed_queries(client) == with_three


@pytest.mark.django_db
def test_an_event_cannot_take_the_address_of_the_feed():
    event = add_event()
    event.slug = "ical"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "slug" in error.value.message_dict
