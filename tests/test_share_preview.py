"""A link to any page of the union's site, shared in a chat or on social media, shows a picture: the initial
content's own share image until editors choose another."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.models import Page, Site

from home.initial_content.loader import InitialContentLoader
from home.models import OrganisationSettings


def meta(head, key):
    tag = head.find("meta", attrs={"property": key}) or head.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def organisation():
    return OrganisationSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.mark.django_db
def test_every_public_page_of_the_initial_content_shares_a_1200_by_630_image(client):
    image_urls = set()
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path").specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        head = BeautifulSoup(response.content, "html.parser").head
        assert meta(head, "twitter:card") == "summary_large_image", page.url
        assert meta(head, "og:image:width") == "1200", page.url
        assert meta(head, "og:image:height") == "630", page.url
        assert meta(head, "twitter:image") == meta(head, "og:image"), page.url
        if getattr(page, "sharing_image", None) is None:  # pages with an image of their own share that one
            assert meta(head, "og:image:alt").startswith("UTSOPI"), page.url
            image_urls.add(meta(head, "og:image"))
    [image_url] = image_urls
    image = client.get(image_url.removeprefix("http://localhost"))
    assert image.status_code == 200
    assert image["Content-Type"] == "image/jpeg"


@pytest.mark.django_db
def test_loading_again_keeps_the_share_image_and_an_editors_choice():
    default = organisation().share_image
    assert default.file.storage.exists(default.file.name)
    InitialContentLoader(log=lambda message: None).load()
    assert organisation().share_image == default

    chosen = wagtail_factories.ImageFactory(title="Banner at the demonstration", file__width=2400, file__height=1260)
    settings = organisation()
    settings.share_image = chosen
    settings.save()
    InitialContentLoader(log=lambda message: None).load()
    assert organisation().share_image == chosen


@pytest.mark.django_db
def test_without_a_share_image_a_shared_link_shows_a_small_card_without_a_picture(client):
    settings = organisation()
    settings.share_image = None
    settings.save()
    head = BeautifulSoup(client.get("/nl/").content, "html.parser").head
    assert meta(head, "twitter:card") == "summary"
    assert meta(head, "og:image") is None
