"""Staff change the organisation's facts in the admin's settings and every public page, in its own language,
shows the change at once; a malformed social media address is refused and nothing is saved (bank details:
test_donations.py)."""

import json

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from home.models.site_settings import SocialLink
from tests.conftest import organisation_settings as organisation
from tests.conftest import public_pages

SETTINGS_URL = reverse("wagtailsettings:edit", args=["home", "organisationsettings"])


def post_settings(client, social_links=(), **changes):
    """The settings form as the browser posts it, with `changes` typed in and `social_links` added."""
    page = client.get(SETTINGS_URL, follow=True)
    data = querydict_from_html(page.content.decode(), form_id="w-editor-form")
    data.update(changes)
    existing = int(data["social_links-TOTAL_FORMS"])
    for index, (label, url) in enumerate(social_links, start=existing):
        data.update({f"social_links-{index}-{key}": value for key, value in [("label", label), ("url", url)]})
        data.update({f"social_links-{index}-id": "", f"social_links-{index}-ORDER": str(index + 1)})
    data["social_links-TOTAL_FORMS"] = str(existing + len(social_links))
    return client.post(page.redirect_chain[-1][0] if page.redirect_chain else SETTINGS_URL, data)


def field_errors(response):
    """The error messages shown next to the fields of the admin form."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [error.get_text(strip=True) for error in soup.select(".w-field__errors .error-message")]


def saved():
    """What the database holds, to show that a refused form changed nothing."""
    settings = organisation()
    return (
        settings.contact_email,
        list(SocialLink.objects.values_list("label", "url")),
    )


@pytest.mark.django_db
def test_a_new_contact_address_and_name_show_on_every_page_in_its_language(client, editor_client):
    response = post_settings(editor_client, contact_email="contact@utsopi.be", organisation_name="UTSOPI vzw")
    assert response.status_code == 302
    client.logout()

    for page in public_pages():
        html = client.get(page.url).content.decode()
        soup = BeautifulSoup(html, "html.parser")
        assert soup.html["lang"] == page.locale.language_code, page.url
        assert soup.title.string.strip().endswith("UTSOPI vzw") or "UTSOPI vzw ·" in soup.title.string, page.url
        assert soup.find("a", href="mailto:contact@utsopi.be"), page.url
        assert "info@utsopi.be" not in html, page.url


@pytest.mark.django_db
def test_social_links_are_saved_and_given_to_search_engines_in_every_language(client, editor_client):
    response = post_settings(
        editor_client,
        social_links=[
            ("Instagram", "https://www.instagram.com/utsopi/"),
            ("Mastodon", "https://mastodon.social/@utsopi"),
        ],
        press_contact_name="Persteam",
        press_contact_email="pers@utsopi.be",
    )
    assert response.status_code == 302
    client.logout()
    for home in Page.objects.live().filter(depth=2):
        soup = BeautifulSoup(client.get(home.url).content, "html.parser")
        [data] = [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]
        assert data["sameAs"] == ["https://www.instagram.com/utsopi/", "https://mastodon.social/@utsopi"]
        assert data["contactPoint"][0]["email"] == "pers@utsopi.be"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("instagram dot com slash utsopi", "Enter a valid URL."),
        ("https://", "Enter a valid URL."),
        ("http://www.instagram.com/utsopi/", "Enter the full address of the profile, starting with https://."),
        ("javascript:alert(1)", "Enter a valid URL."),
    ],
)
def test_a_malformed_social_media_address_is_refused_with_a_message_and_nothing_is_saved(editor_client, url, message):
    before = saved()
    response = post_settings(editor_client, social_links=[("Instagram", url)], contact_email="new@utsopi.be")
    assert response.status_code == 200
    assert field_errors(response) == [message]
    assert saved() == before


@pytest.mark.django_db
def test_the_share_image_chosen_in_the_settings_is_shared_by_every_page(client, editor_client):
    image = wagtail_factories.ImageFactory(title="Banner", file__width=1600, file__height=900)
    response = post_settings(editor_client, share_image=str(image.pk))
    assert response.status_code == 302
    client.logout()
    for page in public_pages():
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        og_image = soup.find("meta", property="og:image")
        assert og_image is not None, page.url
        assert ".fill-1200x630.format-jpeg" in og_image["content"], page.url
