"""A press release under embargo: scheduled for tomorrow, it is nowhere (list, feeds, sitemap, search, API, home
page) until its time, then everywhere once Wagtail's publish_scheduled has run, without anyone doing anything."""

import datetime
import io

import feedparser
import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from search.models import SearchPage
from statements.models import StatementIndexPage
from tests.factories import StatementPageFactory

BRUSSELS = datetime.timezone(datetime.timedelta(hours=1))
NOW = datetime.datetime(2031, 1, 15, 10, 0, tzinfo=BRUSSELS)
GO_LIVE = datetime.datetime(2031, 1, 16, 9, 0, tzinfo=BRUSSELS)
TITLE = "Embargo tot morgen: nieuwe campagne"


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def press_release(clock, db):
    """Written today and published with a go-live time tomorrow, as the admin's Publishing schedule does."""
    index = StatementIndexPage.objects.get(locale__language_code="nl")
    page = StatementPageFactory(
        parent=index,
        title=TITLE,
        slug="embargo",
        kind="press_release",
        date=GO_LIVE.date(),
        summary="Zoekwoord zeldzaamheidsproef.",
        live=False,
    )
    page.go_live_at = GO_LIVE
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    return page


def seen_everywhere(client, page):
    """Where the article is visible: each place a visitor, a feed reader, a search engine or an app looks."""
    index = StatementIndexPage.objects.get(locale__language_code="nl")
    search = SearchPage.objects.get(locale__language_code="nl")
    places = {
        "page": client.get("/nl/nieuws/embargo/").status_code == 200,
        "list": TITLE in client.get(index.url).content.decode(),
        "home": TITLE in client.get("/nl/").content.decode(),
        "rss": TITLE in [entry.title for entry in feedparser.parse(client.get(f"{index.url}rss/").content).entries],
        "atom": TITLE in [entry.title for entry in feedparser.parse(client.get(f"{index.url}atom/").content).entries],
        "sitemap": "/nl/nieuws/embargo/" in client.get("/sitemap.xml").content.decode(),
        "search": TITLE in client.get(search.url, {"q": "zeldzaamheidsproef"}).content.decode(),
        "api list": page.id
        in [item["id"] for item in client.get("/api/v2/pages/", {"type": "statements.StatementPage"}).json()["items"]],
        "api detail": client.get(f"/api/v2/pages/{page.id}/").status_code == 200,
    }
    return places


def run_the_scheduler_at(clock, moment):
    clock.move_to(moment)
    call_command("publish_scheduled", stdout=io.StringIO())


@pytest.mark.django_db
def test_a_press_release_under_embargo_appears_everywhere_at_its_time_and_not_before(clock, press_release):
    visitor = Client()
    assert not any(seen_everywhere(visitor, press_release).values())

    run_the_scheduler_at(clock, GO_LIVE - datetime.timedelta(minutes=1))
    assert not any(seen_everywhere(visitor, press_release).values())

    run_the_scheduler_at(clock, GO_LIVE + datetime.timedelta(minutes=1))
    assert all(seen_everywhere(visitor, press_release).values()), seen_everywhere(visitor, press_release)
