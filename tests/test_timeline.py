"""The history timeline is chronological and writes each date as precisely as it is known, in each language."""

import datetime

import pytest
from django.utils import translation

from history.models import HistoryPage, TimelineEntry

EXPECTED_DATES = {
    "nl": ["zomer 2015", "eind 2015", "15 december 2015", "2017", "2018", "2020", "2022"],
    "fr": ["été 2015", "fin 2015", "15 décembre 2015", "2017", "2018", "2020", "2022"],
    "en": ["summer 2015", "end of 2015", "15 December 2015", "2017", "2018", "2020", "2022"],
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", EXPECTED_DATES)
def test_timeline_dates_at_their_precision(language):
    page = HistoryPage.objects.get(locale__language_code=language)
    with translation.override(language):
        assert [entry.date_display for entry in page.chronological_entries()] == EXPECTED_DATES[language]


@pytest.mark.django_db
@pytest.mark.parametrize("language", EXPECTED_DATES)
def test_history_page_shows_dates_in_its_language_in_order(client, language):
    page = HistoryPage.objects.get(locale__language_code=language)
    html = client.get(page.url).content.decode()
    positions = [html.index(text) for text in EXPECTED_DATES[language][:3]]
    assert positions == sorted(positions)
    assert '<time datetime="2015-12-15">' in html


@pytest.mark.django_db
def test_entries_added_out_of_order_are_shown_chronologically():
    page = HistoryPage.objects.get(locale__language_code="nl")
    TimelineEntry.objects.create(
        page=page,
        locale=page.locale,
        date=datetime.date(2016, 3, 1),
        precision="month",
        title="Later toegevoegd",
        text="<p>Tekst</p>",
        sort_order=99,
    )
    titles = [entry.title for entry in page.chronological_entries()]
    assert titles.index("Later toegevoegd") == 3


@pytest.mark.parametrize(
    ("precision", "date", "expected"),
    [
        ("month", datetime.date(2016, 3, 1), "maart 2016"),
        ("season", datetime.date(2016, 1, 1), "winter 2016"),
        ("season", datetime.date(2016, 4, 1), "lente 2016"),
        ("season", datetime.date(2016, 10, 1), "herfst 2016"),
    ],
)
def test_other_precisions_in_dutch(precision, date, expected):
    with translation.override("nl"):
        assert TimelineEntry(date=date, precision=precision).date_display == expected
