"""An editor schedules a page in the admin: it appears when its go-live time comes and disappears at its expiry,
once Wagtail's publish_scheduled has run (every minute in `make run`, by cron or a timer in production).
A go-live date after the expiry date is refused with a message and nothing is saved."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.blocks import TEXT_FEATURES
from tests.factories import ContentPageFactory

BRUSSELS = datetime.timezone(datetime.timedelta(hours=1))
NOW = datetime.datetime(2031, 1, 15, 10, 0, tzinfo=BRUSSELS)
GO_LIVE = datetime.datetime(2031, 1, 20, 9, 0, tzinfo=BRUSSELS)
EXPIRY = datetime.datetime(2031, 1, 27, 18, 0, tzinfo=BRUSSELS)


@pytest.fixture
def clock():
    """Stands still at NOW, from before the editor signs in, so their session is fresh at that time."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def editor_client(clock, editor_client):
    """Signed in once the clock is set."""
    return editor_client


@pytest.fixture
def draft_page(db):
    """A Dutch content page that was never published, e.g. the announcement of a campaign."""
    home = Page.objects.get(depth=2, locale__language_code="nl")
    page = ContentPageFactory(parent=home, title="Campagne 2031", slug="campagne-2031", live=False)
    page.save_revision()
    return page


def admin_time(moment):
    """A date and time as Wagtail's admin date picker writes it, in Belgian time."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def publish_form(page, **changes):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text("<p>Onze campagne begint.</p>", features=TEXT_FEATURES),
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "action-publish": "Publish",
            **changes,
        }
    )


def run_the_scheduler_at(clock, moment):
    clock.move_to(moment)
    call_command("publish_scheduled", stdout=io.StringIO())


@pytest.mark.django_db
def test_a_scheduled_page_appears_when_its_time_comes_and_disappears_at_expiry(clock, editor_client, draft_page):
    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[draft_page.id]),
        publish_form(draft_page, go_live_at=admin_time(GO_LIVE), expire_at=admin_time(EXPIRY)),
    )
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[draft_page.get_parent().id])
    visitor = Client()
    assert visitor.get("/nl/campagne-2031/").status_code == 404

    run_the_scheduler_at(clock, GO_LIVE - datetime.timedelta(minutes=1))
    assert visitor.get("/nl/campagne-2031/").status_code == 404

    run_the_scheduler_at(clock, GO_LIVE + datetime.timedelta(minutes=1))
    response = visitor.get("/nl/campagne-2031/")
    assert response.status_code == 200
    assert "Onze campagne begint." in response.content.decode()

    run_the_scheduler_at(clock, EXPIRY + datetime.timedelta(minutes=1))
    assert visitor.get("/nl/campagne-2031/").status_code == 404


@pytest.mark.django_db
def test_a_go_live_date_after_the_expiry_date_is_refused_and_nothing_is_saved(editor_client, draft_page):
    revisions = draft_page.revisions.count()

    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[draft_page.id]),
        publish_form(draft_page, title="Campagne, later", go_live_at=admin_time(EXPIRY), expire_at=admin_time(GO_LIVE)),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "The page could not be saved due to validation errors" in html
    assert "Go live date/time must be before expiry date/time" in html
    draft_page.refresh_from_db()
    assert draft_page.title == "Campagne 2031"
    assert draft_page.revisions.count() == revisions
    assert not draft_page.live
