"""A front end or crawler that reaches the server under another host name (a load balancer's address, an
internal name) still gets every absolute URL from the site's configured address (Settings > Sites), never
from the host it used: in every API answer, the sitemap and the calendar feeds."""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from wagtail.models import Page, Site

from events.models import EventIndexPage, EventPage

OTHER_HOST = "127.0.0.1"  # allowed by the test settings, but not the site's address (localhost)
URL = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture
def other_host(db):
    site = Site.objects.get(is_default_site=True)
    assert site.hostname != OTHER_HOST
    return Client(HTTP_HOST=OTHER_HOST)


def urls_in(value):
    """Every http(s) URL anywhere in a decoded JSON answer, rich text included."""
    if isinstance(value, str):
        yield from URL.findall(value)
    elif isinstance(value, dict):
        for item in value.values():
            yield from urls_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from urls_in(item)


def assert_one_base(urls):
    """The site's own URLs all start with its root URL; other sites' (the quick-exit destination) are left alone."""
    root = Site.objects.get(is_default_site=True).root_url
    own = [url for url in urls if urlsplit(url).hostname in {OTHER_HOST, "localhost", "testserver"}]
    assert own, "no URL of the site to check"
    assert [url for url in own if not url.startswith(f"{root}/")] == []


def api_answers(client):
    pages = Page.objects.live().public().filter(depth__gt=1).order_by("path")
    addresses = [
        "/api/v2/openapi.json",
        "/api/v2/pages/?limit=50",
        "/api/v2/images/",
        "/api/v2/documents/",
        *[f"/api/v2/site/?locale={code}" for code in ["nl", "fr", "en"]],
        *[f"/api/v2/pages/{page_id}/" for page_id in pages.values_list("id", flat=True)],
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        yield address, json.loads(response.content)


def test_every_url_in_every_api_answer_comes_from_the_sites_address(other_host):
    urls = [url for _address, answer in api_answers(other_host) for url in urls_in(answer)]
    assert_one_base(urls)


def test_the_sitemap_comes_from_the_sites_address(other_host):
    response = other_host.get("/sitemap.xml")
    assert response.status_code == 200
    assert_one_base(URL.findall(response.content.decode()))


def test_the_calendar_feeds_come_from_the_sites_address(other_host):
    urls = []
    for index in EventIndexPage.objects.live():
        urls += URL.findall(other_host.get(f"{index.url}ical/").content.decode())
        urls += URL.findall(other_host.get(index.url).content.decode())
    for event in EventPage.objects.live():
        urls += URL.findall(other_host.get(f"{event.url}ical/").content.decode())
    assert_one_base(urls)
