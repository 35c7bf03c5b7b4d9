"""iCalendar files of events, written by the icalendar library: one event, or a language's upcoming events.

Only what the event page itself shows goes in: title, times, city and public place, a short text and the
page's address. Never an address given on request, an organiser or anyone's contact details.
"""

import datetime
import html
import uuid
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.http import content_disposition_header
from django.utils.text import Truncator
from django.utils.translation import gettext
from icalendar import Calendar, Event
from icalendar.enums import STATUS
from icalendar.prop import vDuration

from home.models.pages import body_opening

BRUSSELS = ZoneInfo("Europe/Brussels")
PRODUCT_ID = "-//UTSOPI//Events//EN"
# Fixed namespace for the UIDs of the calendars themselves (not of their events).
CALENDAR_NAMESPACE = uuid.UUID("0b6f6c2e-6a43-4c8e-9a47-3f4f7e2d9c51")
DESCRIPTION_LENGTH = 300
# How often subscribed calendar apps should fetch the feed again.
REFRESH_INTERVAL = datetime.timedelta(hours=6)


def event_uid(event):
    """The same UID for every language of an event: the Dutch, French and English pages are one meeting.

    It comes from the page's translation_key, which wagtail-localize shares between a source page and
    its translations and which never changes, even when the title, slug or date does. So a calendar
    app given the event twice (from the French page, then from the Dutch one, or again once it is
    cancelled) updates one entry instead of adding a second.
    """
    return str(event.translation_key)


def event_location(event):
    """Venue and city; for an address given on request, only the city and those words."""
    if event.address_on_request:
        return gettext("%(city)s, address on request") % {"city": event.city}
    return ", ".join(part for part in (event.public_venue, event.city) if part)


def event_description(event, url):
    text = html.unescape(strip_tags(event.intro or "") or body_opening(event))
    text = Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)
    return f"{text}\n\n{url}" if text else url


def calendar_event(event, request):
    """The event as a VEVENT. Its DTSTAMP is when the page was last published (RFC 5545, for files
    without a METHOD), so an unchanged feed is the same file and apps can ask whether it changed."""
    url = event.get_full_url(request)
    published = event.last_published_at or timezone.now()
    summary = event.title
    if event.cancelled:
        summary = gettext("Cancelled: %(title)s") % {"title": event.title}
    return Event.new(
        uid=event_uid(event),
        stamp=published,
        last_modified=published,
        start=timezone.localtime(event.start, BRUSSELS),
        end=timezone.localtime(event.end, BRUSSELS),
        summary=summary,
        description=event_description(event, url),
        location=event_location(event),
        url=url,
        status=STATUS.CANCELLED if event.cancelled else STATUS.CONFIRMED,
    )


def build_calendar(events, *, uid, name=None, description=None, url=None, source=None):
    """A calendar of these icalendar events, with the VTIMEZONE of Brussels for the years they fall in.

    A calendar with a source (a feed apps subscribe to) also says how often to fetch it again.
    """
    calendar = Calendar.new(
        prodid=PRODUCT_ID,
        uid=uid,
        name=name,
        description=description,
        url=url,
        source=source,
        refresh_interval=REFRESH_INTERVAL if source else None,
        subcomponents=events,
    )
    calendar.add("X-WR-TIMEZONE", BRUSSELS.key)
    if source:
        # RFC 7986 §5.7 requires VALUE=DURATION here; icalendar 7.3 leaves it out.
        calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
        calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH_INTERVAL))
    if calendar.events:
        # Only the years the events fall in: a VTIMEZONE from 1970 to 2038 would be most of the file.
        first = min(event.start for event in calendar.events).year
        last = max(event.end for event in calendar.events).year
        calendar.add_missing_timezones(first_date=datetime.date(first, 1, 1), last_date=datetime.date(last + 1, 1, 1))
    return calendar


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def calendar_uid(*parts):
    """A stable UID for a calendar file, so that the same feed is the same file until its events change."""
    return str(uuid.uuid5(CALENDAR_NAMESPACE, "/".join(str(part) for part in parts)))
