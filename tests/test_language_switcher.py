"""Every page offers exactly its live translations: in the language switcher and as hreflang alternates."""

import re

import pytest
from wagtail.models import Page

from home.models import FaqPage


def switcher_links(html):
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    return set(re.findall(r'<a href="([^"]+)" lang="([^"]+)"', switcher[0])) if switcher else set()


def head_alternates(html):
    head = html.split("</head>")[0]
    return set(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', head))


def expected(page):
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {(translation.url, translation.locale.language_code) for translation in translations}


@pytest.mark.django_db
def test_every_page_offers_exactly_its_live_translations(client):
    for page in Page.objects.live().filter(depth__gt=1).select_related("locale"):
        html = client.get(page.url).content.decode()
        live = expected(page)
        assert switcher_links(html) == live, page.url
        alternates = {(f"http://localhost{url}", code) for url, code in live}
        dutch = next(url for url, code in live if code == "nl")
        alternates.add((f"http://localhost{dutch}", "x-default"))
        assert {(href, code) for code, href in head_alternates(html)} == alternates, page.url


@pytest.mark.django_db
def test_a_translation_taken_offline_disappears_from_switcher_and_alternates(client):
    FaqPage.objects.get(locale__language_code="fr").unpublish()
    html = client.get("/nl/faq/").content.decode()
    assert [code for _url, code in switcher_links(html)].count("fr") == 0
    assert "fr" not in {code for code, _href in head_alternates(html)}
    assert ">Nederlands<" in html
    assert ">English<" in html
