"""The loader builds the whole site from the union's own text, in three languages, and is safe to run again."""

import pytest
from django.core.files.storage import default_storage
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision, Site
from wagtail_localize.models import StringTranslation, Translation

from events.models import EventPage
from history.models import HistoryPage
from home.initial_content.loader import InitialContentLoader
from home.models import FaqPage, FooterText, HomePage, Menu, MissionPage
from membership.models import MembershipFormPage
from tests.conftest import organisation_settings

EXPECTED_TYPES = {
    "HomePage": 1,
    "MissionPage": 1,
    "HistoryPage": 1,
    "ContentPage": 2,
    "FaqPage": 1,
    "MembershipFormPage": 1,
    "FormPage": 2,
    "DonatePage": 1,
    "EventIndexPage": 1,
    "EventPage": 4,
    "SearchPage": 1,
    "StatementIndexPage": 1,
    "StatementPage": 2,
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_whole_tree_exists_and_is_live_in_each_language(language):
    pages = Page.objects.filter(locale__language_code=language, depth__gt=1).specific()
    counts = {}
    for page in pages:
        assert page.live, page
        assert not page.has_unpublished_changes, page
        counts[type(page).__name__] = counts.get(type(page).__name__, 0) + 1
    assert counts == EXPECTED_TYPES


@pytest.mark.django_db
def test_the_default_site_serves_the_dutch_home_page():
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.locale.language_code == "nl"
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2, content_type__model="page").exists(), "Wagtail's welcome page remains"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("base_url", "root_url"),
    [("http://127.0.0.1:8000", "http://127.0.0.1:8000"), ("https://utsopi.example/", "https://utsopi.example")],
)
def test_the_site_lives_at_the_configured_address(settings, base_url, root_url):
    """Full URLs (sitemap, API) lead to where the site is served, not to Wagtail's placeholder localhost:80."""
    settings.WAGTAILADMIN_BASE_URL = base_url
    site = Site.objects.get(is_default_site=True)
    site.root_page = Page.objects.get(depth=1)
    site.save()
    InitialContentLoader().load()
    assert Site.objects.get(is_default_site=True).root_url == root_url


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_translations_are_managed_by_wagtail_localize(language):
    for source in Page.objects.filter(locale__language_code="nl", depth__gt=1):
        assert source.get_translations().filter(locale__language_code=language, live=True).exists(), source
        assert Translation.objects.filter(
            source__object_id=source.translation_key, target_locale__language_code=language
        ).exists(), source
    assert StringTranslation.objects.filter(locale__language_code=language).count() > 100


@pytest.mark.django_db
def test_mission_has_every_section_of_the_text_in_each_language():
    headings = {}
    for page in MissionPage.objects.all():
        headings[page.locale.language_code] = [heading for _anchor, heading in page.table_of_contents]
    assert len(headings["nl"]) == len(headings["fr"]) == len(headings["en"]) == 9
    assert "Een intersectionele strijd" in headings["nl"]
    assert "An intersectional struggle" in headings["en"]
    assert "Un combat intersectionnel" in headings["fr"]


@pytest.mark.django_db
def test_history_runs_from_summer_2015_to_2022_with_the_archive_photo():
    for page in HistoryPage.objects.all():
        entries = list(page.chronological_entries())
        assert entries[0].date.year == 2015
        assert entries[0].precision == "season"
        assert entries[-1].date.year == 2022
        photographed = [entry for entry in entries if entry.image]
        assert len(photographed) == 1
        assert photographed[0].image_caption
        assert photographed[0].image_credit
    image = photographed[0].image
    assert default_storage.exists(image.file.name)


@pytest.mark.django_db
def test_faq_groups_donations_volunteering_and_membership():
    faq = FaqPage.objects.get(locale__language_code="en")
    assert [section.value["heading"] for section in faq.sections] == ["Donations", "Volunteering", "Membership"]
    answers = " ".join(question["answer"].source for question in faq.questions())
    assert "General Assembly" in answers
    assert "supporting member" in answers


@pytest.mark.django_db
def test_membership_form_keeps_the_same_field_keys_in_every_language():
    keys = {
        page.locale.language_code: [field.clean_name for field in page.form_fields.all()]
        for page in MembershipFormPage.objects.all()
    }
    assert keys["nl"] == keys["fr"] == keys["en"]
    assert keys["nl"] == ["chosen_name", "contact_channel", "contact", "membership_type", "languages", "consent"]


@pytest.mark.django_db
def test_example_events_are_upcoming_and_marked_as_examples():
    for event in EventPage.objects.filter(locale__language_code="fr"):
        assert event.title.startswith("Exemple")
        assert event.start > event.first_published_at


@pytest.mark.django_db
def test_menus_footer_and_settings_exist_in_every_language():
    assert Menu.objects.filter(name="Main menu").count() == 3
    assert FooterText.objects.count() == 3
    settings = organisation_settings()
    assert settings.main_menu
    assert settings.footer_menu


@pytest.mark.django_db
def test_running_the_loader_again_changes_nothing():
    counts_before = (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count())
    images_before = get_image_model().objects.count()
    messages = []
    InitialContentLoader(log=messages.append).load()
    assert (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()) == counts_before
    assert get_image_model().objects.count() == images_before
    assert messages == ["Initial content: 0 objects created."]
