"""Visitors and journalists find the union's statements, press releases and news in their language, newest first,
dated in that language, narrowed by kind or topic with a form that works without JavaScript; any odd address
gets the normal page, and the home page shows the latest three."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import StatementIndexPage, StatementPage, StatementTopic, Topic
from tests.factories import StatementPageFactory

DATES = {
    "nl": ["18 maart 2022", "15 december 2015"],
    "fr": ["18 mars 2022", "15 décembre 2015"],
    "en": ["18 March 2022", "15 December 2015"],
}


def statements_index(language="nl"):
    return StatementIndexPage.objects.get(locale__language_code=language)


def get(client, language="nl", params=None):
    response = client.get(statements_index(language).url, params or {})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(html):
    return [title.get_text(strip=True) for title in html.select(".statement-list .statement__title")]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_each_language_lists_its_two_articles_newest_first_dated_in_its_language(client, language):
    html = get(client, language)
    articles = StatementPage.objects.filter(locale__language_code=language).order_by("-date")

    assert listed_titles(html) == [article.title for article in articles]
    assert [time.get_text() for time in html.select(".statement-list time")] == DATES[language]
    assert [time["datetime"] for time in html.select(".statement-list time")] == ["2022-03-18", "2015-12-15"]


@pytest.mark.django_db
def test_the_filter_is_a_labelled_get_form_that_narrows_by_kind_and_topic(client):
    index = statements_index()
    topic = Topic.objects.create(name="Decriminalisering", locale=index.locale)
    tagged = StatementPageFactory(parent=index, title="Nieuwe wet", kind="statement", date=datetime.date(2030, 1, 2))
    StatementTopic.objects.create(page=tagged, topic=topic)
    StatementPageFactory(parent=index, title="Persbericht zonder thema", kind="press_release")

    form = get(client).find("form", class_="statement-filter")
    assert form["method"] == "get"
    assert not form.find_all("script")
    for name in ("kind", "topic"):
        select = form.find("select", attrs={"name": name})
        assert form.find("label", attrs={"for": select["id"]}).get_text(strip=True)
    assert [option["value"] for option in form.select("select[name=kind] option")] == [
        "",
        "statement",
        "press_release",
        "news",
    ]

    assert listed_titles(get(client, params={"kind": "press_release"})) == [
        "Persbericht zonder thema",
        "Eerste persconferentie: het eerste sekswerkerscollectief van België",
    ]
    assert listed_titles(get(client, params={"topic": topic.pk})) == ["Nieuwe wet"]
    assert listed_titles(get(client, params={"topic": topic.pk, "kind": "news"})) == []


@pytest.mark.django_db
def test_a_topic_chosen_on_a_dutch_article_filters_the_french_list_by_its_french_name(client):
    """Topics are translated snippets: the French list offers the French name and finds the French article."""
    nl, fr = statements_index("nl"), statements_index("fr")
    topic = Topic.objects.create(name="Decriminalisering", locale=nl.locale)
    french_topic = topic.copy_for_translation(fr.locale)
    french_topic.name = "Décriminalisation"
    french_topic.save()
    article = StatementPage.objects.get(locale=fr.locale, date=datetime.date(2022, 3, 18))
    StatementTopic.objects.create(page=article, topic=topic)

    html = get(client, "fr", {"topic": french_topic.pk})

    assert [option.get_text() for option in html.select("select[name=topic] option")][1:] == ["Décriminalisation"]
    assert listed_titles(html) == [article.title]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "999999"},
        {"page": "-1"},
        {"kind": "gossip"},
        {"topic": "abc"},
        {"topic": "99999999"},
        {"topic": "1' OR 1=1 --", "kind": "x" * 5000},
    ],
)
def test_odd_page_numbers_and_unknown_filters_give_the_normal_page(client, params):
    html = get(client, params=params)

    assert listed_titles(html)
    if "kind" in params or "topic" in params:
        assert html.select_one(".notice").get_text(strip=True)


@pytest.mark.django_db
def test_the_list_is_paginated_and_pages_keep_the_filter(client):
    index = statements_index()
    for number in range(index.per_page + 1):
        StatementPageFactory(parent=index, title=f"Nieuws {number}", kind="news", date=datetime.date(2030, 1, 1))

    first = get(client, params={"kind": "news"})
    assert len(listed_titles(first)) == index.per_page
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?kind=news&page=2"
    second = get(client, params={"kind": "news", "page": "2"})
    assert len(listed_titles(second)) == 2
    assert listed_titles(second)[-1] == "Sekswerk gedecriminaliseerd"


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_list_takes_as_many_queries_with_500_articles_as_with_2(client, django_assert_num_queries):
    index = statements_index()
    # Settings, site and translations caches warm, as on a running site.
    client.get(index.url)
    client.get("/nl/")
    with_two = count_queries(client, index.url)
    with_two_home = count_queries(client, "/nl/")

    for number in range(498):
        StatementPageFactory(parent=index, title=f"Bericht {number}", date=datetime.date(2020, 1, 1))

    assert StatementPage.objects.live().filter(locale=index.locale).count() == 500
    with django_assert_num_queries(with_two):
        assert client.get(index.url).status_code == 200
    with django_assert_num_queries(with_two):
        assert client.get(index.url, {"page": "50"}).status_code == 200
    assert count_queries(client, "/nl/") == with_two_home


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_home_page_shows_the_latest_three_of_its_language_and_links_the_feeds(client, language):
    index = statements_index(language)
    for number in range(3):
        StatementPageFactory(parent=index, title=f"Recent {language} {number}", date=datetime.date(2030, 1, number + 1))
    StatementPageFactory(parent=statements_index("nl" if language != "nl" else "fr"), date=datetime.date(2031, 1, 1))

    html = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")

    section = html.select_one(".latest-statements")
    assert [title.get_text(strip=True) for title in section.select(".statement__title")] == [
        f"Recent {language} 2",
        f"Recent {language} 1",
        f"Recent {language} 0",
    ]
    assert section.find("a", href=index.url)
    feeds = {link["type"]: link["href"] for link in html.select("head link[rel=alternate][type$='+xml']")}
    assert feeds == {"application/rss+xml": f"{index.url}rss/", "application/atom+xml": f"{index.url}atom/"}


@pytest.mark.django_db
def test_a_language_without_a_statements_list_shows_no_latest_news_on_its_home_page(client):
    statements_index("en").unpublish()

    html = BeautifulSoup(client.get("/en/").content, "html.parser")

    assert html.select_one(".latest-statements") is None
    assert not html.select("head link[type='application/rss+xml']")
