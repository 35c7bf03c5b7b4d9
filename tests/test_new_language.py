"""Staff add a language from the admin, translate, publish: the site speaks it, with no code change."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from home.models import HomePage


def add_language_and_translate_home(admin_client, language_code):
    """What an admin does: Settings > Locales > Add, then Translate this page, then Publish."""
    response = admin_client.post(reverse("wagtaillocales:add"), {"language_code": language_code})
    assert response.status_code == 302, response.content.decode()[:2000]
    locale = Locale.objects.get(language_code=language_code)

    dutch_home = HomePage.objects.get(locale__language_code="nl")
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[dutch_home.id]), {"locales": [locale.id]}
    )
    assert response.status_code == 302
    translated_home = dutch_home.get_translation(locale)
    assert not translated_home.live, "a new translation must not go live with Dutch text"

    response = admin_client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={translated_home.id}",
        {"include_descendants": False},
    )
    assert response.status_code == 302
    translated_home.refresh_from_db()
    assert translated_home.live
    return translated_home


def test_romanian_added_from_the_admin_is_served_and_offered(admin_client, client):
    add_language_and_translate_home(admin_client, "ro")

    response = client.get("/ro/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ro" dir="ltr"' in html
    assert 'hreflang="ro"' in html
    assert ">Română<" in client.get("/nl/").content.decode()

    # Not yet translated: the Romanian address of the mission page goes to a language that has it.
    response = client.get("/ro/missie-en-visie/", HTTP_ACCEPT_LANGUAGE="ro,fr;q=0.8")
    assert response.status_code == 302
    assert response["Location"] == "/fr/mission-et-vision/?unavailable=ro"

    assert "/ro/" in client.get("/sitemap.xml").content.decode()
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ro").headers["Location"] == "/ro/"


def test_arabic_is_laid_out_right_to_left(admin_client, client):
    add_language_and_translate_home(admin_client, "ar")
    assert '<html lang="ar" dir="rtl"' in client.get("/ar/").content.decode()


@pytest.mark.django_db
def test_the_admin_offers_the_languages_union_members_speak():
    from wagtail_localize.locales.forms import LocaleForm

    codes = {code for code, _name in LocaleForm().fields["language_code"].choices}
    assert {"ro", "bg", "es", "pt", "th", "ar", "tr", "hu", "de"} <= codes
    assert Page.objects.filter(locale__language_code="ro").count() == 0
