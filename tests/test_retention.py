"""Each form keeps its submissions only as long as its retention period; the purge says how many, never what."""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from membership.models import FormRetention, Submission
from tests.member_data import answers_for, form_page

MARKER = "Retention-Marker-31"


def submitted(form, language, days_ago=0):
    page = form_page(form, language)
    submission = Submission.objects.record(page=page, answers=answers_for(page, chosen_name=MARKER), consent_text="")
    Submission.objects.filter(pk=submission.pk).update(submit_time=timezone.now() - datetime.timedelta(days=days_ago))
    return submission


def purge(days_ahead=0):
    """Run the command with the clock moved `days_ahead` days into the future; returns what it printed."""
    output = io.StringIO()
    moved = timezone.now() + datetime.timedelta(days=days_ahead)
    with mock.patch("django.utils.timezone.now", return_value=moved):
        call_command("purge_expired_submissions", stdout=output)
    return output.getvalue()


def remaining():
    return set(Submission.objects.values_list("pk", flat=True))


@pytest.mark.django_db
def test_the_initial_forms_have_their_retention_periods():
    periods = {
        form: FormRetention.objects.get(form_key=form_page(form, "nl").translation_key).retention_days
        for form in ["membership", "volunteer", "training"]
    }
    assert periods == {"membership": None, "volunteer": 365, "training": 180}


@pytest.mark.django_db
def test_moving_the_clock_past_each_retention_deletes_exactly_the_expired_submissions():
    membership = [submitted("membership", language) for language in ["nl", "fr"]]
    volunteer = [submitted("volunteer", language) for language in ["nl", "en"]]
    training = [submitted("training", language) for language in ["fr", "en"]]
    everything = {submission.pk for submission in membership + volunteer + training}

    purge(days_ahead=179)
    assert remaining() == everything

    output = purge(days_ahead=181)
    assert remaining() == everything - {submission.pk for submission in training}
    assert "2 expired submission(s) deleted" in output

    purge(days_ahead=366)
    assert remaining() == {submission.pk for submission in membership}

    assert "Done: 0 expired submission(s) deleted." in purge(days_ahead=366), "running it again changes nothing"
    purge(days_ahead=3650)
    assert remaining() == {submission.pk for submission in membership}, "membership is kept until erased"


@pytest.mark.django_db
def test_only_the_submissions_past_the_period_go():
    old, recent = submitted("training", "nl", days_ago=200), submitted("training", "nl", days_ago=10)
    purge()
    assert remaining() == {recent.pk}
    assert not Submission.objects.filter(pk=old.pk).exists()


@pytest.mark.django_db
def test_a_period_changed_by_an_officer_is_followed():
    submission = submitted("membership", "en", days_ago=40)
    retention = FormRetention.objects.get(form_key=form_page("membership", "nl").translation_key)
    retention.retention_days = 30
    retention.save()
    purge()
    assert not Submission.objects.filter(pk=submission.pk).exists()


@pytest.mark.django_db
def test_the_purge_logs_counts_only():
    submission = submitted("volunteer", "fr", days_ago=400)
    output = purge()
    [entry] = ModelLogEntry.objects.filter(action="membership.submissions.purge")
    assert entry.data["rows"] == 1
    assert entry.user is None
    for text in [output, f"{entry.label} {entry.data} {entry.message}"]:
        assert MARKER not in text
        assert submission.reference not in text
