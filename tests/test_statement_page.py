"""An article tells search engines, share previews and apps what it is: a NewsArticle with its date and publisher,
its own image when shared, its topics and related pages in the reader's language, and the press contact."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from home.models import OrganisationSettings
from statements.models import StatementIndexPage, StatementPage, StatementRelatedPage, StatementTopic, Topic
from tests.factories import StatementPageFactory


def article(language="nl"):
    return StatementPage.objects.get(locale__language_code=language, date__year=2015)


def structured_data(html):
    return [json.loads(script.string) for script in html.select("script[type='application/ld+json']")]


def get(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_article_is_a_news_article_with_its_date_and_publisher(client, language):
    page = article(language)
    [data] = structured_data(get(client, page))
    root_url = Site.objects.get(is_default_site=True).root_url

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == page.title
    assert data["datePublished"] == "2015-12-15"
    assert data["dateModified"].startswith(str(page.last_published_at.year))
    publisher = dict(data["publisher"])
    logo = publisher.pop("logo")  # the organisation's share image, which the initial content sets
    assert publisher == {"@type": "Organization", "name": "UTSOPI", "url": f"{root_url}/{language}/"}
    assert logo["@type"] == "ImageObject"
    assert logo["url"].startswith(root_url)
    assert data["inLanguage"] == language
    assert data["url"] == root_url + page.url


@pytest.mark.django_db
def test_an_article_with_an_image_is_shared_with_it_and_credits_it(client):
    image = Image.objects.create(
        title="Betoging", file=get_test_image_file(size=(1600, 900)), description="Een betoging"
    )
    page = StatementPageFactory(parent=article().get_parent(), image=image, image_credit="Foto: archief UTSOPI")

    html = get(client, page)

    og_image = html.find("meta", property="og:image")["content"]
    assert og_image.startswith("http")
    assert "fill-1200x630" in og_image
    assert html.find("meta", property="og:image:alt")["content"] == "Een betoging"
    assert structured_data(html)[0]["image"] == [og_image]
    assert html.select_one(".figure .figure__credit").get_text() == "Foto: archief UTSOPI"


@pytest.mark.django_db
def test_topics_and_related_pages_are_shown_in_the_readers_language(client):
    nl_index = StatementIndexPage.objects.get(locale__language_code="nl")
    topic = Topic.objects.create(name="Decriminalisering", locale=nl_index.locale)
    french_topic = topic.copy_for_translation(article("fr").locale)
    french_topic.name = "Décriminalisation"
    french_topic.save()
    french = article("fr")
    StatementTopic.objects.create(page=french, topic=topic)
    StatementRelatedPage.objects.create(page=french, related_page=nl_index.get_parent())

    html = get(client, french)

    assert html.select_one(".statement__topics a").get_text() == "Décriminalisation"
    assert html.select_one(".statement__topics a")["href"] == f"{french.get_parent().url}?topic={french_topic.pk}"
    assert html.select_one(".related-pages a")["href"] == "/fr/"
    api = client.get(f"/api/v2/pages/{french.id}/").json()
    assert api["topics"] == [{"id": french_topic.id, "name": "Décriminalisation"}]
    assert api["related_pages"][0]["locale"] == "fr"
    assert api["kind"] == "press_release"
    assert api["date"] == "2015-12-15"


@pytest.mark.django_db
def test_the_press_contact_of_the_settings_ends_the_article_when_asked(client):
    settings = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.press_contact_name = "Persteam"
    settings.press_contact_email = "pers@example.org"
    settings.save()
    page = article()
    assert get(client, page).select_one(".press-contact") is None
    assert client.get(f"/api/v2/pages/{page.id}/").json()["press_contact"] is None

    page.show_press_contact = True
    page.save_revision().publish()

    contact = get(client, page).select_one(".press-contact")
    assert "Persteam" in contact.get_text()
    assert contact.find("a", href="mailto:pers@example.org")
    assert client.get(f"/api/v2/pages/{page.id}/").json()["press_contact"] == {
        "name": "Persteam",
        "email": "pers@example.org",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["rss", "atom"])
def test_an_article_cannot_take_the_address_of_a_feed(slug):
    page = article()
    page.slug = slug
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug" in error.value.message_dict
