"""The OpenAPI document describes the real responses: every page of every language validates against it."""

from wagtail.models import Page

from tests.conftest import conforms


def assert_valid(openapi, operation, response):
    conforms(openapi, operation, "get", response)


def test_the_document_is_openapi_3_1_with_every_page_type(openapi):
    assert openapi["openapi"] == "3.1.0"
    for page_type in {page.specific_class for page in Page.objects.filter(depth__gt=1)}:
        assert page_type.__name__ in openapi["components"]["schemas"], page_type


def test_every_page_detail_conforms(client, openapi):
    for page in Page.objects.live().filter(depth__gt=1):
        assert_valid(openapi, "/pages/{id}/", client.get(f"/api/v2/pages/{page.id}/"))


def test_listings_site_content_and_errors_conform(client, openapi):
    assert_valid(openapi, "/pages/", client.get("/api/v2/pages/", {"locale": "fr", "limit": 50}))
    assert_valid(openapi, "/pages/", client.get("/api/v2/pages/", {"locale": "xx"}))
    assert_valid(openapi, "/images/", client.get("/api/v2/images/"))
    assert_valid(openapi, "/documents/", client.get("/api/v2/documents/"))
    for locale in ("nl", "fr", "en"):
        assert_valid(openapi, "/site/", client.get("/api/v2/site/", {"locale": locale}))
