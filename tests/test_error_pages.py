"""Error pages speak the visitor's language; the 500 page renders even when nothing else works."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import path

from utsopi_site import urls as site_urls


def broken_view(request):
    raise RuntimeError("something went wrong")


urlpatterns = [*i18n_patterns(path("broken/", broken_view)), *site_urls.urlpatterns]


@pytest.fixture
def broken_site(settings, client):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"),
    [("nl", "Er ging iets mis"), ("fr", "Une erreur s"), ("en", "Something went wrong")],
)
def test_the_500_page_is_translated_and_needs_no_database(broken_site, language, heading):
    with CaptureQueriesContext(connection) as queries:
        response = broken_site.get(f"/{language}/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert heading in html
    assert len(queries) == 0
