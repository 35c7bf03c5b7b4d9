"""Each page type can be added where it makes sense in the tree, and nowhere else."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from history.models import HistoryPage
from home.models import ContentPage, FaqPage, HomePage, MissionPage
from membership.models import DonatePage, FormPage, MembershipFormPage
from search.models import SearchPage
from tests import factories

PAGE_TYPES = [
    HomePage,
    MissionPage,
    ContentPage,
    FaqPage,
    HistoryPage,
    MembershipFormPage,
    FormPage,
    DonatePage,
    EventIndexPage,
    EventPage,
    SearchPage,
]

ALLOWED_PARENTS = {
    HomePage: {Page},
    MissionPage: {HomePage},
    ContentPage: {HomePage, ContentPage},
    FaqPage: {HomePage},
    HistoryPage: {HomePage},
    MembershipFormPage: {HomePage},
    FormPage: {HomePage},
    DonatePage: {HomePage},
    EventIndexPage: {HomePage},
    EventPage: {EventIndexPage},
    SearchPage: {HomePage},
}


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda model: model.__name__)
def test_page_type_allowed_only_under_its_parents(page_type):
    for parent_type in [Page, *PAGE_TYPES]:
        expected = parent_type in ALLOWED_PARENTS[page_type]
        allowed = (
            page_type in parent_type.allowed_subpage_models() and parent_type in page_type.allowed_parent_page_models()
        )
        assert allowed == expected, f"{page_type.__name__} under {parent_type.__name__}"


@pytest.fixture
def fresh_home(db, locales):
    root = Page.get_first_root_node()
    return factories.HomePageFactory(parent=root, slug="test-home", locale=locales["nl"])


@pytest.mark.parametrize(
    "factory_class",
    [
        factories.MissionPageFactory,
        factories.ContentPageFactory,
        factories.FaqPageFactory,
        factories.HistoryPageFactory,
        factories.MembershipFormPageFactory,
        factories.DonatePageFactory,
        factories.EventIndexPageFactory,
        factories.SearchPageFactory,
    ],
)
def test_each_page_type_is_created_under_a_home_page(fresh_home, factory_class):
    assert factory_class._meta.model.can_create_at(fresh_home)
    page = factory_class(parent=fresh_home)
    assert page.get_parent().specific == fresh_home


def test_single_instance_pages_are_limited_to_one_per_home(fresh_home):
    factories.MissionPageFactory(parent=fresh_home)
    assert not MissionPage.can_create_at(fresh_home)
    assert ContentPage.can_create_at(fresh_home)


def test_event_pages_belong_in_an_event_list(fresh_home):
    events = factories.EventIndexPageFactory(parent=fresh_home)
    event = factories.EventPageFactory(parent=events)
    assert event.get_parent().specific == events
    assert not EventPage.can_create_at(fresh_home)


def test_an_event_cannot_end_before_it_starts(fresh_home):
    events = factories.EventIndexPageFactory(parent=fresh_home)
    event = factories.EventPageFactory(parent=events)
    event.end = event.start
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict
