"""Staff change the menus in the admin and every public page shows the change, each language its own menu:
the Dutch menu is edited, its translations are synchronised and translators translate its labels."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from home.models import Menu
from membership.models import DonatePage, MembershipFormPage
from tests.conftest import organisation_settings, public_pages, snippet_edit_url, type_translation

LANGUAGES = ["nl", "fr", "en"]


def main_menu_links(client, page):
    """(label, address) of each link in the page's main menu."""
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.html["lang"] == page.locale.language_code
    nav = soup.find("nav", class_="site-nav__nav")
    return [(link.get_text(strip=True), link["href"]) for link in nav.find_all("a")]


@pytest.fixture
def dutch_main_menu(db):
    return organisation_settings().main_menu


@pytest.fixture
def staff_client(client, db):
    def sign_in(group_name):
        user = get_user_model().objects.create_user(username=group_name.lower(), password="not-used")
        user.groups.add(Group.objects.get(name=group_name))
        client.force_login(user)
        return client

    return sign_in


def edit_dutch_menu(browser, menu, label_for=None, remove=None):
    """Post the menu's edit form as the browser would: give one item a label, remove another."""
    url = snippet_edit_url(menu)
    data = querydict_from_html(browser.get(url).content.decode(), form_id="w-editor-form")
    for index in range(int(data["items-TOTAL_FORMS"])):
        page_id = int(data[f"items-{index}-page"])
        if label_for and page_id == label_for[0].id:
            data[f"items-{index}-label"] = label_for[1]
        if remove and page_id == remove.id:
            data[f"items-{index}-DELETE"] = "on"
    response = browser.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response


@pytest.mark.django_db
def test_a_change_to_the_dutch_menu_shows_on_every_dutch_page_and_nowhere_else(client, staff_client, dutch_main_menu):
    membership = MembershipFormPage.objects.get(locale__language_code="nl")
    donate = DonatePage.objects.get(locale__language_code="nl")
    edit_dutch_menu(staff_client("Editors"), dutch_main_menu, label_for=(membership, "Sluit je aan"), remove=donate)
    client.logout()

    for page in public_pages("nl"):
        links = main_menu_links(client, page)
        assert ("Sluit je aan", membership.url) in links, page.url
        assert donate.url not in dict(links).values(), page.url
    for language in ["fr", "en"]:
        for page in public_pages(language):
            links = main_menu_links(client, page)
            assert "Sluit je aan" not in dict(links), page.url
            assert DonatePage.objects.get(locale__language_code=language).url in dict(links).values(), page.url


@pytest.mark.django_db
def test_each_language_gets_the_new_menu_once_its_translators_have_translated_it(
    client, staff_client, dutch_main_menu, django_capture_on_commit_callbacks
):
    membership = MembershipFormPage.objects.get(locale__language_code="nl")
    donate = DonatePage.objects.get(locale__language_code="nl")
    editor = staff_client("Editors")
    edit_dutch_menu(editor, dutch_main_menu, label_for=(membership, "Sluit je aan"), remove=donate)

    # The editor sends the change to the translators ("Sync translated snippets", without publishing).
    source = TranslationSource.objects.get(object_id=dutch_main_menu.translation_key, locale=dutch_main_menu.locale)
    response = editor.post(reverse("wagtail_localize:update_translations", args=[source.id]), {})
    assert response.status_code == 302

    # The French translator translates the new label and saves the French menu.
    translator = staff_client("Translators")
    french_menu = Menu.objects.get(translation_key=dutch_main_menu.translation_key, locale__language_code="fr")
    translation = Translation.objects.get(source=source, target_locale=french_menu.locale)
    segment = StringSegment.objects.get(source=source, string__data="Sluit je aan")
    response = type_translation(translator, translation, segment, "Adhérer")
    assert response.status_code in {200, 201}
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(snippet_edit_url(french_menu), {"action": "publish"})
    assert response.status_code == 302
    client.logout()

    for language, label in [("nl", "Sluit je aan"), ("fr", "Adhérer")]:
        membership_here = MembershipFormPage.objects.get(locale__language_code=language)
        donate_here = DonatePage.objects.get(locale__language_code=language)
        for page in public_pages(language):
            links = main_menu_links(client, page)
            assert (label, membership_here.url) in links, page.url
            assert donate_here.url not in dict(links).values(), page.url
    # Not translated into English yet: English pages keep their menu, and never show the Dutch label.
    for page in public_pages("en"):
        links = main_menu_links(client, page)
        assert "Sluit je aan" not in dict(links), page.url
        assert DonatePage.objects.get(locale__language_code="en").url in dict(links).values(), page.url
