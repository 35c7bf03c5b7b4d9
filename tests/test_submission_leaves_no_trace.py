"""What someone types into a form is found nowhere but in the encrypted submission: no cache, log or error report."""

import logging
from unittest import mock

import pytest
from django.test import Client
from django.views.debug import ExceptionReporter

from membership.models import Submission
from membership.spam import HONEYPOT_FIELD
from tests.member_data import form_page, reply

MARKER = "Trace-Marker-5Z9K"


pytestmark = pytest.mark.usefixtures("fresh_rate_limit")


@pytest.mark.django_db
@pytest.mark.parametrize("form", ["membership", "volunteer", "training"])
def test_form_and_thank_you_pages_are_never_stored_by_a_cache(client, form):
    page = form_page(form, "fr")
    assert "no-store" in client.get(page.url)["Cache-Control"]
    thanks = client.post(page.url, reply(page))
    assert Submission.objects.filter(page=page).exists()
    assert "no-store" in thanks["Cache-Control"]
    assert "private" in thanks["Cache-Control"]


@pytest.mark.django_db
def test_a_crash_while_saving_leaves_the_answers_out_of_the_error_report(caplog):
    page = form_page("membership", "nl")
    client = Client(raise_request_exception=False)
    with (
        mock.patch("membership.references.new_reference", side_effect=RuntimeError("unexpected")),
        caplog.at_level(logging.ERROR, logger="django.request"),
    ):
        response = client.post(page.url, reply(page, chosen_name=MARKER, contact=MARKER))

    assert response.status_code == 500
    [record] = [record for record in caplog.records if record.name == "django.request"]
    reporter = ExceptionReporter(record.request, *record.exc_info)
    for report in [reporter.get_traceback_text(), reporter.get_traceback_html()]:
        assert "chosen_name" in report  # the report lists the fields…
        assert MARKER not in report  # …but never what was typed, in POST or in any frame's variables
    assert MARKER not in caplog.text


@pytest.mark.django_db
def test_a_refused_reply_is_logged_without_what_was_typed(client, caplog):
    page = form_page("volunteer", "en")
    with caplog.at_level(logging.DEBUG):
        client.post(page.url, {**reply(page, chosen_name=MARKER), HONEYPOT_FIELD: MARKER}, REMOTE_ADDR="203.0.113.5")
    assert "Refused a reply" in caplog.text
    assert MARKER not in caplog.text
    assert "203.0.113.5" not in caplog.text
