"""Search engines and share previews find every public page, in every language, with its own title and
description, its canonical address, Open Graph tags and valid schema.org data; robots.txt points to the sitemap."""

import json
import re

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.models import Page

from events.models import EventPage
from home.models.site_settings import SocialLink
from tests.conftest import organisation_settings, public_pages

OPEN_GRAPH_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}


def head(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return BeautifulSoup(response.content, "html.parser").head


def meta(head, key):
    tag = head.find("meta", attrs={"property": key}) or head.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def structured_data(head):
    return [json.loads(script.string) for script in head.find_all("script", type="application/ld+json")]


@pytest.fixture
def share_image(db):
    image = wagtail_factories.ImageFactory(
        title="Banner at the demonstration",
        description="A banner saying Sex work is work",
        file__width=2400,
        file__height=1600,
    )
    organisation = organisation_settings()
    organisation.share_image = image
    organisation.save()
    return image


@pytest.mark.django_db
def test_every_public_page_in_every_language_has_a_unique_title_and_description(client):
    pages = public_pages()
    assert {page.locale.language_code for page in pages} == {"nl", "fr", "en"}
    titles, descriptions = {}, {}
    for page in pages:
        page_head = head(client, page)
        titles[page.url] = page_head.title.string.strip()
        descriptions[page.url] = meta(page_head, "description")
    assert all(titles.values())
    assert all(descriptions.values())
    assert len(set(titles.values())) == len(pages), "two pages share a title"
    assert len(set(descriptions.values())) == len(pages), "two pages share a description"
    assert all(len(description) <= 160 for description in descriptions.values())


@pytest.mark.django_db
def test_every_public_page_has_its_canonical_link_and_open_graph_and_twitter_tags(client):
    for page in public_pages():
        page_head = head(client, page)
        canonical = page_head.find("link", rel="canonical")["href"]
        assert canonical == page.full_url
        assert meta(page_head, "og:url") == canonical
        assert meta(page_head, "og:title") == (page.seo_title or page.title)
        assert meta(page_head, "og:description") == meta(page_head, "description")
        assert meta(page_head, "og:type") == ("website" if page.depth == 2 else "article")
        assert meta(page_head, "og:site_name") == "UTSOPI"
        assert meta(page_head, "og:locale") == OPEN_GRAPH_LOCALES[page.locale.language_code]
        other_languages = page.get_translations().live().values_list("locale__language_code", flat=True)
        assert sorted(tag["content"] for tag in page_head.find_all("meta", property="og:locale:alternate")) == sorted(
            OPEN_GRAPH_LOCALES[code] for code in other_languages
        )
        assert meta(page_head, "twitter:card") == "summary_large_image"
        assert meta(page_head, "twitter:title") == meta(page_head, "og:title")


@pytest.mark.django_db
def test_every_public_page_has_valid_structured_data_of_its_kind(client):
    for page in public_pages():
        data = structured_data(head(client, page))
        assert data, page.url
        assert all(item["@context"] == "https://schema.org" for item in data)
        types = {item["@type"] for item in data}
        expected = {
            "HomePage": "Organization",
            "FaqPage": "FAQPage",
            "EventPage": "Event",
            "StatementPage": "NewsArticle",
        }
        assert expected.get(page.specific_class.__name__, "WebPage") in types, page.url


@pytest.mark.django_db
def test_every_page_shares_the_share_image_as_a_1200_by_630_jpeg(client, share_image):
    image_urls = set()
    for page in public_pages():
        page_head = head(client, page)
        assert meta(page_head, "og:image:width") == "1200"
        assert meta(page_head, "og:image:height") == "630"
        assert meta(page_head, "og:image:type") == "image/jpeg"
        assert meta(page_head, "og:image:alt") == "A banner saying Sex work is work"
        assert meta(page_head, "twitter:card") == "summary_large_image"
        assert meta(page_head, "twitter:image") == meta(page_head, "og:image")
        image_urls.add(meta(page_head, "og:image"))
    [image_url] = image_urls
    assert re.fullmatch(r"http://localhost/media/images/.+\.fill-1200x630\.format-jpeg\.jpg", image_url)
    response = client.get(image_url.removeprefix("http://localhost"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_home_page_describes_the_union_for_search_engines(client, share_image, language):
    organisation = organisation_settings()
    organisation.press_contact_name = "Persteam"
    organisation.press_contact_email = "pers@utsopi.be"
    organisation.social_links = [
        SocialLink(label="Instagram", url="https://www.instagram.com/utsopi/"),
        SocialLink(label="Mastodon", url="https://mastodon.social/@utsopi"),
    ]
    organisation.save()

    [data] = structured_data(head(client, Page.objects.get(depth=2, locale__language_code=language)))

    assert data["@type"] == "Organization"
    assert data["name"] == "UTSOPI"
    assert data["url"] == f"http://localhost/{language}/"
    assert data["email"] == "info@utsopi.be"
    assert data["logo"].endswith(".fill-1200x630.format-jpeg.jpg")
    assert data["sameAs"] == ["https://www.instagram.com/utsopi/", "https://mastodon.social/@utsopi"]
    assert data["contactPoint"] == [
        {"@type": "ContactPoint", "contactType": "press", "email": "pers@utsopi.be", "name": "Persteam"}
    ]


@pytest.mark.django_db
def test_an_event_tells_search_engines_when_and_where_but_never_an_address_given_on_request(client):
    on_request = EventPage.objects.get(locale__language_code="en", slug="brussels-meeting")
    with_venue = EventPage.objects.get(locale__language_code="en", slug="ghent-workshop")

    [hidden] = structured_data(head(client, on_request))
    [public] = structured_data(head(client, with_venue))

    assert hidden["@type"] == "Event"
    assert hidden["name"] == on_request.title
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[12]:00", hidden["startDate"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[12]:00", hidden["endDate"])
    assert hidden["eventStatus"] == "https://schema.org/EventScheduled"
    assert hidden["location"]["name"] == f"{on_request.city}, address on request"
    assert hidden["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": on_request.city,
        "addressCountry": "BE",
    }
    assert public["location"]["name"] == with_venue.venue


@pytest.mark.django_db
def test_a_page_without_a_meta_description_is_described_by_its_content(client):
    event = EventPage.objects.get(locale__language_code="en", slug="brussels-meeting")
    assert not event.search_description
    description = meta(head(client, event), "description")
    assert description.startswith(f"Meeting in {event.city} on ")
    assert len(description) <= 160


@pytest.mark.django_db
def test_robots_txt_lets_search_engines_in_except_the_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
