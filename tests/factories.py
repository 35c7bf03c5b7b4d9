"""Factories for pages and timeline entries, for tests that need more than the initial content."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventIndexPage, EventPage
from history.models import HistoryPage, TimelineEntry
from home.models import ContentPage, FaqPage, HomePage, MissionPage
from membership.models import DonatePage, MembershipFormPage
from search.models import SearchPage
from statements.models import StatementPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "UTSOPI"
    purpose = "De Belgische unie van sekswerkers."

    class Meta:
        model = HomePage


class MissionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Missie {n}")
    body = [("section", {"heading": "Sekswerk is werk", "anchor": "", "body": "<p>Tekst.</p>"})]

    class Meta:
        model = MissionPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")

    class Meta:
        model = ContentPage


class FaqPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"FAQ {n}")
    sections = [
        (
            "question_section",
            {"heading": "Lidmaatschap", "questions": [{"question": "Hoe?", "answer": "<p>Zo.</p>"}]},
        )
    ]

    class Meta:
        model = FaqPage


class HistoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Geschiedenis {n}")

    class Meta:
        model = HistoryPage


class TimelineEntryFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(HistoryPageFactory)
    date = datetime.date(2015, 12, 15)
    precision = "day"
    title = factory.Sequence(lambda n: f"Moment {n}")
    text = "<p>Wat er gebeurde.</p>"

    class Meta:
        model = TimelineEntry


class MembershipFormPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Formulier {n}")

    class Meta:
        model = MembershipFormPage


class DonatePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Doneren {n}")

    class Meta:
        model = DonatePage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Evenementen {n}")

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    city = "Brussel"

    class Meta:
        model = EventPage


class SearchPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Zoeken {n}")

    class Meta:
        model = SearchPage


class StatementPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standpunt {n}")
    date = factory.LazyFunction(lambda: timezone.localdate())
    summary = "Wat we vinden, in het kort."

    class Meta:
        model = StatementPage


def events_index(language="nl"):
    """The list of events of the loaded site in a language."""
    return EventIndexPage.objects.get(locale__language_code=language)


def add_event(language="nl", days_from_now=10, **fields):
    """A live event of two hours in the list of events of a language, by default ten days from now."""
    start = fields.pop("start", timezone.now() + datetime.timedelta(days=days_from_now))
    return EventPageFactory(
        parent=events_index(language), start=start, end=start + datetime.timedelta(hours=2), **fields
    )
