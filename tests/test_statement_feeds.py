"""Journalists and partners subscribe to the statements of one language by RSS 2.0 or Atom: valid feeds with the
summary and the article's absolute address on the site's public address, only live public articles of that language."""

import feedparser
import pytest
from defusedxml.ElementTree import fromstring
from wagtail.models import PageViewRestriction, Site

from statements.models import StatementIndexPage, StatementPage
from tests.factories import StatementPageFactory

ATOM = "{http://www.w3.org/2005/Atom}"


def statements_index(language):
    return StatementIndexPage.objects.get(locale__language_code=language)


def fetch(client, language, kind):
    response = client.get(f"{statements_index(language).url}{kind}/")
    assert response.status_code == 200
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_rss_feed_is_rss_2_with_this_languages_articles_only(client, language):
    response = fetch(client, language, "rss")
    assert response["Content-Type"].startswith("application/rss+xml")
    root = fromstring(response.content)
    root_url = Site.objects.get(is_default_site=True).root_url

    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == language
    assert channel.findtext("link") == root_url + statements_index(language).url
    items = channel.findall("item")
    articles = StatementPage.objects.filter(locale__language_code=language).order_by("-date")
    assert [item.findtext("title") for item in items] == [article.title for article in articles]
    for item, article in zip(items, articles, strict=True):
        assert item.findtext("link") == root_url + article.url
        assert item.findtext("description") == article.summary
        assert item.find("guid").get("isPermaLink") == "false"
        assert item.findtext("pubDate")

    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "rss20"
    assert parsed.entries[1].published_parsed[:3] == (2015, 12, 14)  # Belgian midnight is 23:00 UTC the day before.


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_atom_feed_is_atom_1_with_ids_and_update_times(client, language):
    response = fetch(client, language, "atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = fromstring(response.content)

    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id")
    assert root.findtext(f"{ATOM}updated")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 2
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("urn:uuid:")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
        assert entry.findtext(f"{ATOM}summary")

    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    other_language = feedparser.parse(fetch(client, "fr" if language != "fr" else "nl", "atom").content)
    assert {entry.id for entry in parsed.entries}.isdisjoint({entry.id for entry in other_language.entries})


@pytest.mark.django_db
def test_drafts_and_private_articles_stay_out_of_the_feeds(client):
    index = statements_index("nl")
    StatementPageFactory(parent=index, title="Nog een ontwerp", live=False)
    private = StatementPageFactory(parent=index, title="Alleen voor leden")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim")

    for kind in ("rss", "atom"):
        titles = [entry.title for entry in feedparser.parse(fetch(client, "nl", kind).content).entries]
        assert "Nog een ontwerp" not in titles
        assert "Alleen voor leden" not in titles
        assert len(titles) == 2


@pytest.mark.django_db
def test_a_language_without_articles_has_an_empty_valid_feed(client):
    for article in StatementPage.objects.filter(locale__language_code="en"):
        article.unpublish()

    for kind, version in (("rss", "rss20"), ("atom", "atom10")):
        parsed = feedparser.parse(fetch(client, "en", kind).content)
        assert not parsed.bozo
        assert parsed.version == version
        assert parsed.entries == []
