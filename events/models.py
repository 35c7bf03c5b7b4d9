"""Monthly meetings, workshops and demonstrations. Its own app: events have dates, places and feeds."""

import re
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import formats, timezone, translation
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework.fields import CharField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from events.calendars import build_calendar, calendar_event, calendar_response, calendar_uid
from home.blocks import BodyBlock
from home.models.pages import BasePage, body_opening, shorten_description
from home.models.site_settings import OrganisationSettings

# The last part of the address of an event's calendar file, and of the event list's feed.
CALENDAR_SLUG = "ical"


class EventKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    WORKSHOP = "workshop", _("Workshop")
    DEMONSTRATION = "demonstration", _("Demonstration")


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events of one language: upcoming, then past ones by page; and their calendar feed at ical/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    past_events_per_page = 10

    class Meta:
        verbose_name = _("event list page")

    def events(self):
        """Live public events of this list, in its language only; never a private or draft page."""
        return EventPage.objects.child_of(self).live().public().filter(locale_id=self.locale_id)

    def upcoming_events(self, events=None):
        """Events that have not ended yet, cancelled ones included, soonest first."""
        events = self.events() if events is None else events
        return events.filter(end__gte=timezone.now()).order_by("start")

    def cities(self):
        """The cities this list has events in, each once, for the city filter."""
        return sorted(set(self.events().order_by().values_list("city", flat=True)), key=str.casefold)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cities = self.cities()
        asked = request.GET.get("city", "").strip()
        city = asked if asked in cities else ""
        events = self.events()
        if asked:
            # Only a city of the list reaches the database: any other value, however long or odd, finds nothing.
            events = events.filter(city=city) if city else events.none()
        past = events.filter(end__lt=timezone.now()).order_by("-start")
        context.update(
            cities=cities,
            city=city,
            unknown_city=bool(asked) and not city,
            # For the links between pages of past events, so that they keep the city.
            city_query=f"{urlencode({'city': city})}&" if city else "",
            upcoming_events=self.upcoming_events(events),
            past_events=Paginator(past, self.past_events_per_page).get_page(request.GET.get("past")),
        )
        context["calendar_feed_url"] = self.get_url(request) + self.reverse_subpage("ical")
        context["calendar_subscribe_url"] = re.sub(r"^https?://", "webcal://", self.calendar_feed_full_url(request))
        return context

    def calendar_feed_full_url(self, request=None):
        """On the site's public hostname (Settings > Sites), like the canonical links."""
        return self.get_full_url(request) + self.reverse_subpage("ical")

    @path(f"{CALENDAR_SLUG}/", name="ical")
    def ical(self, request):
        """The upcoming events of this language, for calendar apps to subscribe to."""
        language = self.locale.language_code
        organisation = OrganisationSettings.for_request(request).organisation_name
        with translation.override(language):
            events = [calendar_event(event, request) for event in self.upcoming_events()]
            # Translators: the name of the calendar of events in people's calendar apps. The dash is an en dash.
            name = gettext("%(organisation)s – events") % {"organisation": organisation}  # noqa: RUF001
            calendar = build_calendar(
                events,
                uid=calendar_uid("events", self.translation_key, language),
                name=name,
                description=self.meta_description,
                url=self.get_full_url(request),
                source=self.calendar_feed_full_url(request),
            )
        filename = "-".join(part for part in (slugify(organisation), self.slug, language) if part)
        return calendar_response(calendar, f"{filename}.ics")


class EventPage(RoutablePageMixin, BasePage):
    """One event; its calendar file is at ical/ under its address."""

    kind = models.CharField(
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.MEETING,
        help_text=_("What kind of event this is; shown above the title and in the list of events."),
    )
    start = models.DateTimeField(help_text=_("Belgian time."))
    end = models.DateTimeField(help_text=_("Belgian time; after the start."))
    city = models.CharField(max_length=80, help_text=_("The city, in this page's language."))
    venue = models.CharField(
        max_length=200, blank=True, help_text=_("Name and address of the place. Leave empty if given on request.")
    )
    address_on_request = models.BooleanField(
        default=False,
        help_text=_("For safe meetings: the address is not published; people ask for it."),
    )
    cancelled = models.BooleanField(
        default=False,
        help_text=_(
            "Tick if the event will not take place. It stays in the list of events, marked as cancelled, "
            "so people who planned to come know."
        ),
    )
    body = StreamField(BodyBlock(), blank=True, help_text=_("What happens, for whom, how to take part."))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("cancelled"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel([FieldPanel("city"), FieldPanel("venue"), FieldPanel("address_on_request")], _("Place")),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("city"), index.SearchField("body")]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("city"),
        APIField("venue", serializer=CharField(source="public_venue", read_only=True)),
        APIField("address_on_request"),
        APIField("cancelled"),
        APIField("body"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event page")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The event must end after it starts.")})
        if self.address_on_request and self.venue:
            raise ValidationError({"venue": _("Leave the place empty when the address is given on request.")})
        if self.slug == CALENDAR_SLUG:
            raise ValidationError({"slug": _("This address is taken by the calendar of the events: choose another.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["calendar_file_url"] = self.get_url(request) + self.reverse_subpage("ical")
        return context

    @path(f"{CALENDAR_SLUG}/", name="ical")
    def ical(self, request):
        """This one event as a file to add to a calendar."""
        with translation.override(self.locale.language_code):
            calendar = build_calendar(
                [calendar_event(self, request)],
                uid=calendar_uid("event", self.translation_key, self.locale.language_code),
            )
        return calendar_response(calendar, f"{self.slug}.ics")

    @property
    def public_venue(self):
        return "" if self.address_on_request else self.venue

    @property
    def meta_description(self):
        """What, when and where first: monthly meetings in several cities often share the same text."""
        if self.search_description:
            return shorten_description(self.search_description)
        start = timezone.localtime(self.start)
        summary = gettext("%(kind)s in %(city)s on %(date)s at %(time)s.") % {
            "kind": self.get_kind_display(),
            "city": self.city,
            "date": formats.date_format(start, "j F Y"),
            "time": formats.time_format(start, "TIME_FORMAT"),
        }
        return shorten_description(f"{summary} {strip_tags(self.intro or '') or body_opening(self)}")

    def get_structured_data(self):
        """schema.org Event, so search engines can show the date and place; never an address given on request."""
        place = {
            "@type": "Place",
            "name": self.public_venue or gettext("%(city)s, address on request") % {"city": self.city},
            "address": {"@type": "PostalAddress", "addressLocality": self.city, "addressCountry": "BE"},
        }
        return {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.meta_description,
            "url": self.full_url,
            "inLanguage": self.locale.language_code,
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end).isoformat(),
            "eventStatus": f"https://schema.org/{'EventCancelled' if self.cancelled else 'EventScheduled'}",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": place,
        }
