"""The quick exit as the server writes it: on every public page, first after the skip link, to the set destination.

In a browser (click, Shift three times, no JavaScript, Back): tests/browser/test_quick_exit_in_browser.py.
"""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale, Page

from home.models import ContentPage
from tests.conftest import LANGUAGES, live_pages, organisation_settings

FOCUSABLE = re.compile(r"<(a|button|input|select|textarea|summary)\b[^>]*>")


def focusable_tags(html):
    body = html[html.index("<body") :]
    return [match.group(0) for match in FOCUSABLE.finditer(body)]


def explanation_page(language):
    """The safer-browsing page chosen in the settings, in a language."""
    chosen = organisation_settings().safer_browsing_page
    return ContentPage.objects.get(translation_key=chosen.translation_key, locale__language_code=language)


def explanation_link(client, language):
    html = client.get(f"/{language}/").content.decode()
    exit_bar = html[html.index('class="quick-exit__bar') : html.index('class="quick-exit__status')]
    return re.search(r'class="quick-exit__about"\s+href="([^"]+)"', exit_bar).group(1)


@pytest.mark.django_db
def test_every_public_page_starts_with_the_skip_link_then_the_exit_link(client):
    destination = organisation_settings().quick_exit_url
    for page in live_pages():
        html = client.get(page.url).content.decode()
        first, second = focusable_tags(html)[:2]
        assert 'class="skip-link"' in first, page.url
        assert 'class="quick-exit__button"' in second, page.url
        assert f'href="{destination}"' in second, page.url
        assert 'rel="noreferrer"' in second, page.url
        assert '<script src="/static/js/quick-exit.js" defer></script>' in html, page.url


@pytest.mark.django_db
def test_the_exit_goes_where_the_settings_say(client):
    organisation = organisation_settings()
    organisation.quick_exit_url = "https://weather.example/forecast"
    organisation.save()
    html = client.get("/fr/").content.decode()
    assert 'href="https://weather.example/forecast"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_explanation_page_exists_in_each_language_and_is_linked_beside_the_button(client, language):
    page = explanation_page(language)
    assert page.live
    html = client.get(f"/{language}/").content.decode()
    exit_bar = html[html.index('class="quick-exit__bar') : html.index('class="quick-exit__status')]
    assert f'href="{page.url}"' in exit_bar
    text = client.get(page.url).content.decode()
    assert len(re.findall(r"<h2[\s>]", text)) >= 4
    # It says plainly that the browsing history is not erased.
    assert {
        "nl": "Hij wist je browsergeschiedenis niet.",
        "fr": "pas votre historique de navigation.",
        "en": "It does not erase your browsing history.",
    }[language] in text


@pytest.mark.django_db
def test_a_language_without_its_own_explanation_links_to_the_source_page(client):
    french = explanation_page("fr")
    french.unpublish()
    html = client.get("/fr/").content.decode()
    assert 'href="/nl/veiliger-surfen/" hreflang="nl"' in " ".join(html.split())


@pytest.mark.django_db
def test_the_explanation_link_follows_a_renamed_and_moved_page_in_every_language(client):
    """The page is found through the settings, never by the title, slug or place the initial content gave it."""
    for language in LANGUAGES:
        page = explanation_page(language)
        page.title = f"Veilig weg ({language})"
        page.slug = f"veilig-weg-{language}"
        page.save_revision().publish()
    dutch = explanation_page("nl")
    dutch.move(Page.objects.get(id=organisation_settings().events_page_id), pos="last-child")
    for language in LANGUAGES:
        page = explanation_page(language)
        assert page.url.endswith(f"/veilig-weg-{language}/")
        assert explanation_link(client, language) == page.url
        assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_the_explanation_link_follows_a_recreated_page_chosen_in_the_settings(client):
    """Staff make a new page (and its translations), choose it in the settings and delete the old one."""
    old = organisation_settings().safer_browsing_page
    home = Page.objects.get(depth=2, locale__language_code="nl")
    new = home.add_child(instance=ContentPage(title="Snel weg", slug="snel-weg"))
    new.save_revision().publish()
    for language in LANGUAGES:
        if language != "nl":
            translated = new.copy_for_translation(Locale.objects.get(language_code=language))
            translated.save_revision().publish()
    organisation = organisation_settings()
    organisation.safer_browsing_page = new
    organisation.save()
    for page in ContentPage.objects.filter(translation_key=old.translation_key):
        page.delete()
    for language in LANGUAGES:
        page = explanation_page(language)
        assert page.translation_key == new.translation_key
        assert explanation_link(client, language) == page.url


@pytest.mark.django_db
def test_public_pages_run_no_inline_script(client):
    for page in live_pages():
        html = client.get(page.url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert 'src="' in tag or 'type="application/ld+json"' in tag, (page.url, tag)
        assert not re.search(r"\son[a-z]+=", html), page.url
        assert "style=" not in html, page.url


@pytest.mark.django_db
def test_the_404_page_has_the_quick_exit(client):
    html = client.get("/nl/bestaat-niet/").content.decode()
    first, second = focusable_tags(html)[:2]
    assert 'class="skip-link"' in first
    assert 'href="https://www.bbc.com/weather"' in second


def test_the_500_page_has_the_quick_exit_without_touching_the_database():
    with translation.override("fr"):
        html = render_to_string("500.html")
    assert 'href="https://www.bbc.com/weather"' in html
    assert '<script src="/static/js/quick-exit.js" defer></script>' in html
    assert "quick-exit__about" not in html


def test_the_script_has_no_inline_handlers_or_eval(settings):
    script = (settings.BASE_DIR / "static" / "js" / "quick-exit.js").read_text()
    assert "location.replace(" in script
    assert "eval(" not in script
    assert "new Function" not in script
    assert "innerHTML" not in script
