"""Events' part of the initial content: the list of events and four example events placed in the coming
months (page makers, see home/initial_content/content.py)."""

import calendar
import datetime
from zoneinfo import ZoneInfo

from events.models import EventIndexPage, EventPage

BRUSSELS = ZoneInfo("Europe/Brussels")


def events(content):
    return EventIndexPage(**content.page_fields("events"), intro=content["events"]["intro"])


def example_events(content):
    return [
        example_event(content, data, source)
        for data, source in zip(content["events"]["examples"], content.source["events"]["examples"], strict=True)
    ]


example_events.parent = "events"


def example_event(content, data, source):
    day = months_ahead(content.today, source["months_ahead"], source["day_of_month"])
    return EventPage(
        title=data["title"],
        slug=source["key"],
        search_description="",
        intro=data["body"],
        kind=source["kind"],
        start=at_brussels_time(day, source["start_time"]),
        end=at_brussels_time(day, source["end_time"]),
        city=data["city"],
        venue=source["venue"],
        address_on_request=source["address_on_request"],
    )


def months_ahead(today, months, day):
    month_index = today.month - 1 + months
    year, month = today.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def at_brussels_time(day, clock):
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BRUSSELS)
